// Settings reads (admins only), as plain JSON for the page and its GET route handlers: API access
// keys and console users (the console's own database, in either mode), and the account's
// Incident Manager set-up through lib/im (replication set, resource policies, tags).
import "server-only";
import { listApiKeys } from "@/lib/api-keys";
import { config } from "@/lib/config";
import { iso } from "@/lib/console/core/names";
import { withServices } from "@/lib/console/core/safe-action";
import type { Tag } from "@/lib/console/tags/dto";
import { listResourceTags } from "@/lib/console/tags/resource-tags";
import { db } from "@/lib/db/client";
import { maxOf } from "@/lib/im/model";
import type { ApiKeyRow, ConsoleMode, ReplicationSetView, ResourcePolicyRow } from "./dto";

export function listApiKeyRows() {
  return withServices("listApiKeyRows", "settings.read", async (): Promise<ApiKeyRow[]> => {
    const keys = await listApiKeys(db());
    return keys.map((k) => ({
      accessKeyId: k.accessKeyId,
      name: k.name,
      role: k.role,
      createdAt: k.createdAt.toISOString(),
      lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      revokedAt: k.revokedAt?.toISOString() ?? null,
    }));
  });
}

/** The region the CLI example names (the console's own). */
export function consoleRegion(): string {
  return config().region;
}

export function consoleMode(): ConsoleMode {
  return config().backend;
}

/** The account's replication set (there is at most one), or null when there is none. */
export function getReplicationSetView() {
  return withServices("getReplicationSetView", "settings.read", async ({ im }): Promise<ReplicationSetView> => {
    const { replicationSetArns } = await im.incidents.listReplicationSets({});
    const arn = replicationSetArns?.[0];
    if (!arn) return null;
    const { replicationSet: set } = await im.incidents.getReplicationSet({ arn });
    return {
      arn,
      status: set?.status ?? "ACTIVE",
      deletionProtected: set?.deletionProtected ?? false,
      createdBy: set?.createdBy,
      createdTime: iso(set?.createdTime),
      lastModifiedBy: set?.lastModifiedBy,
      lastModifiedTime: iso(set?.lastModifiedTime),
      regions: Object.entries(set?.regionMap ?? {})
        .map(([regionName, r]) => ({
          regionName,
          status: r.status ?? "ACTIVE",
          statusMessage: r.statusMessage || undefined,
          sseKmsKeyId: r.sseKmsKeyId,
          statusUpdateDateTime: iso(r.statusUpdateDateTime),
        }))
        .sort((a, b) => a.regionName.localeCompare(b.regionName)),
    };
  });
}

// One page holds every policy a plan can have: as many as GetResourcePolicies' list holds.
const MAX_POLICIES = maxOf("ssm-incidents", "ResourcePolicyList");

/** The resource policies of a response plan. */
export function listResourcePolicyRows(resourceArn: string) {
  return withServices("listResourcePolicyRows", "settings.read", async ({ im }): Promise<ResourcePolicyRow[]> => {
    const { resourcePolicies } = await im.incidents.getResourcePolicies({ resourceArn, maxResults: MAX_POLICIES });
    return (resourcePolicies ?? []).map((p) => ({ policyId: p.policyId!, policyDocument: p.policyDocument ?? "", ramResourceShareRegion: p.ramResourceShareRegion ?? "" }));
  });
}

/** The tags of any Incident Manager resource (either service), by ARN. */
export function listTagRows(arn: string) {
  return withServices("listTagRows", "settings.read", ({ im }): Promise<Tag[]> => listResourceTags(im, arn));
}

// Settings rows as client components receive them (times as ISO strings). Client-safe.
import type { Role } from "@/lib/auth/permissions";

export type ApiKeyRow = {
  accessKeyId: string;
  name: string;
  role: Role | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

/** What creating a key returns: the only time the secret leaves the server. */
export type CreatedKey = { accessKeyId: string; secretAccessKey: string; name: string; role: Role };

/** A Region of the replication set (RegionInfo), times as ISO strings. */
export type ReplicationRegionRow = {
  regionName: string;
  status: string;
  statusMessage?: string;
  sseKmsKeyId?: string;
  statusUpdateDateTime?: string;
};

/** The account's replication set (GetReplicationSet), or null when Incident Manager isn't set up. */
export type ReplicationSetView = {
  arn: string;
  status: string;
  deletionProtected: boolean;
  createdBy?: string;
  createdTime?: string;
  lastModifiedBy?: string;
  lastModifiedTime?: string;
  regions: ReplicationRegionRow[];
} | null;

/** A resource policy of a response plan (GetResourcePolicies). */
export type ResourcePolicyRow = { policyId: string; policyDocument: string; ramResourceShareRegion: string };

/** Which backend answers: API access keys exist only for the local model's endpoints. */
export type ConsoleMode = "local" | "aws";

/** A resource's tag, in either service. */

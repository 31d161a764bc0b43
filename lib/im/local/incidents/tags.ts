// TagResource, UntagResource, ListTagsForResource, and addTags for the operations that create a
// resource with tags. The rows are the shared tag store's (../tags.ts); what is ssm-incidents' own
// is here: which ARNs carry tags and the errors that say why not, tags as a map, and its quota.
import type * as I from "@aws-sdk/client-ssm-incidents";
import type { Tx } from "@/lib/db/client";
import type { Out } from "../../contract";
import { notFound, validation } from "../../errors";
import { maxOf } from "../../model";
import { parseIncidentsArn } from "@/lib/im/arns";
import type { LocalContext } from "../context";
import { tagStore } from "../tags";

/** The ssm-incidents resources that carry tags, with the ResourceType the errors name. */
const TAGGABLE = {
  "response-plan": "RESPONSE_PLAN",
  "incident-record": "INCIDENT_RECORD",
  "replication-set": "REPLICATION_SET",
} as const;

type Taggable = keyof typeof TAGGABLE;

/**
 * The resource behind an ARN, or the reason it can't carry tags: a string that isn't an
 * ssm-incidents ARN, or one naming a kind of resource without tags, is a ValidationException; a
 * well-formed ARN of a resource that doesn't exist is a ResourceNotFoundException.
 */
async function requireTaggable(tx: Tx, arn: string): Promise<void> {
  const parsed = parseIncidentsArn(arn);
  if (!parsed) {
    throw validation(`${arn} is not an ssm-incidents resource ARN`, [{ name: "resourceArn", message: "Not an ssm-incidents ARN" }]);
  }
  if (!(parsed.resourceType in TAGGABLE)) {
    throw validation(`Resources of type ${parsed.resourceType} can't be tagged: tag a response plan, an incident record or the replication set`, [
      { name: "resourceArn", message: `${parsed.resourceType} is not taggable` },
    ]);
  }
  const type = parsed.resourceType as Taggable;
  const where = { where: { arn }, select: { id: true } } as const;
  const found =
    type === "response-plan"
      ? await tx.responsePlan.findUnique(where)
      : type === "incident-record"
        ? await tx.incidentRecord.findUnique(where)
        : await tx.replicationSet.findUnique(where);
  if (!found) throw notFound(TAGGABLE[type], arn, `The resource ${arn} does not exist`);
}

const store = tagStore({
  service: "ssm-incidents",
  requireTaggable,
  pairs: (tags: Record<string, string> | undefined) => Object.entries(tags ?? {}),
  // A resource holds no more tags than ListTagsForResource's TagMap can answer with.
  max: maxOf("ssm-incidents", "TagMap"),
  holder: "A resource",
});

/** Adds tags to a resource being created (existing keys take the new value), within the quota. */
export const addTags = store.add;

/** The quota error for a new resource with `count` tags (StartIncident writes an incident's tags itself). */
export const tagQuotaExceeded = store.tooMany;

export async function tagResource(ctx: LocalContext, input: I.TagResourceCommandInput): Promise<Out<I.TagResourceCommandOutput>> {
  await store.tag(ctx.db, input.resourceArn!, input.tags);
  return {};
}

export async function untagResource(ctx: LocalContext, input: I.UntagResourceCommandInput): Promise<Out<I.UntagResourceCommandOutput>> {
  await store.untag(ctx.db, input.resourceArn!, input.tagKeys ?? []);
  return {};
}

export async function listTagsForResource(
  ctx: LocalContext,
  input: I.ListTagsForResourceCommandInput,
): Promise<Out<I.ListTagsForResourceCommandOutput>> {
  return { tags: Object.fromEntries(await store.list(ctx.db, input.resourceArn!)) };
}

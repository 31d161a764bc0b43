// TagResource, UntagResource, ListTagsForResource, and the tag helpers the other ssm-incidents
// operations use. Tags live in the Tag table keyed by the resource's ARN, so a resource's tags go
// when the resource goes (deleteTagsOf).
import type * as I from "@aws-sdk/client-ssm-incidents";
import type { Tx } from "@/lib/db/client";
import type { Out } from "../../contract";
import { ImError, notFound, validation } from "../../errors";
import { newId, parseIncidentsArn } from "@/lib/im/arns";
import type { LocalContext } from "../context";

/**
 * Tags per resource: the TagMap the model gives TagResource and ListTagsForResource holds at most
 * 50 entries (reference: TagResource, "Map Entries: Maximum number of 50 items").
 */
export const MAX_TAGS_PER_RESOURCE = 50;

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

/** Adds tags to a resource (existing keys take the new value), keeping it within the quota. */
export async function addTags(tx: Tx, resourceArn: string, tags: Record<string, string> | undefined): Promise<void> {
  const entries = Object.entries(tags ?? {});
  if (!entries.length) return;
  const existing = await tx.tag.findMany({ where: { resourceArn }, select: { key: true } });
  const keys = new Set([...existing.map((t) => t.key), ...entries.map(([k]) => k)]);
  if (keys.size > MAX_TAGS_PER_RESOURCE) {
    // TagResource lists ServiceQuotaExceededException for this; the request itself was well formed.
    throw new ImError(
      "ServiceQuotaExceededException",
      `A resource can have at most ${MAX_TAGS_PER_RESOURCE} tags; ${resourceArn} would have ${keys.size}`,
      { resourceId: resourceArn, quotaCode: "tags-per-resource", serviceCode: "ssm-incidents" },
    );
  }
  for (const [key, value] of entries) {
    await tx.tag.upsert({
      where: { resourceArn_key: { resourceArn, key } },
      create: { id: newId(), resourceArn, key, value },
      update: { value },
    });
  }
}

/** Removes every tag of the given resources (when they are deleted). */
export async function deleteTagsOf(tx: Tx, resourceArns: string[]): Promise<void> {
  if (resourceArns.length) await tx.tag.deleteMany({ where: { resourceArn: { in: resourceArns } } });
}

export async function tagResource(ctx: LocalContext, input: I.TagResourceCommandInput): Promise<Out<I.TagResourceCommandOutput>> {
  const arn = input.resourceArn!;
  return ctx.db.$transaction(async (tx) => {
    await requireTaggable(tx, arn);
    await addTags(tx, arn, input.tags);
    return {};
  });
}

export async function untagResource(ctx: LocalContext, input: I.UntagResourceCommandInput): Promise<Out<I.UntagResourceCommandOutput>> {
  const arn = input.resourceArn!;
  return ctx.db.$transaction(async (tx) => {
    await requireTaggable(tx, arn);
    // Keys the resource doesn't have are simply not there afterwards: UntagResource is idempotent.
    await tx.tag.deleteMany({ where: { resourceArn: arn, key: { in: input.tagKeys ?? [] } } });
    return {};
  });
}

export async function listTagsForResource(
  ctx: LocalContext,
  input: I.ListTagsForResourceCommandInput,
): Promise<Out<I.ListTagsForResourceCommandOutput>> {
  const arn = input.resourceArn!;
  await requireTaggable(ctx.db, arn);
  const rows = await ctx.db.tag.findMany({ where: { resourceArn: arn }, select: { key: true, value: true }, orderBy: { key: "asc" } });
  return { tags: Object.fromEntries(rows.map((r) => [r.key, r.value])) };
}

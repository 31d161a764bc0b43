// The one tag store of both local services. Tags live in the Tag table, one row per resource ARN
// and key, so a row belongs to whichever service owns the ARN, and both services write it by the
// same rules: a key given again takes the new value, a resource holds at most its service's quota
// (TagResource lists ServiceQuotaExceededException for that), untagging a key that isn't there is
// no error, a resource's tags go when it goes.
//
// What differs stays with each service, in the rules it hands tagStore: which of its ARNs carry
// tags (and the error fields that say why not), the shape tags take in its requests (a map in
// ssm-incidents, a Key/Value list in ssm-contacts), and what its quota error says. Living here, in
// lib/im/local itself, lets incidents/ and contacts/ share it without importing each other.
import type { Db, Tx } from "@/lib/db/client";
import { newId } from "@/lib/im/arns";
import { ImError } from "../errors";
import type { ServiceId } from "../model";

export type TagPair = [key: string, value: string];

/** How one service tags its resources. */
export type TagRules<T> = {
  service: ServiceId;
  /** Refuses an ARN that names no taggable resource of the service, with the service's own error. */
  requireTaggable(tx: Tx, arn: string): Promise<void>;
  /** A request's tags (T: the service's shape for them) as pairs; may refuse them. */
  pairs(tags: T): TagPair[];
  /** How many tags a resource may carry: the model's maximum of the service's tag map or list. */
  max: number;
  /** What the quota error calls the resource: "A resource", "A contact". */
  holder: string;
  /** The resource type the quota error names, where the service names one. */
  resourceType?: string;
};

export type TagStore<T> = {
  /** The quota error for a resource that would hold `count` tags (a create that writes its tags itself). */
  tooMany(resourceArn: string, count: number): ImError;
  /** Tags a resource inside the caller's transaction, once the caller knows it exists (a create's tags). */
  add(tx: Tx, arn: string, tags: T): Promise<void>;
  /** TagResource: checks the ARN, then adds. */
  tag(db: Db, arn: string, tags: T): Promise<void>;
  /** UntagResource: checks the ARN, then removes the keys (UntagResource is idempotent). */
  untag(db: Db, arn: string, keys: string[]): Promise<void>;
  /** ListTagsForResource: checks the ARN, then the resource's tags by key. */
  list(db: Db, arn: string): Promise<TagPair[]>;
};

export function tagStore<T>(rules: TagRules<T>): TagStore<T> {
  // The request itself was well formed: it is the resource that would hold too many.
  const tooMany = (resourceArn: string, count: number) =>
    new ImError("ServiceQuotaExceededException", `${rules.holder} can have at most ${rules.max} tags; ${resourceArn} would have ${count}`, {
      resourceId: resourceArn,
      ...(rules.resourceType ? { resourceType: rules.resourceType } : {}),
      quotaCode: "tags-per-resource",
      serviceCode: rules.service,
    });

  async function add(tx: Tx, resourceArn: string, tags: T): Promise<void> {
    // Converted first: a request whose tags the service refuses is refused whatever the quota.
    const given = rules.pairs(tags);
    if (!given.length) return;
    const existing = await tx.tag.findMany({ where: { resourceArn }, select: { key: true } });
    const keys = new Set([...existing.map((t) => t.key), ...given.map(([key]) => key)]);
    if (keys.size > rules.max) throw tooMany(resourceArn, keys.size);
    for (const [key, value] of given) {
      await tx.tag.upsert({ where: { resourceArn_key: { resourceArn, key } }, create: { id: newId(), resourceArn, key, value }, update: { value } });
    }
  }

  return {
    tooMany,
    add,
    tag: (db, arn, tags) =>
      db.$transaction(async (tx) => {
        await rules.requireTaggable(tx, arn);
        await add(tx, arn, tags);
      }),
    untag: (db, arn, keys) =>
      db.$transaction(async (tx) => {
        await rules.requireTaggable(tx, arn);
        await tx.tag.deleteMany({ where: { resourceArn: arn, key: { in: keys } } });
      }),
    async list(db, arn) {
      await rules.requireTaggable(db, arn);
      const rows = await db.tag.findMany({ where: { resourceArn: arn }, select: { key: true, value: true }, orderBy: { key: "asc" } });
      return rows.map((r): TagPair => [r.key, r.value]);
    },
  };
}

/** Removes every tag of the given resources, in the transaction that deletes them. */
export async function deleteTagsOf(tx: Tx, resourceArns: string[]): Promise<void> {
  if (resourceArns.length) await tx.tag.deleteMany({ where: { resourceArn: { in: resourceArns } } });
}

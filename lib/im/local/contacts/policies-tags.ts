// PutContactPolicy, GetContactPolicy, TagResource, UntagResource, ListTagsForResource. Policies
// belong to contacts (reference: PutContactPolicy "Adds a resource policy to the specified contact
// or escalation plan"); tags to contacts of every type and to rotations, which CreateRotation tags.
// Tags live in the shared tag store (../tags.ts), keyed by the resource's ARN; the policy is a
// column of the contact, so DeleteContact takes both along.
import type * as C from "@aws-sdk/client-ssm-contacts";
import type { Tx } from "@/lib/db/client";
import type { Out } from "../../contract";
import { notFound, validation, type ValidationField } from "../../errors";
import { maxOf } from "../../model";
import type { LocalContext } from "../context";
import { tagStore, type TagPair } from "../tags";
import { RESOURCE, requireContact } from "./records";

const CONTACTS_ARN = /^arn:aws(?:-cn|-us-gov)?:ssm-contacts:[a-z0-9-]*:[0-9]*:([a-z-]+)\/.+$/;

/** The contact or rotation a tagging call names; other kinds of ssm-contacts resources carry no tags. */
async function requireTaggable(tx: Pick<Tx, "contact" | "rotation">, arn: string): Promise<void> {
  const kind = CONTACTS_ARN.exec(arn)?.[1];
  if (!kind) {
    throw validation(`${arn} is not an ssm-contacts resource ARN`, [{ name: "ResourceARN", message: "Not an ssm-contacts ARN" }]);
  }
  if (kind === "rotation") {
    // CreateRotation takes Tags, so a rotation carries them like a contact.
    const rotation = await tx.rotation.findUnique({ where: { arn }, select: { id: true } });
    if (!rotation) throw notFound("ROTATION", arn, `The rotation ${arn} does not exist`);
    return;
  }
  if (kind !== "contact") {
    throw validation(`Resources of type ${kind} can't be tagged: tag a contact, an escalation plan, an on-call schedule or a rotation`, [
      { name: "ResourceARN", message: `${kind} is not taggable` },
    ]);
  }
  const found = await tx.contact.findUnique({ where: { arn }, select: { id: true } });
  if (!found) throw notFound(RESOURCE.contact, arn, `The contact or escalation plan ${arn} does not exist`);
}

/** Tag's Key and Value are optional in the model, but a tag is a pair: both are required here. */
function tagPairs(tags: C.Tag[] | undefined): TagPair[] {
  const problems: ValidationField[] = [];
  tags?.forEach((t, i) => {
    if (t.Key === undefined) problems.push({ name: `Tags[${i}].Key`, message: "A tag needs a key" });
    if (t.Value === undefined) problems.push({ name: `Tags[${i}].Value`, message: "A tag needs a value" });
  });
  if (problems.length) throw validation("Every tag needs a Key and a Value", problems);
  return (tags ?? []).map((t) => [t.Key!, t.Value!]);
}

const store = tagStore({
  service: "ssm-contacts",
  requireTaggable,
  pairs: tagPairs,
  // A contact holds no more tags than ListTagsForResource's TagsList can answer with.
  max: maxOf("ssm-contacts", "TagsList"),
  holder: "A contact",
  resourceType: RESOURCE.contact,
});

/** Adds tags to a contact being created (a key given again takes the new value), within the quota. */
export const addContactTags = store.add;

export async function putContactPolicy(ctx: LocalContext, input: C.PutContactPolicyCommandInput): Promise<Out<C.PutContactPolicyCommandOutput>> {
  const policy = input.Policy!;
  // A resource policy is an IAM policy document: JSON, an object. What it allows is AWS RAM's
  // business (sharing across accounts), which a single-account local model keeps but doesn't apply.
  let parsed: unknown;
  try {
    parsed = JSON.parse(policy);
  } catch {
    parsed = undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw validation("The policy must be a JSON policy document (an object)", [{ name: "Policy", message: "Must be a JSON object" }]);
  }
  return ctx.db.$transaction(async (tx) => {
    const contact = await requireContact(tx, input.ContactArn!);
    // One policy per contact: a new one replaces it.
    await tx.contact.update({ where: { id: contact.id }, data: { policy, updatedAt: ctx.clock.now() }, select: { id: true } });
    return {};
  });
}

export async function getContactPolicy(ctx: LocalContext, input: C.GetContactPolicyCommandInput): Promise<Out<C.GetContactPolicyCommandOutput>> {
  const arn = input.ContactArn!;
  const row = await ctx.db.contact.findUnique({ where: { arn }, select: { arn: true, policy: true } });
  if (!row) throw notFound(RESOURCE.contact, arn, `The contact or escalation plan ${arn} does not exist`);
  return { ContactArn: row.arn, ...(row.policy !== null ? { Policy: row.policy } : {}) };
}

export async function tagResource(ctx: LocalContext, input: C.TagResourceCommandInput): Promise<Out<C.TagResourceCommandOutput>> {
  await store.tag(ctx.db, input.ResourceARN!, input.Tags);
  return {};
}

export async function untagResource(ctx: LocalContext, input: C.UntagResourceCommandInput): Promise<Out<C.UntagResourceCommandOutput>> {
  await store.untag(ctx.db, input.ResourceARN!, input.TagKeys ?? []);
  return {};
}

export async function listTagsForResource(
  ctx: LocalContext,
  input: C.ListTagsForResourceCommandInput,
): Promise<Out<C.ListTagsForResourceCommandOutput>> {
  const tags = await store.list(ctx.db, input.ResourceARN!);
  return { Tags: tags.map(([Key, Value]) => ({ Key, Value })) };
}

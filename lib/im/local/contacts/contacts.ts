// CreateContact, GetContact, ListContacts, UpdateContact, DeleteContact: personal contacts and
// escalation plans (both are contacts, told apart by Type).
import type * as C from "@aws-sdk/client-ssm-contacts";
import type { Prisma, Tx } from "@/lib/db/client";
import type { Out } from "../../contract";
import { ImError } from "../../errors";
import { contactsArn, newId } from "@/lib/im/arns";
import type { LocalContext } from "../context";
import { idempotent } from "../idempotency";
import { page } from "../pagination";
import { deleteTagsOf } from "../tags";
import { planRows, readPlan, replacePlan } from "./plan";
import { addContactTags } from "./policies-tags";
import { isForeignKeyViolation, isUniqueViolation } from "@/lib/db/errors";
import { aliasConflict, CONTACT_SELECT, type ContactRow, decodeNextToken, pageSize, RESOURCE, requireContact, toContact } from "./records";

export async function createContact(ctx: LocalContext, input: C.CreateContactCommandInput): Promise<Out<C.CreateContactCommandOutput>> {
  const alias = input.Alias!;
  const type = input.Type!;
  const arn = contactsArn.contact(ctx, alias);
  try {
    return await idempotent(ctx, { service: "ssm-contacts", operation: "CreateContact", token: input.IdempotencyToken, tokenField: "IdempotencyToken" }, input, async (tx) => {
      // "The contact alias must be unique and identifiable" (reference: CreateContact, Alias).
      if (await tx.contact.findUnique({ where: { alias }, select: { id: true } })) throw aliasConflict(alias, arn);
      const id = newId();
      // A new personal contact has no channels yet, so its plan can name none: the usual flow is
      // an empty plan (the reference's example sends "Stages": []), then channels, then UpdateContact.
      const plan = await planRows(tx, { id, type }, input.Plan);
      const now = ctx.clock.now();
      await tx.contact.create({ data: { id, arn, alias, displayName: input.DisplayName || null, type, createdAt: now, updatedAt: now } });
      await replacePlan(tx, { id, arn }, plan);
      await addContactTags(tx, arn, input.Tags);
      return { ContactArn: arn };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw aliasConflict(alias, arn);
    throw e;
  }
}

export async function getContact(ctx: LocalContext, input: C.GetContactCommandInput): Promise<Out<C.GetContactCommandOutput>> {
  const contact = await requireContact(ctx.db, input.ContactId!);
  return { ...toContact(contact), Plan: await readPlan(ctx.db, contact.id) };
}

export async function listContacts(ctx: LocalContext, input: C.ListContactsCommandInput): Promise<Out<C.ListContactsCommandOutput>> {
  const limit = pageSize(input.MaxResults);
  const cursor = decodeNextToken(input.NextToken, "string");
  // The reference gives no order; its example lists by alias, which is also what a responder
  // scanning a long list expects. Aliases are unique, so the alias alone is the cursor.
  const prefix = input.AliasPrefix ?? "";
  const base: Prisma.ContactWhereInput = input.Type ? { type: input.Type } : {};
  // Prisma's startsWith is a LIKE, in which '_' (allowed in aliases) matches any character: it
  // narrows the search, and the rows are then held to the literal prefix, reading on until a full
  // page matches or the table ends.
  const rows: ContactRow[] = [];
  let after = cursor ? String(cursor.k) : undefined;
  for (;;) {
    const batch = await ctx.db.contact.findMany({
      where: { ...base, alias: { ...(prefix ? { startsWith: prefix } : {}), ...(after !== undefined ? { gt: after } : {}) } },
      orderBy: { alias: "asc" },
      take: limit + 1,
      select: CONTACT_SELECT,
    });
    rows.push(...batch.filter((r) => r.alias.startsWith(prefix)));
    if (rows.length > limit || batch.length <= limit) break;
    after = batch[batch.length - 1].alias;
  }
  const { items, nextToken } = page(rows, limit, (r) => r.alias);
  return { Contacts: items.map(toContact), NextToken: nextToken };
}

export async function updateContact(ctx: LocalContext, input: C.UpdateContactCommandInput): Promise<Out<C.UpdateContactCommandOutput>> {
  return ctx.db.$transaction(async (tx) => {
    const contact = await requireContact(tx, input.ContactId!);
    // A member left out keeps its value. DisplayName may be empty (length 0 in the model), which
    // clears it; a Plan given replaces the whole plan (reference: UpdateContact, Plan "A list of stages").
    const data: Prisma.ContactUpdateInput = { updatedAt: ctx.clock.now() };
    if (input.DisplayName !== undefined) data.displayName = input.DisplayName || null;
    // The contact's row is written first: on PostgreSQL that locks it, so two plan updates (or a
    // plan update and a channel deletion) of one contact take turns instead of interleaving.
    await tx.contact.update({ where: { id: contact.id }, data, select: { id: true } });
    if (input.Plan !== undefined) await replacePlan(tx, contact, await planRows(tx, contact, input.Plan));
    return {};
  });
}

export async function deleteContact(ctx: LocalContext, input: C.DeleteContactCommandInput): Promise<Out<C.DeleteContactCommandOutput>> {
  try {
    return await deleteContactRows(ctx, input.ContactId!);
  } catch (e) {
    // A rotation made with this contact while it was being deleted: the foreign key of its
    // membership refused the delete; the contact stays, as if the check had seen the rotation.
    if (!isForeignKeyViolation(e)) throw e;
    const contact = await requireContact(ctx.db, input.ContactId!);
    throw memberConflict(contact.alias, contact.arn, await rotationsOf(ctx.db, contact.arn, ctx.clock.now()));
  }
}

async function deleteContactRows(ctx: LocalContext, contactId: string): Promise<Out<C.DeleteContactCommandOutput>> {
  return ctx.db.$transaction(async (tx) => {
    const contact = await requireContact(tx, contactId);
    const arn = contact.arn;
    // A rotation member can't go while a rotation counts on them: the rotation would page a
    // contact that no longer exists. The caller takes them out of the rotations first.
    // The same holds for an override that is still to come (or in force): it would page no one.
    const rotations = await rotationsOf(tx, arn, ctx.clock.now());
    if (rotations.length) throw memberConflict(contact.alias, arn, rotations);
    const channels = await tx.contactChannel.findMany({ where: { contactId: contact.id }, select: { arn: true } });
    // "Deleting a contact removes them from all escalation plans and related response plans.
    // Deleting an escalation plan removes it from all related response plans." (reference:
    // DeleteContact). A stage that loses its last target stays, so the plan's timing doesn't move.
    await tx.stageTarget.deleteMany({ where: { targetContactArn: arn } });
    await tx.responsePlanEngagement.deleteMany({ where: { contactArn: arn } });
    await deleteTagsOf(tx, [arn]);
    // Its channels and plan go with it (cascade), and so does its policy (a column of the row).
    // Engagements and pages of it stay: they are the history of who was engaged.
    await tx.contact.delete({ where: { id: contact.id }, select: { id: true } });
    // A retried create with an old token must not answer with an ARN that no longer exists.
    await tx.idempotencyRecord.deleteMany({
      where: {
        service: "ssm-contacts",
        OR: [
          { operation: "CreateContact", response: JSON.stringify({ ContactArn: arn }) },
          { operation: "CreateContactChannel", response: { in: channels.map((c) => JSON.stringify({ ContactChannelArn: c.arn })) } },
        ],
      },
    });
    return {};
  });
}

/** The rotations a contact takes shifts in: as a member, or in an override still to come or in force. */
async function rotationsOf(db: Pick<Tx, "rotation">, arn: string, now: Date): Promise<{ arn: string; name: string }[]> {
  return db.rotation.findMany({
    where: {
      OR: [{ members: { some: { contactArn: arn } } }, { overrides: { some: { endTime: { gt: now }, newContactIds: { contains: JSON.stringify(arn) } } } }],
    },
    orderBy: { name: "asc" },
    select: { arn: true, name: true },
  });
}

function memberConflict(alias: string, arn: string, rotations: { arn: string; name: string }[]): ImError {
  const one = rotations.length === 1;
  return new ImError("ConflictException", `${alias} takes shifts in ${one ? "the rotation" : "the rotations"} ${rotations.map((r) => r.name).join(", ")}: take them out of ${one ? "it" : "those"} first (UpdateRotation, DeleteRotationOverride)`, {
    resourceId: arn,
    resourceType: RESOURCE.contact,
    dependentEntities: [{ relationType: "ROTATION_MEMBER", dependentResourceIds: rotations.map((r) => r.arn) }],
  });
}

// Contact channels (the e-mail addresses and phone numbers a personal contact is engaged on) and
// their activation: CreateContactChannel, GetContactChannel, ListContactChannels,
// UpdateContactChannel, DeleteContactChannel, SendActivationCode, ActivateContactChannel,
// DeactivateContactChannel.
import type * as C from "@aws-sdk/client-ssm-contacts";
import type { Prisma } from "@/lib/db/client";
import type { Out } from "../../contract";
import { ImError, validation } from "../../errors";
import { contactsArn, newId } from "@/lib/im/arns";
import type { LocalContext } from "../context";
import { idempotent } from "../idempotency";
import { page } from "../pagination";
import { EMAIL_ADDRESS as EMAIL, EMAIL_ADDRESS_MESSAGE, PHONE_ADDRESS as PHONE, PHONE_ADDRESS_MESSAGE } from "../../model/contact-addresses";
import { codeMatches, deliverActivationCode, MAX_ACTIVATION_ATTEMPTS, newActivationCode, type CodeDelivery } from "./activation";
import { CHANNEL_SELECT, decodeNextToken, pageSize, requireChannel, requireContact, toContactChannel } from "./records";

const ADDRESS_FIELD = "DeliveryAddress.SimpleAddress";

/** The delivery address, checked against the channel's type. */
function checkAddress(type: string, address: string | undefined): string {
  if (!address) {
    throw validation("The contact channel needs a delivery address", [{ name: ADDRESS_FIELD, message: "Required" }]);
  }
  if ((type === "SMS" || type === "VOICE") && !PHONE.test(address)) {
    throw validation(`A ${type} channel's address is '+' followed by the country code and phone number, e.g. +15005550199`, [
      { name: ADDRESS_FIELD, message: PHONE_ADDRESS_MESSAGE },
    ]);
  }
  if (type === "EMAIL" && !EMAIL.test(address)) {
    throw validation("An EMAIL channel's address must be an e-mail address, e.g. akuam@example.com", [
      { name: ADDRESS_FIELD, message: EMAIL_ADDRESS_MESSAGE },
    ]);
  }
  return address;
}

/** Sends a code that a committed write stored; a failed delivery of it can be retried with SendActivationCode. */
async function deliverQuietly(ctx: LocalContext, d: CodeDelivery | undefined) {
  if (!d) return;
  try {
    const sent = await deliverActivationCode(ctx, d);
    if (!sent.ok) console.error(`[ssm-contacts] could not send the activation code of ${d.channelArn}: ${sent.error}`);
  } catch (e) {
    console.error(`[ssm-contacts] could not send the activation code of ${d.channelArn}`, e);
  }
}

export async function createContactChannel(
  ctx: LocalContext,
  input: C.CreateContactChannelCommandInput,
): Promise<Out<C.CreateContactChannelCommandOutput>> {
  const type = input.Type!;
  const address = checkAddress(type, input.DeliveryAddress?.SimpleAddress);
  let delivery: CodeDelivery | undefined;
  const result = await idempotent(
    ctx,
    { service: "ssm-contacts", operation: "CreateContactChannel", token: input.IdempotencyToken, tokenField: "IdempotencyToken" },
    input,
    async (tx) => {
      const contact = await requireContact(tx, input.ContactId!);
      if (contact.type !== "PERSONAL") {
        // Escalation plans engage contacts, not addresses (reference: CreateContact, Plan).
        throw validation("Only a personal contact has contact channels; an escalation plan engages contacts", [
          { name: "ContactId", message: "Must be a PERSONAL contact" },
        ]);
      }
      const id = newId();
      const arn = contactsArn.channel(ctx, contact.alias, id);
      const now = ctx.clock.now();
      // A channel starts NOT_ACTIVATED; unless activation is deferred it is sent its code now
      // (reference: CreateContactChannel, DeferActivation).
      const code = input.DeferActivation ? undefined : newActivationCode(ctx, id);
      await tx.contactChannel.create({
        data: {
          id,
          arn,
          contactId: contact.id,
          name: input.Name!,
          type,
          address,
          activationStatus: "NOT_ACTIVATED",
          ...code?.columns,
          createdAt: now,
          updatedAt: now,
        },
        select: { id: true },
      });
      delivery = code && { code: code.code, channelArn: arn, type, address, channelName: input.Name!, alias: contact.alias };
      return { ContactChannelArn: arn };
    },
  );
  // Only the attempt whose channel was kept sends its code: a replayed token, or an attempt that
  // lost a race to the same token, answers with the first call's ARN and sends nothing.
  await deliverQuietly(ctx, delivery?.channelArn === result.ContactChannelArn ? delivery : undefined);
  return result;
}

export async function getContactChannel(ctx: LocalContext, input: C.GetContactChannelCommandInput): Promise<Out<C.GetContactChannelCommandOutput>> {
  return toContactChannel(await requireChannel(ctx.db, input.ContactChannelId!));
}

export async function listContactChannels(
  ctx: LocalContext,
  input: C.ListContactChannelsCommandInput,
): Promise<Out<C.ListContactChannelsCommandOutput>> {
  const contact = await requireContact(ctx.db, input.ContactId!);
  const limit = pageSize(input.MaxResults);
  const cursor = decodeNextToken(input.NextToken, "number");
  // In the order they were added, as the reference's example lists them.
  const where: Prisma.ContactChannelWhereInput = { contactId: contact.id };
  if (cursor) {
    const t = new Date(Number(cursor.k));
    where.OR = [{ createdAt: { gt: t } }, { createdAt: t, id: { gt: cursor.id } }];
  }
  const rows = await ctx.db.contactChannel.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: limit + 1, select: CHANNEL_SELECT });
  const { items, nextToken } = page(rows, limit, (r) => r.createdAt.getTime());
  return { ContactChannels: items.map(toContactChannel), NextToken: nextToken };
}

export async function updateContactChannel(
  ctx: LocalContext,
  input: C.UpdateContactChannelCommandInput,
): Promise<Out<C.UpdateContactChannelCommandOutput>> {
  let delivery: CodeDelivery | undefined;
  await ctx.db.$transaction(async (tx) => {
    const channel = await requireChannel(tx, input.ContactChannelId!);
    const data: Prisma.ContactChannelUpdateInput = { updatedAt: ctx.clock.now() };
    if (input.Name !== undefined) data.name = input.Name;
    if (input.DeliveryAddress !== undefined) {
      const address = checkAddress(channel.type, input.DeliveryAddress.SimpleAddress);
      if (address !== channel.address) {
        // Activation proved that someone holds the old address, not the new one: the channel
        // isn't engaged again until the new address is activated with the code sent to it.
        const code = newActivationCode(ctx, channel.id);
        Object.assign(data, { address, activationStatus: "NOT_ACTIVATED", ...code.columns });
        delivery = { code: code.code, channelArn: channel.arn, type: channel.type, address, channelName: input.Name ?? channel.name, alias: channel.contact.alias };
      }
    }
    await tx.contactChannel.update({ where: { id: channel.id }, data, select: { id: true } });
  });
  await deliverQuietly(ctx, delivery);
  return {};
}

export async function deleteContactChannel(
  ctx: LocalContext,
  input: C.DeleteContactChannelCommandInput,
): Promise<Out<C.DeleteContactChannelCommandOutput>> {
  return ctx.db.$transaction(async (tx) => {
    const channel = await requireChannel(tx, input.ContactChannelId!);
    // Written first to take the contact's row lock, as UpdateContact does: a plan being stored at
    // the same time either sees the channel gone or is cleaned of it here.
    await tx.contact.update({ where: { arn: channel.contact.arn }, data: { updatedAt: ctx.clock.now() }, select: { id: true } });
    // "Deleting the contact channel removes it from the contact's engagement plan" (reference:
    // DeleteContactChannel).
    await tx.stageTarget.deleteMany({ where: { channelArn: channel.arn } });
    await tx.contactChannel.delete({ where: { id: channel.id }, select: { id: true } });
    // A retried create with an old token must not answer with an ARN that no longer exists.
    await tx.idempotencyRecord.deleteMany({
      where: { service: "ssm-contacts", operation: "CreateContactChannel", response: JSON.stringify({ ContactChannelArn: channel.arn }) },
    });
    return {};
  });
}

export async function sendActivationCode(ctx: LocalContext, input: C.SendActivationCodeCommandInput): Promise<Out<C.SendActivationCodeCommandOutput>> {
  const delivery = await ctx.db.$transaction(async (tx) => {
    const channel = await requireChannel(tx, input.ContactChannelId!);
    // Each code replaces the one before it, so only the latest message activates the channel.
    const code = newActivationCode(ctx, channel.id);
    await tx.contactChannel.update({ where: { id: channel.id }, data: { ...code.columns, updatedAt: ctx.clock.now() }, select: { id: true } });
    return { code: code.code, channelArn: channel.arn, type: channel.type, address: channel.address, channelName: channel.name, alias: channel.contact.alias };
  });
  const sent = await deliverActivationCode(ctx, delivery);
  // The caller asked for exactly this message: say so when it didn't go out (the code is stored,
  // so sending again is safe).
  if (!sent.ok) throw new ImError("InternalServerException", `The activation code could not be sent to ${delivery.address}: ${sent.error}`);
  return {};
}

export async function activateContactChannel(
  ctx: LocalContext,
  input: C.ActivateContactChannelCommandInput,
): Promise<Out<C.ActivateContactChannelCommandOutput>> {
  const code = input.ActivationCode!;
  // A wrong code is counted in the transaction and refused after it commits, so the count stays.
  const outcome = await ctx.db.$transaction(async (tx): Promise<"ok" | { wrong: number }> => {
    const channel = await requireChannel(tx, input.ContactChannelId!);
    const hash = channel.activationCodeHash;
    const expiresAt = channel.activationCodeExpiresAt;
    if (!hash || !expiresAt) {
      // A retry of an activation that already succeeded changes nothing and succeeds again.
      if (channel.activationStatus === "ACTIVATED") return "ok";
      throw validation("No activation code is waiting for this contact channel: send one with SendActivationCode", [
        { name: "ActivationCode", message: "No activation code was sent" },
      ]);
    }
    // ActivateContactChannel lists no error for a bad code other than ValidationException.
    if (ctx.clock.now().getTime() >= expiresAt.getTime()) {
      throw validation("The activation code has expired: send a new one with SendActivationCode", [
        { name: "ActivationCode", message: "The activation code has expired" },
      ]);
    }
    if (!codeMatches(channel.id, code, hash)) {
      // Counted with an atomic increment and read back under the row's lock, so concurrent
      // guesses are all counted; the last allowed one voids the code (then a new one is needed).
      await tx.contactChannel.updateMany({ where: { id: channel.id, activationCodeHash: hash }, data: { activationAttempts: { increment: 1 } } });
      const after = await tx.contactChannel.findUnique({ where: { id: channel.id }, select: { activationAttempts: true, activationCodeHash: true } });
      const attempts = after?.activationAttempts ?? MAX_ACTIVATION_ATTEMPTS;
      if (attempts >= MAX_ACTIVATION_ATTEMPTS && after?.activationCodeHash === hash) {
        await tx.contactChannel.update({ where: { id: channel.id }, data: { activationCodeHash: null, activationCodeExpiresAt: null }, select: { id: true } });
      }
      return { wrong: attempts };
    }
    // The code is used up; the conditional update lets only one of two racing activations use it.
    const { count } = await tx.contactChannel.updateMany({
      where: { id: channel.id, activationCodeHash: hash },
      data: { activationStatus: "ACTIVATED", activationCodeHash: null, activationCodeExpiresAt: null, updatedAt: ctx.clock.now() },
    });
    if (!count) {
      // Another call changed the channel since it was read: a racing activation with this same
      // code (then the channel is ACTIVATED, which is what this call asked for), or a new code.
      const now = await tx.contactChannel.findUnique({ where: { id: channel.id }, select: { activationStatus: true } });
      if (now?.activationStatus !== "ACTIVATED") {
        throw validation("The activation code is no longer valid: use the latest code sent to the contact channel", [
          { name: "ActivationCode", message: "The activation code is no longer valid" },
        ]);
      }
    }
    return "ok";
  });
  if (outcome === "ok") return {};
  const left = MAX_ACTIVATION_ATTEMPTS - outcome.wrong;
  if (left <= 0) {
    throw validation(`The activation code is not correct, and ${MAX_ACTIVATION_ATTEMPTS} wrong codes void it: send a new one with SendActivationCode`, [
      { name: "ActivationCode", message: "Too many wrong codes: send a new code" },
    ]);
  }
  throw validation(`The activation code is not correct: use the latest code sent to the contact channel (${left} ${left === 1 ? "try" : "tries"} left)`, [
    { name: "ActivationCode", message: `The activation code is not correct (${left} ${left === 1 ? "try" : "tries"} left)` },
  ]);
}

export async function deactivateContactChannel(
  ctx: LocalContext,
  input: C.DeactivateContactChannelCommandInput,
): Promise<Out<C.DeactivateContactChannelCommandOutput>> {
  return ctx.db.$transaction(async (tx) => {
    const channel = await requireChannel(tx, input.ContactChannelId!);
    // "To no longer receive Incident Manager engagements to a contact channel, you can deactivate
    // the channel" (reference: DeactivateContactChannel). A code still waiting is void too: the
    // channel comes back only through a new SendActivationCode.
    await tx.contactChannel.update({
      where: { id: channel.id },
      data: { activationStatus: "NOT_ACTIVATED", activationCodeHash: null, activationCodeExpiresAt: null, updatedAt: ctx.clock.now() },
      select: { id: true },
    });
    return {};
  });
}

"use server";
// Personal contacts: create, edit (channels and engagement plan) and delete; a channel's
// activation: send (or resend) its code, activate it with the code, deactivate it.
import { z } from "zod";
import { safeAction } from "@/lib/console/core/safe-action";
import { contactPath } from "@/lib/console/contacts/paths";
import { contactFieldFor, onChannel } from "./errors";
import { activationCodeSchema, channelRefSchema, contactFormSchema, toCreateChannelInput, toCreateContactInput, toPlan } from "./schemas";

/**
 * A personal contact with its channels and engagement plan. The plan names channel ARNs, which
 * exist only once the channels do: CreateContact with an empty plan, CreateContactChannel for each
 * channel (each is sent its activation code), then UpdateContact with the plan — the order the
 * reference's own example uses. If a later step fails, the contact is deleted again so a retry
 * with the same alias isn't refused as a duplicate.
 */
export const createContactAction = safeAction({
  name: "createContactAction",
  input: contactFormSchema,
  permission: "contacts.write",
  fieldFor: contactFieldFor,
  conflictField: "alias",
  run: async (values, { im }) => {
    const { ContactArn } = await im.contacts.createContact({ ...toCreateContactInput(values, () => undefined), Plan: { Stages: [] } });
    const arn = ContactArn!;
    try {
      const channelArns = new Map<string, string>();
      for (const [i, channel] of values.channels.entries()) {
        const out = await onChannel(i, () => im.contacts.createContactChannel(toCreateChannelInput(arn, channel)));
        channelArns.set(channel.key, out.ContactChannelArn!);
      }
      if (values.stages.length) await im.contacts.updateContact({ ContactId: arn, Plan: toPlan(values.stages, (key) => channelArns.get(key)) });
    } catch (e) {
      await im.contacts.deleteContact({ ContactId: arn }).catch((cleanup: unknown) => console.error("[createContactAction] could not undo", cleanup));
      throw e;
    }
    return { arn, alias: values.alias.trim() };
  },
  revalidate: (_values, contact) => ["/contacts", contactPath(contact.alias)],
});

/**
 * Saves the contact form over an existing personal contact (the alias can't change): new channels
 * are created, changed ones updated (a new address must be activated again), the display name and
 * plan replaced, and channels removed from the form deleted — last, once no plan names them.
 */
export const updateContactAction = safeAction({
  name: "updateContactAction",
  input: contactFormSchema,
  permission: "contacts.write",
  fieldFor: contactFieldFor,
  run: async (values, { im }) => {
    const arn = values.arn;
    const { Alias } = await im.contacts.getContact({ ContactId: arn });
    const existing = new Map<string, { name: string; address: string }>();
    let NextToken: string | undefined;
    do {
      const page = await im.contacts.listContactChannels({ ContactId: arn, NextToken, MaxResults: 100 });
      for (const c of page.ContactChannels ?? []) existing.set(c.ContactChannelArn!, { name: c.Name ?? "", address: c.DeliveryAddress?.SimpleAddress ?? "" });
      NextToken = page.NextToken;
    } while (NextToken);

    const channelArns = new Map<string, string>();
    for (const [i, channel] of values.channels.entries()) {
      const input = toCreateChannelInput(arn, channel);
      const before = channel.arn ? existing.get(channel.arn) : undefined;
      if (!before) {
        const out = await onChannel(i, () => im.contacts.createContactChannel(input));
        channelArns.set(channel.key, out.ContactChannelArn!);
        continue;
      }
      channelArns.set(channel.key, channel.arn);
      const address = input.DeliveryAddress!.SimpleAddress!;
      if (before.name !== input.Name || before.address !== address) {
        await onChannel(i, () =>
          im.contacts.updateContactChannel({
            ContactChannelId: channel.arn,
            Name: input.Name,
            DeliveryAddress: before.address !== address ? { SimpleAddress: address } : undefined,
          }),
        );
      }
    }
    await im.contacts.updateContact({ ContactId: arn, DisplayName: values.displayName.trim(), Plan: toPlan(values.stages, (key) => channelArns.get(key)) });
    const kept = new Set(channelArns.values());
    for (const channelArn of existing.keys()) {
      if (!kept.has(channelArn)) await im.contacts.deleteContactChannel({ ContactChannelId: channelArn });
    }
    return { arn, alias: Alias! };
  },
  revalidate: (_values, contact) => ["/contacts", contactPath(contact.alias)],
});

/** Deletes a contact or an escalation plan; the backend removes it from plans that engage it. */
export const deleteContactAction = safeAction({
  name: "deleteContactAction",
  input: z.object({ arn: z.string().min(1) }),
  permission: "contacts.write",
  run: async ({ arn }, { im }) => {
    await im.contacts.deleteContact({ ContactId: arn });
    return { arn };
  },
  revalidate: () => ["/contacts", "/escalation-plans"],
});

export const sendActivationCodeAction = safeAction({
  name: "sendActivationCodeAction",
  input: channelRefSchema,
  permission: "contacts.write",
  run: async ({ channelArn }, { im }) => {
    await im.contacts.sendActivationCode({ ContactChannelId: channelArn });
    return { channelArn };
  },
});

export const activateContactChannelAction = safeAction({
  name: "activateContactChannelAction",
  input: activationCodeSchema,
  permission: "contacts.write",
  run: async ({ channelArn, code }, { im }) => {
    await im.contacts.activateContactChannel({ ContactChannelId: channelArn, ActivationCode: code.trim() });
    return { channelArn };
  },
  revalidate: ({ alias }) => ["/contacts", contactPath(alias)],
});

export const deactivateContactChannelAction = safeAction({
  name: "deactivateContactChannelAction",
  input: channelRefSchema,
  permission: "contacts.write",
  run: async ({ channelArn }, { im }) => {
    await im.contacts.deactivateContactChannel({ ContactChannelId: channelArn });
    return { channelArn };
  },
  revalidate: ({ alias }) => ["/contacts", contactPath(alias)],
});

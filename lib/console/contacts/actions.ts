"use server";
// Personal contacts: create, edit (channels and engagement plan) and delete; a channel's
// activation: send (or resend) its code, activate it with the code, deactivate it.
import { z } from "zod";
import { safeAction } from "@/lib/console/core/safe-action";
import { contactPath } from "@/lib/console/contacts/paths";
import { contactFieldFor } from "./errors";
import { createContactWithChannels, updateContactWithChannels } from "./save-contact";
import { activationCodeSchema, channelRefSchema, contactSaveSchema } from "./schemas";

/**
 * A personal contact with its channels and engagement plan; several calls, safe to retry with the
 * same request id (save-contact.ts). If the service refuses one, the contact is deleted again.
 */
export const createContactAction = safeAction({
  name: "createContactAction",
  input: contactSaveSchema,
  permission: "contacts.write",
  fieldFor: contactFieldFor,
  conflictField: "alias",
  run: ({ requestId, ...values }, { im }) => createContactWithChannels(im, values, requestId),
  revalidate: (_values, contact) => ["/contacts", contactPath(contact.alias)],
});

/** Saves the contact form over an existing personal contact; safe to retry with the same request id (save-contact.ts). */
export const updateContactAction = safeAction({
  name: "updateContactAction",
  input: contactSaveSchema,
  permission: "contacts.write",
  fieldFor: contactFieldFor,
  run: ({ requestId, ...values }, { im }) => updateContactWithChannels(im, values, requestId),
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

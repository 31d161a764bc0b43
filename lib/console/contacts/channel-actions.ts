"use server";
// A channel's activation: send (or resend) its code, activate it with the code, deactivate it.
import { contactPath } from "@/lib/console/incidents/paths";
import { safeAction } from "../core/safe-action";
import { activationCodeSchema, channelRefSchema } from "./channel-schemas";

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

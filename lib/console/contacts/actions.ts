"use server";
import { contactPath } from "@/lib/console/incidents/paths";
import { contactFieldFor, onChannel } from "./errors";
import { safeAction } from "../core/safe-action";
import { contactFormSchema, toCreateChannelInput, toCreateContactInput, toPlan } from "./schemas";

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

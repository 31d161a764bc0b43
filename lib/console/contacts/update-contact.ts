"use server";
import { contactPath } from "@/lib/console/incidents/paths";
import { contactFieldFor, onChannel } from "./errors";
import { safeAction } from "../core/safe-action";
import { contactFormSchema, toCreateChannelInput, toPlan } from "./schemas";

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

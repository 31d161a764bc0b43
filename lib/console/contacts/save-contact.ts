// Saving the contact form: several calls for one user action (a contact, its channels, its plan).
// They can't be one transaction — in aws mode they are separate AWS calls — so they are safe to
// retry instead (README "Operating"): every create carries an IdempotencyToken derived from the
// form's request id, which the form keeps until the server answers. A save cut off part-way (the
// server stopped or died between two calls) is sent again with the same id, and the second try
// finds what the first made — the same contact, the same channels — instead of refusing the alias
// or adding a second copy of a channel; the plan and the updates set values, so repeating them is
// harmless.
import "server-only";
import type { Services } from "@/lib/im";
import { onChannel } from "./errors";
import { toCreateChannelInput, toCreateContactInput, toPlan, type ContactFormValues } from "./schemas";

/** The IdempotencyToken of the contact's CreateContact, or of the form's channel `i`. */
export function saveToken(requestId: string, channel?: number): string {
  return channel === undefined ? requestId : `${requestId}-${channel}`;
}

/**
 * CreateContact with an empty plan, CreateContactChannel for each channel (the plan names channel
 * ARNs, which exist only once the channels do), then UpdateContact with the plan — the order the
 * reference's own example uses. If a call is refused, the contact is deleted again so that a
 * corrected save (a new request id) isn't refused as a duplicate alias.
 */
export async function createContactWithChannels(im: Services, values: ContactFormValues, requestId: string): Promise<{ arn: string; alias: string }> {
  const { ContactArn } = await im.contacts.createContact({ ...toCreateContactInput(values, () => undefined), Plan: { Stages: [] }, IdempotencyToken: saveToken(requestId) });
  const arn = ContactArn!;
  try {
    const channelArns = new Map<string, string>();
    for (const [i, channel] of values.channels.entries()) {
      const out = await onChannel(i, () => im.contacts.createContactChannel({ ...toCreateChannelInput(arn, channel), IdempotencyToken: saveToken(requestId, i) }));
      channelArns.set(channel.key, out.ContactChannelArn!);
    }
    if (values.stages.length) await im.contacts.updateContact({ ContactId: arn, Plan: toPlan(values.stages, (key) => channelArns.get(key)) });
  } catch (e) {
    await im.contacts.deleteContact({ ContactId: arn }).catch((cleanup: unknown) => console.error("[createContact] could not undo", cleanup));
    throw e;
  }
  return { arn, alias: values.alias.trim() };
}

/**
 * Saves the form over an existing personal contact (the alias can't change): new channels are
 * created, changed ones updated (a new address must be activated again), the display name and plan
 * replaced, and channels removed from the form deleted — last, once no plan names them. A retry
 * reuses a new channel the first try made (its token answers with that channel's ARN) instead of
 * making a second one and sending it a second activation code.
 */
export async function updateContactWithChannels(im: Services, values: ContactFormValues, requestId: string): Promise<{ arn: string; alias: string }> {
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
      const out = await onChannel(i, () => im.contacts.createContactChannel({ ...input, IdempotencyToken: saveToken(requestId, i) }));
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
}

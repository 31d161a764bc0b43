// Contact channels and their activation: CreateContactChannel, GetContactChannel,
// ListContactChannels, UpdateContactChannel, DeleteContactChannel, SendActivationCode,
// ActivateContactChannel, DeactivateContactChannel. Activation codes are read from the outbox.
import { beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../incidents.contract";
import { activationCode, expectFields, newActivatedChannel, newPersonalContact, resourceOf, unique, uniqueEmail, uniquePhone } from "./helpers";
import type { ContactsSuite } from "./types";

export const channelsSuite: ContactsSuite = ({ target, ensure }) => {
  describe("channels", () => {
    beforeAll(async () => {
      await ensure();
    });

    const status = async (arn: string) => (await target().contacts.getContactChannel({ ContactChannelId: arn })).ActivationStatus;

    it("creates a channel NOT_ACTIVATED, sends it a six-digit code, and the code activates it", async () => {
      const t = target();
      const contact = await newPersonalContact(t);
      const address = uniqueEmail("akuam");
      const { ContactChannelArn } = await t.contacts.createContactChannel({
        ContactId: contact.arn,
        Name: "akuas email-test",
        Type: "EMAIL",
        DeliveryAddress: { SimpleAddress: address },
      });
      expect(ContactChannelArn).toMatch(new RegExp(`^arn:aws:ssm-contacts:[a-z0-9-]+:[0-9]{12}:contact-channel/${contact.alias}/[0-9a-f-]{36}$`));
      expect(await t.contacts.getContactChannel({ ContactChannelId: ContactChannelArn })).toMatchObject({
        ContactArn: contact.arn,
        ContactChannelArn,
        Name: "akuas email-test",
        Type: "EMAIL",
        DeliveryAddress: { SimpleAddress: address },
        ActivationStatus: "NOT_ACTIVATED",
      });
      const sent = await t.outbox(address);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ kind: "ACTIVATION", channel: "EMAIL" });
      const code = await activationCode(t, address);
      expect(code).toMatch(/^[0-9]{6}$/);

      await t.contacts.activateContactChannel({ ContactChannelId: ContactChannelArn, ActivationCode: code });
      expect(await status(ContactChannelArn!)).toBe("ACTIVATED");
      // A retried activation changes nothing and succeeds.
      await t.contacts.activateContactChannel({ ContactChannelId: ContactChannelArn, ActivationCode: code });
      expect(await status(ContactChannelArn!)).toBe("ACTIVATED");
    });

    it("rejects a wrong code with a ValidationException naming ActivationCode", async () => {
      const t = target();
      const contact = await newPersonalContact(t);
      const address = uniquePhone();
      const { ContactChannelArn } = await t.contacts.createContactChannel({ ContactId: contact.arn, Name: "sms", Type: "SMS", DeliveryAddress: { SimpleAddress: address } });
      const code = await activationCode(t, address);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
      expectFields(await expectError(t.contacts.activateContactChannel({ ContactChannelId: ContactChannelArn, ActivationCode: wrong }), "ValidationException"), "ActivationCode");
      expect(await status(ContactChannelArn!)).toBe("NOT_ACTIVATED");
      // The right code still works after a wrong one.
      await t.contacts.activateContactChannel({ ContactChannelId: ContactChannelArn, ActivationCode: code });
      expect(await status(ContactChannelArn!)).toBe("ACTIVATED");
    });

    it("defers activation: no code until SendActivationCode, and each new code replaces the last", async () => {
      const t = target();
      const contact = await newPersonalContact(t);
      const address = uniquePhone();
      const { ContactChannelArn } = await t.contacts.createContactChannel({
        ContactId: contact.arn,
        Name: "voice",
        Type: "VOICE",
        DeliveryAddress: { SimpleAddress: address },
        DeferActivation: true,
      });
      expect(await t.outbox(address)).toEqual([]);
      // Nothing was sent, so nothing can activate it.
      await expectError(t.contacts.activateContactChannel({ ContactChannelId: ContactChannelArn, ActivationCode: "123456" }), "ValidationException");

      await t.contacts.sendActivationCode({ ContactChannelId: ContactChannelArn });
      const first = await activationCode(t, address);
      await t.contacts.sendActivationCode({ ContactChannelId: ContactChannelArn });
      const second = await activationCode(t, address);
      expect((await t.outbox(address)).map((m) => ({ kind: m.kind, channel: m.channel }))).toEqual([
        { kind: "ACTIVATION", channel: "VOICE" },
        { kind: "ACTIVATION", channel: "VOICE" },
      ]);
      if (first !== second) {
        await expectError(t.contacts.activateContactChannel({ ContactChannelId: ContactChannelArn, ActivationCode: first }), "ValidationException");
      }
      await t.contacts.activateContactChannel({ ContactChannelId: ContactChannelArn, ActivationCode: second });
      expect(await status(ContactChannelArn!)).toBe("ACTIVATED");
    });

    it("deactivates a channel; a used code can't bring it back", async () => {
      const t = target();
      const contact = await newPersonalContact(t);
      const address = uniqueEmail();
      const { ContactChannelArn } = await t.contacts.createContactChannel({ ContactId: contact.arn, Name: "mail", Type: "EMAIL", DeliveryAddress: { SimpleAddress: address } });
      const code = await activationCode(t, address);
      await t.contacts.activateContactChannel({ ContactChannelId: ContactChannelArn, ActivationCode: code });
      await t.contacts.deactivateContactChannel({ ContactChannelId: ContactChannelArn });
      expect(await status(ContactChannelArn!)).toBe("NOT_ACTIVATED");
      await expectError(t.contacts.activateContactChannel({ ContactChannelId: ContactChannelArn, ActivationCode: code }), "ValidationException");
      await t.contacts.sendActivationCode({ ContactChannelId: ContactChannelArn });
      await t.contacts.activateContactChannel({ ContactChannelId: ContactChannelArn, ActivationCode: await activationCode(t, address) });
      expect(await status(ContactChannelArn!)).toBe("ACTIVATED");
    });

    it("checks the delivery address against the channel type", async () => {
      const t = target();
      const contact = await newPersonalContact(t);
      const create = (Type: "EMAIL" | "SMS" | "VOICE", SimpleAddress: string | undefined) =>
        t.contacts.createContactChannel({ ContactId: contact.arn, Name: "c", Type, DeliveryAddress: { SimpleAddress } });
      for (const [type, address] of [
        ["SMS", "5005550199"],
        ["SMS", "+1 500 555 0199"],
        ["VOICE", "akuam@example.com"],
        ["EMAIL", "+15005550199"],
        ["EMAIL", "not-an-email"],
        ["EMAIL", "a@b"],
        ["EMAIL", undefined],
      ] as const) {
        expectFields(await expectError(create(type, address), "ValidationException"), "DeliveryAddress.SimpleAddress");
      }
      expect((await t.contacts.listContactChannels({ ContactId: contact.arn })).ContactChannels).toEqual([]);
      // The reference's own examples are fine.
      await create("SMS", uniquePhone());
      await create("EMAIL", uniqueEmail("akuam"));
    });

    it("belongs to a personal contact that exists", async () => {
      const t = target();
      const missing = `arn:aws:ssm-contacts:us-east-1:000000000000:contact/missing-${unique()}`;
      const err = await expectError(
        t.contacts.createContactChannel({ ContactId: missing, Name: "c", Type: "EMAIL", DeliveryAddress: { SimpleAddress: uniqueEmail() } }),
        "ResourceNotFoundException",
      );
      expect(resourceOf(err)).toEqual({ id: missing, type: "CONTACT" });
      const { ContactArn } = await t.contacts.createContact({ Alias: `esc-${unique()}`, Type: "ESCALATION", Plan: {} });
      expectFields(
        await expectError(
          t.contacts.createContactChannel({ ContactId: ContactArn, Name: "c", Type: "EMAIL", DeliveryAddress: { SimpleAddress: uniqueEmail() } }),
          "ValidationException",
        ),
        "ContactId",
      );
    });

    it("creates once per IdempotencyToken and sends one code", async () => {
      const t = target();
      const contact = await newPersonalContact(t);
      const address = uniqueEmail();
      const input = { ContactId: contact.arn, Name: "once", Type: "EMAIL" as const, DeliveryAddress: { SimpleAddress: address }, IdempotencyToken: `t-${unique()}` };
      const first = await t.contacts.createContactChannel(input);
      const again = await t.contacts.createContactChannel(input);
      expect(again.ContactChannelArn).toBe(first.ContactChannelArn);
      expect((await t.contacts.listContactChannels({ ContactId: contact.arn })).ContactChannels).toHaveLength(1);
      expect(await t.outbox(address)).toHaveLength(1);
    });

    it("lists a contact's channels in the order they were added, page by page", async () => {
      const t = target();
      const contact = await newPersonalContact(t);
      const other = await newPersonalContact(t);
      await newActivatedChannel(t, other.arn);
      const arns: string[] = [];
      for (const name of ["first", "second", "third"]) {
        const { ContactChannelArn } = await t.contacts.createContactChannel({
          ContactId: contact.arn,
          Name: name,
          Type: "EMAIL",
          DeliveryAddress: { SimpleAddress: uniqueEmail(name) },
          DeferActivation: true,
        });
        arns.push(ContactChannelArn!);
        // Distinct creation times, so the order is the order of creation.
        await new Promise((r) => setTimeout(r, 5));
      }
      const seen: string[] = [];
      let NextToken: string | undefined;
      do {
        const res = await t.contacts.listContactChannels({ ContactId: contact.arn, MaxResults: 2, NextToken });
        expect(res.ContactChannels!.length).toBeLessThanOrEqual(2);
        for (const c of res.ContactChannels!) {
          expect(c).toMatchObject({ ContactArn: contact.arn, Type: "EMAIL", ActivationStatus: "NOT_ACTIVATED" });
          seen.push(c.ContactChannelArn!);
        }
        NextToken = res.NextToken;
      } while (NextToken);
      expect(seen).toEqual(arns);
    });

    it("renames without touching activation; a new address must be activated again", async () => {
      const t = target();
      const contact = await newPersonalContact(t);
      const channel = await newActivatedChannel(t, contact.arn, { Type: "SMS" });
      await t.contacts.updateContactChannel({ ContactChannelId: channel.arn, Name: "akuas voice channel" });
      expect(await t.contacts.getContactChannel({ ContactChannelId: channel.arn })).toMatchObject({
        Name: "akuas voice channel",
        DeliveryAddress: { SimpleAddress: channel.address },
        ActivationStatus: "ACTIVATED",
      });
      // The same address again is no change.
      await t.contacts.updateContactChannel({ ContactChannelId: channel.arn, DeliveryAddress: { SimpleAddress: channel.address } });
      expect(await status(channel.arn)).toBe("ACTIVATED");

      const next = uniquePhone();
      await t.contacts.updateContactChannel({ ContactChannelId: channel.arn, DeliveryAddress: { SimpleAddress: next } });
      expect(await t.contacts.getContactChannel({ ContactChannelId: channel.arn })).toMatchObject({
        Type: "SMS",
        DeliveryAddress: { SimpleAddress: next },
        ActivationStatus: "NOT_ACTIVATED",
      });
      await t.contacts.activateContactChannel({ ContactChannelId: channel.arn, ActivationCode: await activationCode(t, next) });
      expect(await status(channel.arn)).toBe("ACTIVATED");

      // The type stays, so the new address must fit it.
      expectFields(
        await expectError(t.contacts.updateContactChannel({ ContactChannelId: channel.arn, DeliveryAddress: { SimpleAddress: uniqueEmail() } }), "ValidationException"),
        "DeliveryAddress.SimpleAddress",
      );
    });

    it("deletes a channel", async () => {
      const t = target();
      const contact = await newPersonalContact(t);
      const channel = await newActivatedChannel(t, contact.arn);
      await t.contacts.deleteContactChannel({ ContactChannelId: channel.arn });
      const err = await expectError(t.contacts.getContactChannel({ ContactChannelId: channel.arn }), "ResourceNotFoundException");
      expect(resourceOf(err)).toEqual({ id: channel.arn, type: "CONTACT_CHANNEL" });
      expect((await t.contacts.listContactChannels({ ContactId: contact.arn })).ContactChannels).toEqual([]);
    });

    it("answers ResourceNotFoundException with the ARN for an unknown channel", async () => {
      const { contacts } = target();
      const missing = `arn:aws:ssm-contacts:us-east-1:000000000000:contact-channel/nobody/${unique()}`;
      for (const call of [
        () => contacts.getContactChannel({ ContactChannelId: missing }),
        () => contacts.updateContactChannel({ ContactChannelId: missing, Name: "x" }),
        () => contacts.deleteContactChannel({ ContactChannelId: missing }),
        () => contacts.sendActivationCode({ ContactChannelId: missing }),
        () => contacts.activateContactChannel({ ContactChannelId: missing, ActivationCode: "123456" }),
        () => contacts.deactivateContactChannel({ ContactChannelId: missing }),
      ]) {
        const err = await expectError(call(), "ResourceNotFoundException");
        expect(resourceOf(err)).toEqual({ id: missing, type: "CONTACT_CHANNEL" });
      }
      const contact = `arn:aws:ssm-contacts:us-east-1:000000000000:contact/missing-${unique()}`;
      expect(resourceOf(await expectError(contacts.listContactChannels({ ContactId: contact }), "ResourceNotFoundException")).id).toBe(contact);
    });
  });
};

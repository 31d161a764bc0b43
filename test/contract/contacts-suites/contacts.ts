// CreateContact, GetContact, ListContacts, UpdateContact, DeleteContact.
import { beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../incidents.contract";
import { expectFields, newActivatedChannel, newPersonalContact, resourceOf, unique } from "./helpers";
import type { ContactsSuite } from "./types";

const arnOf = (alias: string) => new RegExp(`^arn:aws:ssm-contacts:[a-z0-9-]+:[0-9]{12}:contact/${alias}$`);

export const contactsSuite: ContactsSuite = ({ target, ensure }) => {
  describe("contacts", () => {
    beforeAll(async () => {
      await ensure();
    });

    it("creates a personal contact and an escalation plan, and reads them back", async () => {
      const { contacts } = target();
      const alias = `akuam-${unique()}`;
      const { ContactArn } = await contacts.createContact({ Alias: alias, DisplayName: "Akua Mansa", Type: "PERSONAL", Plan: { Stages: [] } });
      expect(ContactArn).toMatch(arnOf(alias));
      const got = await contacts.getContact({ ContactId: ContactArn });
      expect(got).toMatchObject({ ContactArn, Alias: alias, DisplayName: "Akua Mansa", Type: "PERSONAL", Plan: { Stages: [] } });

      const planAlias = `plan-${unique()}`;
      const { ContactArn: planArn } = await contacts.createContact({ Alias: planAlias, Type: "ESCALATION", Plan: {} });
      const plan = await contacts.getContact({ ContactId: planArn });
      expect(plan).toMatchObject({ ContactArn: planArn, Alias: planAlias, Type: "ESCALATION", Plan: { Stages: [] } });
      expect(plan.DisplayName).toBeUndefined();
    });

    it("refuses a second contact with the same alias, naming the one that exists", async () => {
      const { contacts } = target();
      const { arn, alias } = await newPersonalContact(target());
      const err = await expectError(contacts.createContact({ Alias: alias, Type: "ESCALATION", Plan: { Stages: [] } }), "ConflictException", new RegExp(alias));
      expect(resourceOf(err).id).toBe(arn);
    });

    it("creates once per IdempotencyToken", async () => {
      const { contacts } = target();
      const alias = `idem-${unique()}`;
      const token = `token-${unique()}`;
      const input = { Alias: alias, Type: "PERSONAL" as const, Plan: { Stages: [] }, IdempotencyToken: token };
      const first = await contacts.createContact(input);
      const again = await contacts.createContact(input);
      expect(again.ContactArn).toBe(first.ContactArn);
      const { Contacts } = await contacts.listContacts({ AliasPrefix: alias });
      expect(Contacts).toHaveLength(1);
      // The same token for a different request is a mistake the caller should hear about.
      await expectError(contacts.createContact({ ...input, Alias: `${alias}-other` }), "ConflictException");
    });

    it("refuses an on-call schedule without rotations", async () => {
      const err = await expectError(
        target().contacts.createContact({ Alias: `oncall-${unique()}`, Type: "ONCALL_SCHEDULE", Plan: { Stages: [] } }),
        "ValidationException",
        /rotation/,
      );
      expectFields(err, "Plan.RotationIds");
    });

    it("validates the alias and display name against the model", async () => {
      const { contacts } = target();
      expectFields(await expectError(contacts.createContact({ Alias: "Upper Case", Type: "PERSONAL", Plan: {} }), "ValidationException"), "Alias");
      expectFields(
        await expectError(contacts.createContact({ Alias: `ok-${unique()}`, DisplayName: "semi;colon", Type: "PERSONAL", Plan: {} }), "ValidationException"),
        "DisplayName",
      );
    });

    it("answers ResourceNotFoundException with the ARN for an unknown contact", async () => {
      const { contacts } = target();
      const missing = `arn:aws:ssm-contacts:us-east-1:000000000000:contact/missing-${unique()}`;
      for (const call of [
        () => contacts.getContact({ ContactId: missing }),
        () => contacts.updateContact({ ContactId: missing, DisplayName: "x" }),
        () => contacts.deleteContact({ ContactId: missing }),
      ]) {
        const err = await expectError(call(), "ResourceNotFoundException");
        expect(resourceOf(err)).toEqual({ id: missing, type: "CONTACT" });
      }
    });

    it("lists by alias, filtered by prefix and type, page by page", async () => {
      const { contacts } = target();
      const prefix = `list-${unique()}`;
      const aliases = ["e", "b", "d", "a", "c"].map((s) => `${prefix}-${s}`);
      for (const [i, alias] of aliases.entries()) {
        await contacts.createContact({ Alias: alias, Type: i % 2 ? "ESCALATION" : "PERSONAL", Plan: { Stages: [] } });
      }
      const seen: string[] = [];
      let NextToken: string | undefined;
      do {
        const res = await contacts.listContacts({ AliasPrefix: prefix, MaxResults: 2, NextToken });
        expect(res.Contacts!.length).toBeLessThanOrEqual(2);
        seen.push(...res.Contacts!.map((c) => c.Alias!));
        NextToken = res.NextToken;
      } while (NextToken);
      expect(seen).toEqual([...aliases].sort());

      const { Contacts: plans } = await contacts.listContacts({ AliasPrefix: prefix, Type: "ESCALATION" });
      expect(plans!.map((c) => c.Alias)).toEqual([`${prefix}-a`, `${prefix}-b`]);
      expect(plans![0]).toMatchObject({ ContactArn: expect.stringMatching(arnOf(`${prefix}-a`)), Type: "ESCALATION" });

      await expectError(contacts.listContacts({ NextToken: "not-a-token" }), "ValidationException");
    });

    it("takes the prefix literally ('_' and '-' are not wildcards)", async () => {
      const { contacts } = target();
      const base = `lit${unique()}`;
      await contacts.createContact({ Alias: `${base}_x`, Type: "PERSONAL", Plan: {} });
      await contacts.createContact({ Alias: `${base}ax`, Type: "PERSONAL", Plan: {} });
      const { Contacts } = await contacts.listContacts({ AliasPrefix: `${base}_` });
      expect(Contacts!.map((c) => c.Alias)).toEqual([`${base}_x`]);
    });

    it("updates the display name, and an empty one clears it", async () => {
      const { contacts } = target();
      const { arn } = await newPersonalContact(target());
      await contacts.updateContact({ ContactId: arn, DisplayName: "New Name" });
      expect((await contacts.getContact({ ContactId: arn })).DisplayName).toBe("New Name");
      // Leaving DisplayName out keeps it.
      await contacts.updateContact({ ContactId: arn, Plan: { Stages: [] } });
      expect((await contacts.getContact({ ContactId: arn })).DisplayName).toBe("New Name");
      await contacts.updateContact({ ContactId: arn, DisplayName: "" });
      expect((await contacts.getContact({ ContactId: arn })).DisplayName).toBeUndefined();
    });

    it("deletes a contact with its channels; its alias can be used again", async () => {
      const t = target();
      const { arn, alias } = await newPersonalContact(t);
      const channel = await newActivatedChannel(t, arn);
      await t.contacts.deleteContact({ ContactId: arn });
      await expectError(t.contacts.getContact({ ContactId: arn }), "ResourceNotFoundException");
      await expectError(t.contacts.getContactChannel({ ContactChannelId: channel.arn }), "ResourceNotFoundException");
      await expectError(t.contacts.listContactChannels({ ContactId: arn }), "ResourceNotFoundException");
      expect((await t.contacts.listContacts({ AliasPrefix: alias })).Contacts).toEqual([]);
      // "You will have to recreate the contact and its contact channels before you can use it
      // again" (reference: DeleteContact): the alias is free, and the new contact starts empty.
      const { ContactArn } = await t.contacts.createContact({ Alias: alias, Type: "PERSONAL", Plan: {} });
      expect(ContactArn).toBe(arn);
      expect((await t.contacts.listContactChannels({ ContactId: arn })).ContactChannels).toEqual([]);
    });

    it("forgets the IdempotencyToken of a deleted contact", async () => {
      const { contacts } = target();
      const input = { Alias: `forget-${unique()}`, Type: "PERSONAL" as const, Plan: {}, IdempotencyToken: `t-${unique()}` };
      const { ContactArn } = await contacts.createContact(input);
      await contacts.deleteContact({ ContactId: ContactArn });
      // The retry creates the contact again instead of answering with one that is gone.
      expect((await contacts.createContact(input)).ContactArn).toBe(ContactArn);
      expect((await contacts.getContact({ ContactId: ContactArn })).Alias).toBe(input.Alias);
    });
  });
};

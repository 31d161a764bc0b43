// Resource policies and tags of contacts and escalation plans: PutContactPolicy, GetContactPolicy,
// TagResource, UntagResource, ListTagsForResource.
import { beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../incidents.contract";
import { expectFields, newActivatedChannel, newPersonalContact, resourceOf, unique } from "./helpers";
import type { ContactsSuite } from "./types";

/** The reference's example policy (GetContactPolicy), for a given contact. */
const policyFor = (arn: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "ExampleResourcePolicy",
        Effect: "Allow",
        Principal: { AWS: "444455556666" },
        Action: ["ssm-contacts:GetContact", "ssm-contacts:StartEngagement", "ssm-contacts:DescribeEngagement"],
        Resource: [arn],
      },
    ],
  });

export const policiesTagsSuite: ContactsSuite = ({ target, ensure }) => {
  describe("policies-tags", () => {
    beforeAll(async () => {
      await ensure();
    });

    it("tags a contact at creation and later; lists tags by key", async () => {
      const { contacts } = target();
      const alias = `tagged-${unique()}`;
      const { ContactArn } = await contacts.createContact({
        Alias: alias,
        Type: "PERSONAL",
        Plan: { Stages: [] },
        Tags: [
          { Key: "team", Value: "sre" },
          { Key: "cost-center", Value: "42" },
        ],
      });
      expect((await contacts.listTagsForResource({ ResourceARN: ContactArn })).Tags).toEqual([
        { Key: "cost-center", Value: "42" },
        { Key: "team", Value: "sre" },
      ]);
      // A key given again takes the new value.
      await contacts.tagResource({ ResourceARN: ContactArn, Tags: [{ Key: "team", Value: "dba" }, { Key: "group1", Value: "1" }] });
      expect((await contacts.listTagsForResource({ ResourceARN: ContactArn })).Tags).toEqual([
        { Key: "cost-center", Value: "42" },
        { Key: "group1", Value: "1" },
        { Key: "team", Value: "dba" },
      ]);
      // Removing a key that isn't there is no error.
      await contacts.untagResource({ ResourceARN: ContactArn, TagKeys: ["team", "never-there"] });
      expect((await contacts.listTagsForResource({ ResourceARN: ContactArn })).Tags).toEqual([
        { Key: "cost-center", Value: "42" },
        { Key: "group1", Value: "1" },
      ]);
    });

    it("tags escalation plans too", async () => {
      const { contacts } = target();
      const { ContactArn } = await contacts.createContact({ Alias: `plan-tags-${unique()}`, Type: "ESCALATION", Plan: { Stages: [] } });
      expect((await contacts.listTagsForResource({ ResourceARN: ContactArn })).Tags).toEqual([]);
      await contacts.tagResource({ ResourceARN: ContactArn, Tags: [{ Key: "tier", Value: "1" }] });
      expect((await contacts.listTagsForResource({ ResourceARN: ContactArn })).Tags).toEqual([{ Key: "tier", Value: "1" }]);
    });

    it("keeps a contact within the model's 50 tags", async () => {
      const { contacts } = target();
      const { arn } = await newPersonalContact(target());
      const tags = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${from + i}`, Value: "v" }));
      await contacts.tagResource({ ResourceARN: arn, Tags: tags(0, 30) });
      await expectError(contacts.tagResource({ ResourceARN: arn, Tags: tags(30, 21) }), "ServiceQuotaExceededException");
      await contacts.tagResource({ ResourceARN: arn, Tags: tags(30, 20) });
      expect((await contacts.listTagsForResource({ ResourceARN: arn })).Tags).toHaveLength(50);
      // More than 50 in one request is the model's own limit.
      await expectError(contacts.tagResource({ ResourceARN: arn, Tags: tags(100, 51) }), "ValidationException");
    });

    it("tags only contacts and escalation plans that exist", async () => {
      const t = target();
      const contact = await newPersonalContact(t);
      const channel = await newActivatedChannel(t, contact.arn);
      const missing = `arn:aws:ssm-contacts:us-east-1:000000000000:contact/missing-${unique()}`;
      for (const call of [
        () => t.contacts.listTagsForResource({ ResourceARN: missing }),
        () => t.contacts.tagResource({ ResourceARN: missing, Tags: [{ Key: "a", Value: "b" }] }),
        () => t.contacts.untagResource({ ResourceARN: missing, TagKeys: ["a"] }),
      ]) {
        expect(resourceOf(await expectError(call(), "ResourceNotFoundException"))).toEqual({ id: missing, type: "CONTACT" });
      }
      expectFields(await expectError(t.contacts.listTagsForResource({ ResourceARN: channel.arn }), "ValidationException"), "ResourceARN");
      expectFields(await expectError(t.contacts.tagResource({ ResourceARN: "not-an-arn", Tags: [{ Key: "a", Value: "b" }] }), "ValidationException"), "ResourceARN");
      // A tag is a key and a value.
      expectFields(await expectError(t.contacts.tagResource({ ResourceARN: contact.arn, Tags: [{ Key: "only-key" }] }), "ValidationException"), "Tags[0].Value");
    });

    it("stores a contact's resource policy, replaced by the next one", async () => {
      const { contacts } = target();
      const { arn } = await newPersonalContact(target());
      expect(await contacts.getContactPolicy({ ContactArn: arn })).toEqual({ ContactArn: arn });
      await contacts.putContactPolicy({ ContactArn: arn, Policy: policyFor(arn) });
      expect(await contacts.getContactPolicy({ ContactArn: arn })).toEqual({ ContactArn: arn, Policy: policyFor(arn) });
      const next = policyFor(`${arn}-again`);
      await contacts.putContactPolicy({ ContactArn: arn, Policy: next });
      expect((await contacts.getContactPolicy({ ContactArn: arn })).Policy).toBe(next);
    });

    it("takes only a JSON policy document, for a contact that exists", async () => {
      const { contacts } = target();
      const { arn } = await newPersonalContact(target());
      for (const Policy of ["{not json", "[1, 2]", '"text"']) {
        expectFields(await expectError(contacts.putContactPolicy({ ContactArn: arn, Policy }), "ValidationException"), "Policy");
      }
      expect(await contacts.getContactPolicy({ ContactArn: arn })).toEqual({ ContactArn: arn });
      const missing = `arn:aws:ssm-contacts:us-east-1:000000000000:contact/missing-${unique()}`;
      expect(resourceOf(await expectError(contacts.putContactPolicy({ ContactArn: missing, Policy: policyFor(missing) }), "ResourceNotFoundException")).id).toBe(missing);
      expect(resourceOf(await expectError(contacts.getContactPolicy({ ContactArn: missing }), "ResourceNotFoundException")).id).toBe(missing);
    });

    it("forgets a deleted contact's tags and policy", async () => {
      const { contacts } = target();
      const alias = `gone-${unique()}`;
      const { ContactArn } = await contacts.createContact({ Alias: alias, Type: "PERSONAL", Plan: {}, Tags: [{ Key: "team", Value: "sre" }] });
      await contacts.putContactPolicy({ ContactArn, Policy: policyFor(ContactArn!) });
      await contacts.deleteContact({ ContactId: ContactArn });
      await contacts.createContact({ Alias: alias, Type: "PERSONAL", Plan: {} });
      expect((await contacts.listTagsForResource({ ResourceARN: ContactArn })).Tags).toEqual([]);
      expect(await contacts.getContactPolicy({ ContactArn })).toEqual({ ContactArn });
    });
  });
};

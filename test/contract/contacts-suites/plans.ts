// Engagement plans of personal contacts and escalation plans, as CreateContact and UpdateContact
// take them: checked against the contact they belong to, read back as given, and kept in step
// when a channel or a contact they name is deleted.
import { beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../incidents.contract";
import { expectFields, fieldsOf, newActivatedChannel, newPersonalContact, unique } from "./helpers";
import type { ContactsSuite } from "./types";

export const plansSuite: ContactsSuite = ({ target, ensure }) => {
  describe("plans", () => {
    beforeAll(async () => {
      await ensure();
    });

    const newEscalationPlan = async (Plan: object = { Stages: [] }) => {
      const { ContactArn } = await target().contacts.createContact({ Alias: `escalate-${unique()}`, Type: "ESCALATION", Plan });
      return ContactArn!;
    };

    it("stores a personal engagement plan over the contact's own channels, as given", async () => {
      const t = target();
      const contact = await newPersonalContact(t);
      const email = await newActivatedChannel(t, contact.arn, { Type: "EMAIL" });
      const sms = await newActivatedChannel(t, contact.arn, { Type: "SMS" });
      // The reference's example: two five-minute stages, one channel each.
      const Plan = {
        Stages: [
          { DurationInMinutes: 5, Targets: [{ ChannelTargetInfo: { ContactChannelId: email.arn, RetryIntervalInMinutes: 1 } }] },
          { DurationInMinutes: 0, Targets: [{ ChannelTargetInfo: { ContactChannelId: sms.arn } }, { ChannelTargetInfo: { ContactChannelId: email.arn, RetryIntervalInMinutes: 60 } }] },
        ],
      };
      await t.contacts.updateContact({ ContactId: contact.arn, Plan });
      expect((await t.contacts.getContact({ ContactId: contact.arn })).Plan).toEqual(Plan);

      // A plan given replaces the whole plan.
      const shorter = { Stages: [{ DurationInMinutes: 10, Targets: [{ ChannelTargetInfo: { ContactChannelId: sms.arn, RetryIntervalInMinutes: 5 } }] }] };
      await t.contacts.updateContact({ ContactId: contact.arn, Plan: shorter });
      expect((await t.contacts.getContact({ ContactId: contact.arn })).Plan).toEqual(shorter);
      await t.contacts.updateContact({ ContactId: contact.arn, Plan: { Stages: [] } });
      expect((await t.contacts.getContact({ ContactId: contact.arn })).Plan).toEqual({ Stages: [] });
    });

    it("allows a personal plan without channel targets", async () => {
      const t = target();
      const contact = await newPersonalContact(t);
      const Plan = { Stages: [{ DurationInMinutes: 5, Targets: [] }] };
      await t.contacts.updateContact({ ContactId: contact.arn, Plan });
      expect((await t.contacts.getContact({ ContactId: contact.arn })).Plan).toEqual(Plan);
    });

    it("rejects a channel of another contact, naming the target's path", async () => {
      const t = target();
      const contact = await newPersonalContact(t);
      const own = await newActivatedChannel(t, contact.arn);
      const other = await newPersonalContact(t);
      const foreign = await newActivatedChannel(t, other.arn);
      const err = await expectError(
        t.contacts.updateContact({
          ContactId: contact.arn,
          Plan: {
            Stages: [
              { DurationInMinutes: 5, Targets: [{ ChannelTargetInfo: { ContactChannelId: own.arn } }] },
              { DurationInMinutes: 5, Targets: [{ ChannelTargetInfo: { ContactChannelId: foreign.arn } }] },
            ],
          },
        }),
        "ValidationException",
      );
      expectFields(err, "Plan.Stages[1].Targets[0].ChannelTargetInfo.ContactChannelId");
      // Nothing was stored.
      expect((await t.contacts.getContact({ ContactId: contact.arn })).Plan).toEqual({ Stages: [] });
    });

    it("can't name channels when creating a personal contact: they don't exist yet", async () => {
      const t = target();
      const other = await newPersonalContact(t);
      const channel = await newActivatedChannel(t, other.arn);
      const alias = `early-${unique()}`;
      const err = await expectError(
        t.contacts.createContact({
          Alias: alias,
          Type: "PERSONAL",
          Plan: { Stages: [{ DurationInMinutes: 1, Targets: [{ ChannelTargetInfo: { ContactChannelId: channel.arn } }] }] },
        }),
        "ValidationException",
      );
      expectFields(err, "Plan.Stages[0].Targets[0].ChannelTargetInfo.ContactChannelId");
      expect((await t.contacts.listContacts({ AliasPrefix: alias })).Contacts).toEqual([]);
    });

    it("checks each stage and target: kind, zero-minute stages, limits", async () => {
      const t = target();
      const contact = await newPersonalContact(t);
      const channel = await newActivatedChannel(t, contact.arn);
      const person = await newPersonalContact(t);
      const update = (Stages: object[]) => t.contacts.updateContact({ ContactId: contact.arn, Plan: { Stages } as never });

      // "The duration can only be set to 0 if a target is specified" (reference: Stage).
      expectFields(await expectError(update([{ DurationInMinutes: 0, Targets: [] }]), "ValidationException"), "Plan.Stages[0].DurationInMinutes");
      // The model's ranges: 0–30 minutes a stage, 0–60 between retries.
      expectFields(
        await expectError(update([{ DurationInMinutes: 31, Targets: [{ ChannelTargetInfo: { ContactChannelId: channel.arn } }] }]), "ValidationException"),
        "Plan.Stages[0].DurationInMinutes",
      );
      expectFields(
        await expectError(update([{ DurationInMinutes: 5, Targets: [{ ChannelTargetInfo: { ContactChannelId: channel.arn, RetryIntervalInMinutes: 61 } }] }]), "ValidationException"),
        "Plan.Stages[0].Targets[0].ChannelTargetInfo.RetryIntervalInMinutes",
      );
      // A personal plan engages channels, not contacts; a target is one or the other.
      expectFields(
        await expectError(update([{ DurationInMinutes: 5, Targets: [{ ContactTargetInfo: { ContactId: person.arn, IsEssential: true } }] }]), "ValidationException"),
        "Plan.Stages[0].Targets[0].ContactTargetInfo",
      );
      expectFields(
        await expectError(
          update([
            { DurationInMinutes: 5, Targets: [{ ChannelTargetInfo: { ContactChannelId: channel.arn } }] },
            { DurationInMinutes: 5, Targets: [{ ChannelTargetInfo: { ContactChannelId: channel.arn }, ContactTargetInfo: { ContactId: person.arn, IsEssential: false } }, {}] },
          ]),
          "ValidationException",
        ),
        "Plan.Stages[1].Targets[0]",
        "Plan.Stages[1].Targets[1]",
      );
      // Every problem is named at once.
      const all = await expectError(
        update([
          { DurationInMinutes: 0, Targets: [] },
          { DurationInMinutes: 5, Targets: [{ ChannelTargetInfo: { ContactChannelId: `${channel.arn}x` } }] },
        ]),
        "ValidationException",
      );
      expect(fieldsOf(all).map((f) => f.name)).toEqual(["Plan.Stages[0].DurationInMinutes", "Plan.Stages[1].Targets[0].ChannelTargetInfo.ContactChannelId"]);
      // Only an on-call schedule is made of rotations.
      expectFields(
        await expectError(
          t.contacts.updateContact({ ContactId: contact.arn, Plan: { RotationIds: ["arn:aws:ssm-contacts:us-east-1:000000000000:rotation/r"] } }),
          "ValidationException",
        ),
        "Plan.RotationIds",
      );
    });

    it("stores an escalation plan over personal contacts, with essential targets", async () => {
      const t = target();
      const a = await newPersonalContact(t);
      const b = await newPersonalContact(t);
      const Plan = {
        Stages: [
          { DurationInMinutes: 0, Targets: [{ ContactTargetInfo: { ContactId: a.arn, IsEssential: true } }] },
          {
            DurationInMinutes: 15,
            Targets: [
              { ContactTargetInfo: { ContactId: b.arn, IsEssential: false } },
              { ContactTargetInfo: { ContactId: a.arn, IsEssential: false } },
            ],
          },
        ],
      };
      const arn = await newEscalationPlan(Plan);
      expect(await t.contacts.getContact({ ContactId: arn })).toMatchObject({ Type: "ESCALATION", Plan });
      const shorter = { Stages: [{ DurationInMinutes: 30, Targets: [{ ContactTargetInfo: { ContactId: b.arn, IsEssential: true } }] }] };
      await t.contacts.updateContact({ ContactId: arn, Plan: shorter, DisplayName: "Database on-call" });
      expect(await t.contacts.getContact({ ContactId: arn })).toMatchObject({ DisplayName: "Database on-call", Plan: shorter });
    });

    it("rejects an escalation target that is unknown, an escalation plan, or a channel", async () => {
      const t = target();
      const person = await newPersonalContact(t);
      const channel = await newActivatedChannel(t, person.arn);
      const nested = await newEscalationPlan();
      const missing = `arn:aws:ssm-contacts:us-east-1:000000000000:contact/missing-${unique()}`;
      const err = await expectError(
        t.contacts.createContact({
          Alias: `bad-escalation-${unique()}`,
          Type: "ESCALATION",
          Plan: {
            Stages: [
              {
                DurationInMinutes: 5,
                Targets: [
                  { ContactTargetInfo: { ContactId: person.arn, IsEssential: true } },
                  { ContactTargetInfo: { ContactId: missing, IsEssential: true } },
                  { ContactTargetInfo: { ContactId: nested, IsEssential: false } },
                  { ChannelTargetInfo: { ContactChannelId: channel.arn } },
                  { ContactTargetInfo: { IsEssential: false } },
                ],
              },
            ],
          },
        }),
        "ValidationException",
      );
      expectFields(
        err,
        "Plan.Stages[0].Targets[1].ContactTargetInfo.ContactId",
        "Plan.Stages[0].Targets[2].ContactTargetInfo.ContactId",
        "Plan.Stages[0].Targets[3].ChannelTargetInfo",
        "Plan.Stages[0].Targets[4].ContactTargetInfo.ContactId",
      );
      expect(fieldsOf(err)[0].message).toMatch(/does not exist/);
      // IsEssential is required (reference: ContactTargetInfo).
      await expectError(
        t.contacts.updateContact({ ContactId: nested, Plan: { Stages: [{ DurationInMinutes: 5, Targets: [{ ContactTargetInfo: { ContactId: person.arn } as never }] }] } }),
        "ValidationException",
      );
    });

    it("drops a deleted channel from its contact's plan", async () => {
      const t = target();
      const contact = await newPersonalContact(t);
      const email = await newActivatedChannel(t, contact.arn, { Type: "EMAIL" });
      const sms = await newActivatedChannel(t, contact.arn, { Type: "SMS" });
      await t.contacts.updateContact({
        ContactId: contact.arn,
        Plan: {
          Stages: [
            { DurationInMinutes: 5, Targets: [{ ChannelTargetInfo: { ContactChannelId: email.arn, RetryIntervalInMinutes: 1 } }, { ChannelTargetInfo: { ContactChannelId: sms.arn } }] },
            { DurationInMinutes: 5, Targets: [{ ChannelTargetInfo: { ContactChannelId: email.arn } }] },
          ],
        },
      });
      await t.contacts.deleteContactChannel({ ContactChannelId: email.arn });
      // "Deleting the contact channel removes it from the contact's engagement plan" (reference:
      // DeleteContactChannel); the stages keep their timing.
      expect((await t.contacts.getContact({ ContactId: contact.arn })).Plan).toEqual({
        Stages: [
          { DurationInMinutes: 5, Targets: [{ ChannelTargetInfo: { ContactChannelId: sms.arn } }] },
          { DurationInMinutes: 5, Targets: [] },
        ],
      });
    });

    it("drops a deleted contact from every escalation plan", async () => {
      const t = target();
      const gone = await newPersonalContact(t);
      const stays = await newPersonalContact(t);
      const plan1 = await newEscalationPlan({
        Stages: [{ DurationInMinutes: 5, Targets: [{ ContactTargetInfo: { ContactId: gone.arn, IsEssential: true } }, { ContactTargetInfo: { ContactId: stays.arn, IsEssential: false } }] }],
      });
      const plan2 = await newEscalationPlan({ Stages: [{ DurationInMinutes: 10, Targets: [{ ContactTargetInfo: { ContactId: gone.arn, IsEssential: false } }] }] });
      await t.contacts.deleteContact({ ContactId: gone.arn });
      expect((await t.contacts.getContact({ ContactId: plan1 })).Plan).toEqual({
        Stages: [{ DurationInMinutes: 5, Targets: [{ ContactTargetInfo: { ContactId: stays.arn, IsEssential: false } }] }],
      });
      expect((await t.contacts.getContact({ ContactId: plan2 })).Plan).toEqual({ Stages: [{ DurationInMinutes: 10, Targets: [] }] });
    });
  });
};

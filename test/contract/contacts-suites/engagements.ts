// Engagements: StartEngagement, DescribeEngagement, ListEngagements, StopEngagement. The suite
// runs three ways against a live service without a manual clock, so it checks what holds the
// moment a call answers: stage 0's pages exist and were sent to (the engine's timing is tested
// with a manual clock in test/engine). Contacts and channels are made through the API, channels
// activated with the codes the outbox holds.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { ContactsTarget } from "../contacts.contract";
import { expectError } from "../incidents.contract";
import { newActivatedChannel, newPersonalContact, unique, uniqueEmail } from "./helpers";
import type { ContactsSuite } from "./types";

export const ENGAGEMENT_ARN = /^arn:aws:ssm-contacts:[a-z0-9-]+:[0-9]{12}:engagement\/[\w-]+\/[0-9a-f-]{36}$/;
export const PAGE_ARN = /^arn:aws:ssm-contacts:[a-z0-9-]+:[0-9]{12}:page\/[\w-]+\/[0-9a-f-]{36}$/;

export const message = {
  Sender: "oncall-bot",
  Subject: "Checkout is down",
  Content: "5xx on checkout since 02:58 UTC; runbook in the incident",
  PublicSubject: "Checkout alarm",
  PublicContent: "Checkout alarm, please look",
};

/**
 * A personal contact paged on an activated e-mail and SMS in stage 0 (e-mail retried every
 * minute) and by voice in stage 1, plus a second e-mail that is never activated.
 */
export async function pagedContact(t: ContactsTarget, tag = "responder") {
  const contact = await newPersonalContact(t, tag);
  const email = await newActivatedChannel(t, contact.arn, { Type: "EMAIL" });
  const sms = await newActivatedChannel(t, contact.arn, { Type: "SMS" });
  const voice = await newActivatedChannel(t, contact.arn, { Type: "VOICE" });
  const unverifiedAddress = uniqueEmail("unverified");
  const { ContactChannelArn: unverified } = await t.contacts.createContactChannel({
    ContactId: contact.arn,
    Name: "unverified",
    Type: "EMAIL",
    DeliveryAddress: { SimpleAddress: unverifiedAddress },
    DeferActivation: true,
  });
  await t.contacts.updateContact({
    ContactId: contact.arn,
    Plan: {
      Stages: [
        {
          DurationInMinutes: 5,
          Targets: [
            { ChannelTargetInfo: { ContactChannelId: email.arn, RetryIntervalInMinutes: 1 } },
            { ChannelTargetInfo: { ContactChannelId: sms.arn } },
            { ChannelTargetInfo: { ContactChannelId: unverified! } },
          ],
        },
        { DurationInMinutes: 10, Targets: [{ ChannelTargetInfo: { ContactChannelId: voice.arn, RetryIntervalInMinutes: 2 } }] },
      ],
    },
  });
  return { ...contact, email, sms, voice, unverified: { arn: unverified!, address: unverifiedAddress } };
}

/** An escalation plan over contacts (ContactTargetInfo with IsEssential), stage by stage. */
export async function escalationPlan(t: ContactsTarget, stages: { minutes: number; targets: { arn: string; essential: boolean }[] }[]) {
  const alias = `escalation-${unique()}`;
  const { ContactArn } = await t.contacts.createContact({
    Alias: alias,
    Type: "ESCALATION",
    Plan: {
      Stages: stages.map((s) => ({
        DurationInMinutes: s.minutes,
        Targets: s.targets.map((x) => ({ ContactTargetInfo: { ContactId: x.arn, IsEssential: x.essential } })),
      })),
    },
  });
  return { arn: ContactArn!, alias };
}

export const incidentId = () => `arn:aws:ssm-incidents::000000000000:incident-record/contract/${randomUUID()}`;

export const engagementsSuite: ContactsSuite = ({ target, ensure }) => {
  describe("engagements", () => {
    beforeAll(async () => {
      await ensure();
    });

    it("starts stage 0 before it answers: the contact's page exists and was sent to its activated channels", async () => {
      const t = target();
      const c = await pagedContact(t);
      const IncidentId = incidentId();
      const before = Date.now();
      const { EngagementArn } = await t.contacts.startEngagement({ ContactId: c.arn, ...message, IncidentId });
      expect(EngagementArn).toMatch(ENGAGEMENT_ARN);
      expect(EngagementArn).toContain(`:engagement/${c.alias}/`);

      const described = await t.contacts.describeEngagement({ EngagementId: EngagementArn });
      expect(described).toMatchObject({ EngagementArn, ContactArn: c.arn, ...message, IncidentId });
      expect(described.StartTime!.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(described.StopTime).toBeUndefined();

      const { Pages } = await t.contacts.listPagesByEngagement({ EngagementId: EngagementArn });
      expect(Pages).toHaveLength(1);
      expect(Pages![0]).toMatchObject({ EngagementArn, ContactArn: c.arn, Sender: message.Sender, IncidentId });
      expect(Pages![0].PageArn).toMatch(PAGE_ARN);
      expect(Pages![0].SentTime).toBeInstanceOf(Date);

      // E-mail gets the secure text, SMS the public one; the inbox of the contact has the page.
      const [mail] = (await t.outbox(c.email.address)).filter((m) => m.kind === "PAGE");
      expect(mail).toMatchObject({ channel: "EMAIL", subject: message.Subject });
      expect(mail.body).toContain(message.Content);
      const [sms] = (await t.outbox(c.sms.address)).filter((m) => m.kind === "PAGE");
      expect(sms.body).toContain(message.PublicContent);
      expect(sms.body).not.toContain(message.Content);
      expect((await t.outbox(c.arn)).filter((m) => m.kind === "PAGE" && m.channel === "INBOX")).toHaveLength(1);
      // Stage 1 (voice) hasn't started; the unverified channel was never delivered to.
      expect((await t.outbox(c.voice.address)).filter((m) => m.kind === "PAGE")).toEqual([]);
      expect(await t.outbox(c.unverified.address)).toEqual([]);
    });

    it("records an ERROR receipt, not a delivery, for a channel that isn't activated", async () => {
      const t = target();
      const c = await pagedContact(t);
      const { EngagementArn } = await t.contacts.startEngagement({ ContactId: c.arn, ...message });
      const [page] = (await t.contacts.listPagesByEngagement({ EngagementId: EngagementArn })).Pages!;
      const { Receipts } = await t.contacts.listPageReceipts({ PageId: page.PageArn });
      const byChannel = (arn: string) => Receipts!.filter((r) => r.ContactChannelArn === arn).map((r) => r.ReceiptType);
      expect(byChannel(c.email.arn)).toEqual(["SENT"]);
      expect(byChannel(c.sms.arn)).toEqual(["SENT"]);
      expect(byChannel(c.voice.arn)).toEqual([]);
      const [error] = Receipts!.filter((r) => r.ContactChannelArn === c.unverified.arn);
      expect(error).toMatchObject({ ReceiptType: "ERROR" });
      expect(error.ReceiptInfo).toMatch(/not activated/);
    });

    it("pages each target contact of an escalation plan's first stage at once, and no later stage", async () => {
      const t = target();
      const [a, b, c] = [await pagedContact(t, "first"), await pagedContact(t, "second"), await pagedContact(t, "later")];
      const plan = await escalationPlan(t, [
        { minutes: 5, targets: [{ arn: a.arn, essential: false }, { arn: b.arn, essential: true }] },
        { minutes: 5, targets: [{ arn: c.arn, essential: true }] },
      ]);
      const { EngagementArn } = await t.contacts.startEngagement({ ContactId: plan.arn, ...message });
      expect(EngagementArn).toContain(`:engagement/${plan.alias}/`);
      const { Pages } = await t.contacts.listPagesByEngagement({ EngagementId: EngagementArn });
      expect(Pages!.map((p) => p.ContactArn).sort()).toEqual([a.arn, b.arn].sort());
      for (const p of Pages!) {
        expect(p.PageArn).toContain(`:page/${p.ContactArn === a.arn ? a.alias : b.alias}/`);
        expect(p.EngagementArn).toBe(EngagementArn);
      }
      // A page at a time, the same pages in the same order.
      const paged: string[] = [];
      let NextToken: string | undefined;
      do {
        const out = await t.contacts.listPagesByEngagement({ EngagementId: EngagementArn, MaxResults: 1, NextToken });
        paged.push(...out.Pages!.map((p) => p.PageArn!));
        NextToken = out.NextToken;
      } while (NextToken);
      expect(paged).toEqual(Pages!.map((p) => p.PageArn));
      expect((await t.contacts.listPagesByContact({ ContactId: c.arn })).Pages).toEqual([]);
    });

    it("returns the first engagement for a retried IdempotencyToken and starts nothing new", async () => {
      const t = target();
      const c = await pagedContact(t);
      const IdempotencyToken = randomUUID();
      const first = await t.contacts.startEngagement({ ContactId: c.arn, ...message, IdempotencyToken });
      const again = await t.contacts.startEngagement({ ContactId: c.arn, ...message, IdempotencyToken });
      expect(again.EngagementArn).toBe(first.EngagementArn);
      expect((await t.contacts.listPagesByContact({ ContactId: c.arn })).Pages).toHaveLength(1);
      expect((await t.outbox(c.email.address)).filter((m) => m.kind === "PAGE")).toHaveLength(1);
    });

    it("rejects an unknown contact and describes no unknown engagement", async () => {
      const t = target();
      await expectError(
        t.contacts.startEngagement({ ContactId: `arn:aws:ssm-contacts:us-east-1:000000000000:contact/nobody-${unique()}`, ...message }),
        "ResourceNotFoundException",
      );
      const missing = `arn:aws:ssm-contacts:us-east-1:000000000000:engagement/nobody/${randomUUID()}`;
      await expectError(t.contacts.describeEngagement({ EngagementId: missing }), "ResourceNotFoundException");
      await expectError(t.contacts.stopEngagement({ EngagementId: missing }), "ResourceNotFoundException");
      await expectError(t.contacts.listPagesByEngagement({ EngagementId: missing }), "ResourceNotFoundException");
    });

    it("lists engagements newest first, by incident, by time range, a page at a time", async () => {
      const t = target();
      const c = await pagedContact(t);
      const IncidentId = incidentId();
      const arns: string[] = [];
      for (let i = 0; i < 3; i++) arns.push((await t.contacts.startEngagement({ ContactId: c.arn, ...message, IncidentId })).EngagementArn!);
      const other = await t.contacts.startEngagement({ ContactId: c.arn, ...message, IncidentId: incidentId() });

      const listed = (await t.contacts.listEngagements({ IncidentId })).Engagements!;
      expect(listed.map((e) => e.EngagementArn)).toEqual([...arns].reverse());
      expect(listed[0]).toMatchObject({ ContactArn: c.arn, Sender: message.Sender, IncidentId });
      expect(listed.map((e) => e.EngagementArn)).not.toContain(other.EngagementArn);

      const seen: string[] = [];
      let NextToken: string | undefined;
      do {
        const page = await t.contacts.listEngagements({ IncidentId, MaxResults: 1, NextToken });
        expect(page.Engagements!.length).toBeLessThanOrEqual(1);
        seen.push(...page.Engagements!.map((e) => e.EngagementArn!));
        NextToken = page.NextToken;
      } while (NextToken);
      expect(seen).toEqual([...arns].reverse());

      const now = Date.now();
      const during = await t.contacts.listEngagements({ IncidentId, TimeRangeValue: { StartTime: new Date(now - 3_600_000), EndTime: new Date(now + 3_600_000) } });
      expect(during.Engagements).toHaveLength(3);
      const later = await t.contacts.listEngagements({ IncidentId, TimeRangeValue: { StartTime: new Date(now + 3_600_000) } });
      expect(later.Engagements).toHaveLength(3); // still running: they occur during any later range
      const earlier = await t.contacts.listEngagements({ IncidentId, TimeRangeValue: { EndTime: new Date(now - 3_600_000) } });
      expect(earlier.Engagements).toEqual([]);
    });

    it("StopEngagement sets StopTime and stops every page with a STOP receipt carrying the reason", async () => {
      const t = target();
      const [a, b] = [await pagedContact(t, "stop-a"), await pagedContact(t, "stop-b")];
      const plan = await escalationPlan(t, [{ minutes: 5, targets: [{ arn: a.arn, essential: true }, { arn: b.arn, essential: true }] }]);
      const IncidentId = incidentId();
      const { EngagementArn } = await t.contacts.startEngagement({ ContactId: plan.arn, ...message, IncidentId });
      await t.contacts.stopEngagement({ EngagementId: EngagementArn, Reason: "Mitigated by rollback" });
      // Stopping again is harmless.
      await t.contacts.stopEngagement({ EngagementId: EngagementArn });

      const described = await t.contacts.describeEngagement({ EngagementId: EngagementArn });
      expect(described.StopTime).toBeInstanceOf(Date);
      expect(described.StopTime!.getTime()).toBeGreaterThanOrEqual(described.StartTime!.getTime());
      const [listed] = (await t.contacts.listEngagements({ IncidentId })).Engagements!;
      expect(listed.StopTime).toEqual(described.StopTime);

      const { Pages } = await t.contacts.listPagesByEngagement({ EngagementId: EngagementArn });
      expect(Pages).toHaveLength(2);
      for (const p of Pages!) {
        const { Receipts } = await t.contacts.listPageReceipts({ PageId: p.PageArn });
        const stops = Receipts!.filter((r) => r.ReceiptType === "STOP");
        expect(stops).toHaveLength(1);
        expect(stops[0]).toMatchObject({ ReceiptInfo: "Mitigated by rollback" });
        expect(stops[0].ReceiptTime).toEqual(described.StopTime);
      }
    });
  });
};

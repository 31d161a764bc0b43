// StartIncident with a response plan that names engagements: each contact and escalation plan is
// engaged (IncidentId = the incident ARN, subject = the title), stage 0 is paged before the call
// answers, the timeline gets one "SSM Contacts Page for Incident" event per engagement and one
// "SSM Contacts Page Acknowledgement for Incident" per acknowledged page; a retried clientToken or
// a deduplicated incident engages nobody twice. On each database.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGAGEMENT_EVENT_TYPES, INCIDENT_ENGAGEMENT_SENDER, tick } from "@/lib/im/local/engine";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";
import { harness, seedEscalation, seedPersonal, T0 } from "./fixtures";

describe.each(PROVIDERS)("StartIncident engages the response plan's contacts on %s", (provider) => {
  let t: TestDatabase;
  let h: ReturnType<typeof harness>;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
    h = harness(t.db);
    await h.incidents.createReplicationSet({ regions: { "us-east-1": {} } });
  });
  afterAll(async () => t.cleanup());

  async function planWithEngagements(name: string, dedupeString?: string) {
    const lead = await seedPersonal(t.db, "lead", [{ type: "EMAIL", address: `lead-${name}@example.com` }], [{ minutes: 5, targets: [{ channel: 0, retry: 1 }] }]);
    const backup = await seedPersonal(t.db, "backup", [{ type: "SMS", address: "+15550102030" }], [{ minutes: 5, targets: [{ channel: 0 }] }]);
    const escalation = await seedEscalation(t.db, "team", [
      { minutes: 5, targets: [{ contactArn: backup.arn, essential: true }] },
      { minutes: 5, targets: [{ contactArn: lead.arn, essential: true }] },
    ]);
    const { arn } = await h.incidents.createResponsePlan({
      name,
      incidentTemplate: { title: "Checkout errors", impact: 2, summary: "Checkout answers 5xx", dedupeString },
      engagements: [lead.arn, escalation.arn],
    });
    return { planArn: arn!, lead, backup, escalation };
  }

  const events = async (incidentArn: string, eventType: string) =>
    ((await h.incidents.listTimelineEvents({ incidentRecordArn: incidentArn, filters: [{ key: "eventType", condition: { equals: { stringValues: [eventType] } } }] })).eventSummaries ?? []);

  it("engages each contact and escalation plan with the incident's ARN, title and summary, stage 0 at once", async () => {
    const { planArn, lead, backup, escalation } = await planWithEngagements("engaging");
    const { incidentRecordArn } = await h.incidents.startIncident({ responsePlanArn: planArn, clientToken: randomUUID() });

    const { Engagements } = await h.contacts.listEngagements({ IncidentId: incidentRecordArn });
    expect(Engagements!.map((e) => e.ContactArn).sort()).toEqual([lead.arn, escalation.arn].sort());
    for (const e of Engagements!) {
      const d = await h.contacts.describeEngagement({ EngagementId: e.EngagementArn });
      expect(d).toMatchObject({ Sender: INCIDENT_ENGAGEMENT_SENDER, Subject: "Checkout errors", IncidentId: incidentRecordArn, StartTime: T0 });
      expect(d.Content).toContain("Checkout answers 5xx");
      expect(d.Content).toContain(incidentRecordArn);
    }
    // Stage 0 was paged before StartIncident answered: Lead directly, Backup by the escalation plan.
    expect((await h.contacts.listPagesByContact({ ContactId: lead.arn })).Pages).toHaveLength(1);
    expect((await h.contacts.listPagesByContact({ ContactId: backup.arn })).Pages).toHaveLength(1);
    expect(await t.db.notification.count({ where: { address: "lead-engaging@example.com", kind: "PAGE" } })).toBe(1);

    const engaged = await events(incidentRecordArn!, ENGAGEMENT_EVENT_TYPES.engaged);
    expect(engaged).toHaveLength(2);
    const datas = await Promise.all(engaged.map(async (e) => JSON.parse((await h.incidents.getTimelineEvent({ incidentRecordArn, eventId: e.eventId })).event!.eventData!)));
    expect(datas.map((d) => d.contactArn).sort()).toEqual([lead.arn, escalation.arn].sort());
    expect(datas.map((d) => d.engagementArn).sort()).toEqual(Engagements!.map((e) => e.EngagementArn).sort());
  });

  it("writes a timeline event when a page of the incident is acknowledged, once per page", async () => {
    const { planArn, backup } = await planWithEngagements("acknowledging");
    const { incidentRecordArn } = await h.incidents.startIncident({ responsePlanArn: planArn });
    const [page] = (await h.contacts.listPagesByContact({ ContactId: backup.arn })).Pages!.filter((p) => p.IncidentId === incidentRecordArn);
    await h.contacts.acceptPage({ PageId: page.PageArn, AcceptType: "DELIVERED", AcceptCode: "000000" });
    expect(await events(incidentRecordArn!, ENGAGEMENT_EVENT_TYPES.acknowledged)).toEqual([]);
    await h.contacts.acceptPage({ PageId: page.PageArn, AcceptType: "READ", AcceptCode: "000000" });
    await h.contacts.acceptPage({ PageId: page.PageArn, AcceptType: "READ", AcceptCode: "000000" });
    const acked = await events(incidentRecordArn!, ENGAGEMENT_EVENT_TYPES.acknowledged);
    expect(acked).toHaveLength(1);
    const data = JSON.parse((await h.incidents.getTimelineEvent({ incidentRecordArn, eventId: acked[0].eventId })).event!.eventData!);
    expect(data).toEqual({ contactArn: backup.arn, engagementArn: page.EngagementArn, pageArn: page.PageArn });
  });

  it("engages nobody twice for a retried clientToken or a deduplicated incident", async () => {
    const { planArn, lead } = await planWithEngagements("once", `dedupe-${provider}`);
    const clientToken = randomUUID();
    const first = await h.incidents.startIncident({ responsePlanArn: planArn, clientToken });
    const retried = await h.incidents.startIncident({ responsePlanArn: planArn, clientToken });
    const deduplicated = await h.incidents.startIncident({ responsePlanArn: planArn });
    expect(retried.incidentRecordArn).toBe(first.incidentRecordArn);
    expect(deduplicated.incidentRecordArn).toBe(first.incidentRecordArn);
    expect((await h.contacts.listEngagements({ IncidentId: first.incidentRecordArn })).Engagements).toHaveLength(2);
    expect((await h.contacts.listPagesByContact({ ContactId: lead.arn })).Pages).toHaveLength(1);
    expect(await events(first.incidentRecordArn!, ENGAGEMENT_EVENT_TYPES.engaged)).toHaveLength(2);
  });

  it("skips an engagement whose contact no longer exists and still starts the incident", async () => {
    const ghost = "arn:aws:ssm-contacts:us-east-1:000000000000:contact/ghost";
    const { arn } = await h.incidents.createResponsePlan({ name: "ghostly", incidentTemplate: { title: "Ghost", impact: 4 }, engagements: [ghost] });
    const { incidentRecordArn } = await h.incidents.startIncident({ responsePlanArn: arn });
    expect((await h.incidents.getIncidentRecord({ arn: incidentRecordArn })).incidentRecord!.title).toBe("Ghost");
    expect((await h.contacts.listEngagements({ IncidentId: incidentRecordArn })).Engagements).toEqual([]);
    expect((await tick(h.engine)).claimed).toBe(0);
  });
});

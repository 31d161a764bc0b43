// StartIncident writes an incident in one transaction of fixed statements (lib/im/local/incidents/
// hot-writes.ts); a plan that engages contacts also has the engine write its engagements there
// (lib/im/local/engine, through the same transaction). These two paths were once separate (the
// engaging one ran on Prisma), and this suite keeps them alike: on each database, two plans alike
// but for one engagement start incidents from the same input, and the rows both write are the
// same — the record, the plan's tags, the related items, the runbook executions, and the
// timeline's automatic events in order with their numbers; each replays a retried token and
// refuses a token reused with other parameters.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ContactsService, IncidentsService } from "@/lib/im/contract";
import { localServices } from "@/lib/im/local";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

const ACCOUNT = "000000000000";

describe.each(PROVIDERS)("StartIncident's two paths on %s", (provider) => {
  let t: TestDatabase;
  let incidents: IncidentsService;
  let contacts: ContactsService;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    ({ incidents, contacts } = localServices({ principalArn: `arn:aws:iam::${ACCOUNT}:user/starter` }, { db: t.db, accountId: ACCOUNT, region: "us-east-1" }));
    await incidents.createReplicationSet({ regions: { "us-east-1": {} } });
  });
  afterAll(async () => t.cleanup());

  /** What an incident's rows say, without what differs by nature (ids, ARNs, times, the engine's own events). */
  async function rowsOf(arn: string) {
    const incident = (await t.db.incidentRecord.findUnique({
      where: { arn },
      include: {
        timelineEvents: { orderBy: { seq: "asc" } },
        relatedItems: { orderBy: { title: "asc" } },
        automationExecutions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      },
    }))!;
    const tags = await t.db.tag.findMany({ where: { resourceArn: arn }, orderBy: { key: "asc" }, select: { key: true, value: true } });
    const ours = incident.timelineEvents.filter((e) => e.eventType.startsWith("SSM Incident") || e.eventType.startsWith("SSM Automation"));
    return {
      record: {
        title: incident.title,
        impact: incident.impact,
        status: incident.status,
        summary: incident.summary,
        dedupeString: incident.dedupeString,
        openDedupeKey: incident.openDedupeKey,
        notificationTargets: incident.notificationTargets,
        chatChannel: incident.chatChannel,
        createdBy: incident.createdBy,
        source: incident.source,
        resourceArn: incident.resourceArn,
        triggerArn: incident.triggerArn,
        triggerRawData: incident.triggerRawData,
        triggerTimestamp: incident.triggerTimestamp,
        lastModifiedBy: incident.lastModifiedBy,
        sameTimes: incident.creationTime.getTime() === incident.lastModifiedTime.getTime(),
      },
      // The engine's event ("engaged") comes after the incident's own; the counter covers every event.
      counterCoversEvents: incident.nextEventSeq === incident.timelineEvents.length,
      events: ours.map((e) => ({
        seq: e.seq,
        eventType: e.eventType,
        createdBy: e.createdBy,
        eventData: JSON.parse(e.eventData.replace(/automation-execution\/[0-9a-f-]+/g, "automation-execution/X").replace(/response-plan\/[a-z0-9-]+/g, "response-plan/P")),
        atCreation: e.eventTime.getTime() === incident.creationTime.getTime(),
      })),
      relatedItems: incident.relatedItems.map((r) => ({ type: r.type, title: r.title, valueKind: r.valueKind, value: r.value, idShape: /^related-item\/[A-Z]+\/[0-9A-F]{32}$/.test(r.id) })),
      executions: incident.automationExecutions.map((e) => /^arn:aws:ssm:us-east-1:000000000000:automation-execution\/[0-9a-f-]{36}$/.test(e.ssmExecutionArn)),
      tags,
    };
  }

  it("writes the same rows for a plan that engages nobody and one that engages a contact", async () => {
    const { ContactArn: contactArn } = await contacts.createContact({ Alias: `oncall-${randomUUID().slice(0, 8)}`, Type: "PERSONAL", Plan: { Stages: [] } });
    const template = {
      title: "Checkout errors",
      impact: 2,
      summary: "5xx on /checkout",
      incidentTags: { service: "checkout", tier: "1" },
      notificationTargets: [{ snsTopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:pager` }],
    };
    // The model allows one action a plan.
    const actions = [{ ssmAutomation: { documentName: "Restart", documentVersion: "3", roleArn: `arn:aws:iam::${ACCOUNT}:role/runbook` } }];
    const chatChannel = { chatbotSns: [`arn:aws:sns:us-east-1:${ACCOUNT}:chat`] };
    const hot = await incidents.createResponsePlan({ name: `hot-${randomUUID().slice(0, 8)}`, incidentTemplate: template, actions, chatChannel });
    const prisma = await incidents.createResponsePlan({ name: `prisma-${randomUUID().slice(0, 8)}`, incidentTemplate: template, actions, chatChannel, engagements: [contactArn!] });
    const input = {
      impact: 1,
      triggerDetails: { source: "grafana", triggerArn: `arn:aws:cloudwatch:us-east-1:${ACCOUNT}:alarm:checkout`, timestamp: new Date("2026-12-07T10:00:00.250Z"), rawData: '{"alert":"checkout"}' },
      relatedItems: [
        { identifier: { type: "OTHER" as const, value: { url: "https://example.com/dashboards/checkout" } }, title: "Dashboard" },
        { identifier: { type: "INVOLVED_RESOURCE" as const, value: { arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/i-1` } }, title: "Instance" },
      ],
    };
    const viaHot = await incidents.startIncident({ ...input, responsePlanArn: hot.arn!, clientToken: randomUUID() });
    const viaPrisma = await incidents.startIncident({ ...input, responsePlanArn: prisma.arn!, clientToken: randomUUID() });
    // The engaging plan's incident answers with its page in place and its first step fired (the inbox message).
    const engagement = (await t.db.engagement.findFirst({ where: { incidentId: viaPrisma.incidentRecordArn! }, include: { pages: true } }))!;
    expect(engagement.pages).toHaveLength(1);
    expect(JSON.parse(engagement.pages[0].resolution!)).toEqual([{ ContactArn: contactArn, Type: "PERSONAL" }]);
    expect(engagement.pages[0]).toMatchObject({ contactArn, isEssential: true, sender: "Incident Manager", subject: "Checkout errors", incidentId: viaPrisma.incidentRecordArn });
    expect(await t.db.engineJob.findMany({ where: { engagementId: engagement.id }, select: { kind: true, status: true } })).toEqual([{ kind: "INBOX", status: "DONE" }]);
    const engaged = await t.db.timelineEvent.findFirst({ where: { incident: { arn: viaPrisma.incidentRecordArn! }, eventType: "SSM Contacts Page for Incident" } });
    expect(engaged?.seq).toBe(2);
    expect(JSON.parse(engaged!.eventData)).toEqual({ contactArn, engagementArn: engagement.arn });

    const a = await rowsOf(viaHot.incidentRecordArn!);
    const b = await rowsOf(viaPrisma.incidentRecordArn!);
    expect(a).toEqual(b);
    // And what they are: the trigger event then the runbook's, numbered from 0.
    expect(a.events.map((e) => [e.seq, e.eventType])).toEqual([
      [0, "SSM Incident Trigger"],
      [1, "SSM Automation Execution Start"],
    ]);
    expect(a.events[1].eventData).toMatchObject({ documentName: "Restart", documentVersion: "3" });
    expect(a.tags).toEqual([{ key: "service", value: "checkout" }, { key: "tier", value: "1" }]);
    expect(a.executions).toEqual([true]);
    expect(a.counterCoversEvents && b.counterCoversEvents).toBe(true);
    // The engaging plan engaged the contact in the same transaction.
    expect(await t.db.engagement.count({ where: { incidentId: viaPrisma.incidentRecordArn! } })).toBe(1);
  });

  it("refuses a plan whose tags are over the quota (written behind the API's back) and writes nothing", async () => {
    const plan = await incidents.createResponsePlan({ name: `tags-${randomUUID().slice(0, 8)}`, incidentTemplate: { title: "Tagged", impact: 3 } });
    await t.db.responsePlan.update({ where: { arn: plan.arn! }, data: { incidentTags: JSON.stringify(Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]))) } });
    await expect(incidents.startIncident({ responsePlanArn: plan.arn!, clientToken: randomUUID() })).rejects.toMatchObject({
      code: "ServiceQuotaExceededException",
      message: expect.stringMatching(/at most 50 tags; .* would have 51$/),
    });
    expect(await t.db.incidentRecord.count({ where: { responsePlanArn: plan.arn! } })).toBe(0);
  });

  it("replays a retried token and refuses one reused with other parameters, on each path", async () => {
    const { ContactArn: contactArn } = await contacts.createContact({ Alias: `retry-${randomUUID().slice(0, 8)}`, Type: "PERSONAL", Plan: { Stages: [] } });
    const hot = await incidents.createResponsePlan({ name: `rhot-${randomUUID().slice(0, 8)}`, incidentTemplate: { title: "Retry", impact: 3 } });
    const prisma = await incidents.createResponsePlan({ name: `rprisma-${randomUUID().slice(0, 8)}`, incidentTemplate: { title: "Retry", impact: 3 }, engagements: [contactArn!] });
    for (const plan of [hot.arn!, prisma.arn!]) {
      const clientToken = randomUUID();
      const first = await incidents.startIncident({ responsePlanArn: plan, clientToken, title: "once" });
      expect(await incidents.startIncident({ responsePlanArn: plan, clientToken, title: "once" })).toEqual(first);
      await expect(incidents.startIncident({ responsePlanArn: plan, clientToken, title: "other" })).rejects.toMatchObject({ code: "ConflictException" });
      expect(await t.db.incidentRecord.count({ where: { responsePlanArn: plan } })).toBe(1);
    }
  });
});

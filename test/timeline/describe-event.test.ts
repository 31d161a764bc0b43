// The timeline's event renderer on the events the local model really writes (SQLite): every
// automatic event reads as a sentence — who changed what from what to what — never as JSON.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeEvent, eventTypeLabel } from "@/components/timeline/describe-event";
import { localServices } from "@/lib/im/local";
import type { IncidentsService } from "@/lib/im/contract";
import { toTimelineEventDto, type TimelineEventDto } from "@/lib/console/timeline/dto";
import { createTestDatabase, type TestDatabase } from "../support/databases";

async function timelineOf(incidents: IncidentsService, arn: string): Promise<TimelineEventDto[]> {
  const { eventSummaries } = await incidents.listTimelineEvents({ incidentRecordArn: arn, sortOrder: "ASCENDING" });
  return Promise.all(
    eventSummaries!.map(async (s, order) => toTimelineEventDto((await incidents.getTimelineEvent({ incidentRecordArn: arn, eventId: s.eventId! })).event!, order)),
  );
}

describe("describeEvent on the local model's events", () => {
  let t: TestDatabase;
  let incidents: IncidentsService;
  let events: TimelineEventDto[];

  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    ({ incidents } = localServices({ principalArn: "arn:aws:iam::000000000000:user/ana@example.com" }, { db: t.db, accountId: "000000000000", region: "us-east-1" }));
    await incidents.createReplicationSet({ regions: { "us-east-1": {} } });
    const { arn: planArn } = (await incidents.createResponsePlan({ name: "db", incidentTemplate: { title: "DB down", impact: 3 } })) as { arn: string };
    const arn = (await incidents.startIncident({ responsePlanArn: planArn }))!.incidentRecordArn!;
    await incidents.updateIncidentRecord({ arn, impact: 1, title: "DB really down" });
    await incidents.updateIncidentRecord({ arn, status: "RESOLVED" });
    await incidents.updateRelatedItems({
      incidentRecordArn: arn,
      relatedItemsUpdate: { itemToAdd: { identifier: { type: "OTHER", value: { url: "https://status.example.com" } }, title: "Status page" } },
    });
    await incidents.createTimelineEvent({ incidentRecordArn: arn, eventTime: new Date(), eventType: "Note", eventData: JSON.stringify("Paged the DBA\nsecond line") });
    events = await timelineOf(incidents, arn);
  });
  afterAll(async () => t.cleanup());

  const find = (pred: (v: ReturnType<typeof describeEvent>) => boolean) => events.map((e) => describeEvent(e)).find(pred);

  it("says who started the incident, from which plan, with which title and impact", () => {
    const started = find((v) => v.label === "Incident started")!;
    expect(started.summary).toBe("Incident started by ana@example.com");
    expect(started.lines).toEqual(expect.arrayContaining(["Response plan: db", 'Title: "DB down"', "Impact: 3 Medium"]));
  });

  it("says who changed what from what to what", () => {
    const edit = find((v) => v.lines.some((l) => l.startsWith("Impact changed")))!;
    expect(edit.summary).toBe("Incident updated by ana@example.com");
    expect(edit.lines).toEqual(["Title changed from \"DB down\" to \"DB really down\"", "Impact changed from 3 Medium to 1 Critical"]);
    expect(find((v) => v.lines.includes("Status changed from Open to Resolved"))).toBeDefined();
    expect(find((v) => v.lines.includes('Related item added: "Status page" (OTHER: Url: https://status.example.com)'))).toBeDefined();
  });

  it("never shows JSON for an automatic event, and only people's events are editable", () => {
    for (const e of events) {
      const v = describeEvent(e);
      for (const text of [v.summary, ...v.lines]) expect(text).not.toMatch(/[{}]|"\w+":/);
      expect(v.editable).toBe(e.type === "Note" || e.type === "Custom Event");
    }
  });

  it("shows a note's text as written, decoded from the JSON string AWS stores", () => {
    const note = find((v) => v.label === "Note")!;
    expect(note.text).toBe("Paged the DBA\nsecond line");
  });
});

describe("describeEvent on other writers' events", () => {
  it("renders engagement events by contact", () => {
    const data = JSON.stringify({ contactArn: "arn:aws:ssm-contacts:us-east-1:000000000000:contact/oncall-ana", engagementArn: "arn:x:engagement/e/1" });
    expect(describeEvent({ type: "SSM Contacts Page for Incident", data }).summary).toBe("Contact oncall-ana engaged");
    expect(describeEvent({ type: "SSM Contacts Page Acknowledgement for Incident", data }).summary).toBe("Page acknowledged by oncall-ana");
  });

  it("reads a custom event written as plain text or {content} by another client", () => {
    expect(describeEvent({ type: "Custom Event", data: "deployed v2" }).text).toBe("deployed v2");
    expect(describeEvent({ type: "Custom Event", data: '{"content":"rolled back"}' }).text).toBe("rolled back");
  });

  it("lists an unknown type's fields in words", () => {
    const v = describeEvent({ type: "SSM Automation Execution Start Failure for Incident", data: JSON.stringify({ documentName: "Restart", failureReason: "Denied" }) });
    expect(v.label).toBe("Runbook failed to start");
    expect(v.lines).toEqual(["Document name: Restart", "Failure reason: Denied"]);
    expect(eventTypeLabel("Something New")).toBe("Something New");
  });
});

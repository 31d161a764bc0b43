// Issue 3, reliability: many responders write to one incident at once. 50 concurrent
// CreateTimelineEvent calls all succeed and are all stored; 50 concurrent UpdateRelatedItems adds
// of distinct items all land, each with its automatic event; racing adds of one item store it once
// and refuse the rest with ConflictException — on each database. Issue 16: the events of racing
// writers are numbered 0..n-1 in their incident, with no collision and no error.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localServices } from "@/lib/im/local";
import type { IncidentsService } from "@/lib/im/contract";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

const N = 50;

describe.each(PROVIDERS)("concurrent timeline and related-item writes on %s", (provider) => {
  let t: TestDatabase;
  let incidents: IncidentsService;
  let planArn: string;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    ({ incidents } = localServices({ principalArn: "arn:aws:iam::000000000000:user/responder" }, { db: t.db, accountId: "000000000000", region: "us-east-1" }));
    await incidents.createReplicationSet({ regions: { "us-east-1": {} } });
    ({ arn: planArn } = (await incidents.createResponsePlan({ name: "busy", incidentTemplate: { title: "busy", impact: 2 } })) as { arn: string });
  });
  afterAll(async () => t.cleanup());

  const start = async (title: string) => (await incidents.startIncident({ responsePlanArn: planArn, title })).incidentRecordArn!;

  it(`stores every one of ${N} concurrent timeline events on one incident`, async () => {
    const arn = await start("many writers");
    const eventTime = new Date();
    const results = await Promise.allSettled(
      Array.from({ length: N }, (_, i) =>
        incidents.createTimelineEvent({
          incidentRecordArn: arn,
          eventTime,
          eventType: i % 2 ? "Custom Event" : "Note",
          eventData: `writer ${i}`,
          eventReferences: [{ resource: `arn:aws:ec2:us-east-1:000000000000:instance/i-${i}` }],
          // Half the writers retry-protect their call; tokens are distinct, so each is its own event.
          clientToken: i % 2 ? `writer-${i}` : undefined,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const ids = new Set(results.map((r) => (r as PromiseFulfilledResult<{ eventId: string }>).value.eventId));
    expect(ids.size).toBe(N);

    // All of them, once each, through pages of events that share one eventTime.
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const out = await incidents.listTimelineEvents({
        incidentRecordArn: arn,
        filters: [{ key: "eventType", condition: { equals: { stringValues: ["Custom Event", "Note"] } } }],
        maxResults: 7,
        nextToken,
      });
      seen.push(...out.eventSummaries!.map((e) => e.eventId!));
      nextToken = out.nextToken;
    } while (nextToken);
    expect(seen).toHaveLength(N);
    expect(new Set(seen)).toEqual(ids);
    expect(await t.db.eventReference.count({ where: { event: { incident: { arn } } } })).toBe(N);

    // Issue 16: each event took its own number, in one unbroken run, and the incident's counter
    // stands after the last. The ascending list is the order of those numbers.
    const rows = await t.db.timelineEvent.findMany({ where: { incident: { arn } }, select: { id: true, seq: true }, orderBy: { seq: "asc" } });
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: rows.length }, (_, i) => i));
    expect(new Set(rows.filter((r) => ids.has(r.id)).map((r) => r.seq)).size).toBe(N);
    expect((await t.db.incidentRecord.findUniqueOrThrow({ where: { arn }, select: { nextEventSeq: true } })).nextEventSeq).toBe(rows.length);
    const ascending = await incidents.listTimelineEvents({
      incidentRecordArn: arn,
      filters: [{ key: "eventType", condition: { equals: { stringValues: ["Custom Event", "Note"] } } }],
      sortOrder: "ASCENDING",
    });
    const bySeq = rows.filter((r) => ids.has(r.id)).map((r) => r.id);
    expect(ascending.eventSummaries!.map((e) => e.eventId)).toEqual(bySeq);
  });

  it(`numbers the events of ${N} concurrent writers of every kind on one incident 0..n-1, with no error`, async () => {
    const arn = await start("mixed writers");
    // Notes, related-item adds (each writes an automatic event) and incident updates at once:
    // every writer of the timeline takes the same counter.
    const results = await Promise.allSettled(
      Array.from({ length: N }, (_, i) =>
        i % 3 === 0
          ? incidents.createTimelineEvent({ incidentRecordArn: arn, eventTime: new Date(), eventType: "Note", eventData: `note ${i}` })
          : i % 3 === 1
            ? incidents.updateRelatedItems({
                incidentRecordArn: arn,
                relatedItemsUpdate: { itemToAdd: { identifier: { type: "OTHER", value: { url: `https://example.com/mixed/${i}` } } } },
              })
            : incidents.updateIncidentRecord({ arn, summary: `summary ${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const seqs = (await t.db.timelineEvent.findMany({ where: { incident: { arn } }, select: { seq: true }, orderBy: { seq: "asc" } })).map((r) => r.seq);
    expect(seqs.length).toBeGreaterThan(N);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i));
  });

  it(`stores every one of ${N} concurrent related-item adds of distinct items`, async () => {
    const arn = await start("many items");
    const results = await Promise.allSettled(
      Array.from({ length: N }, (_, i) =>
        incidents.updateRelatedItems({
          incidentRecordArn: arn,
          relatedItemsUpdate: { itemToAdd: { identifier: { type: "OTHER", value: { url: `https://example.com/item/${i}` } }, title: `item ${i}` } },
        }),
      ),
    );
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const items = [];
    let nextToken: string | undefined;
    do {
      const out = await incidents.listRelatedItems({ incidentRecordArn: arn, maxResults: 9, nextToken });
      items.push(...out.relatedItems!);
      nextToken = out.nextToken;
    } while (nextToken);
    expect(items.map((i) => i.identifier!.value!.url).sort()).toEqual(Array.from({ length: N }, (_, i) => `https://example.com/item/${i}`).sort());
    expect(new Set(items.map((i) => i.generatedId)).size).toBe(N);
    const updates = await t.db.timelineEvent.count({ where: { incident: { arn }, eventType: "SSM Incident Record Update" } });
    expect(updates).toBe(N);
  });

  it("stores one item when racing callers add the same one, and refuses the others with ConflictException", async () => {
    const arn = await start("one item, many adders");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        incidents.updateRelatedItems({
          incidentRecordArn: arn,
          relatedItemsUpdate: { itemToAdd: { identifier: { type: "PARENT", value: { arn: "arn:aws:ssm:us-east-1:000000000000:opsitem/oi-1" } } } },
        }),
      ),
    );
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(results.length - rejected.length).toBe(1);
    expect(rejected.map((r) => (r.reason as Error).name)).toEqual(Array(19).fill("ConflictException"));
    expect((await incidents.listRelatedItems({ incidentRecordArn: arn })).relatedItems).toHaveLength(1);
    expect(await t.db.timelineEvent.count({ where: { incident: { arn }, eventType: "SSM Incident Record Update" } })).toBe(1);
  });
});

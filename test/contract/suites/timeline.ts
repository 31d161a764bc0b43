// Timeline events: custom events and notes round trip with their references, automatic events
// appear and stay as written, lists sort both ways, filter, and page with cursors that inserts
// do not disturb. Every incident here is the test's own; on a shared server the suite never
// assumes it sees only its own rows.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { EventReference, EventSummary, Filter } from "@aws-sdk/client-ssm-incidents";
import { expectError } from "../incidents.contract";
import type { IncidentSuite } from "./types";

const UNKNOWN_INCIDENT = "arn:aws:ssm-incidents::000000000000:incident-record/none/none";
const RESOURCE = "arn:aws:dynamodb:us-east-1:000000000000:table/orders";
const OTHER_RESOURCE = "arn:aws:lambda:us-east-1:000000000000:function:checkout";
const CUSTOM = "Custom Event";
const UPDATE = "SSM Incident Record Update";
const TRIGGER = "SSM Incident Trigger";

/** A time in whole seconds, `offsetS` from a base an hour ago: the wire carries epoch seconds. */
const base = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
const at = (offsetS: number) => new Date(base + offsetS * 1000);

const customOnly: Filter = { key: "eventType", condition: { equals: { stringValues: [CUSTOM] } } };

export const timelineSuite: IncidentSuite = ({ target, planArn }) => {
  const incidents = () => target().incidents;

  const start = async (title: string, relatedItems?: Parameters<ReturnType<typeof incidents>["startIncident"]>[0]["relatedItems"]) =>
    (await incidents().startIncident({ responsePlanArn: planArn(), title, relatedItems })).incidentRecordArn!;

  const create = async (incidentRecordArn: string, eventTime: Date, eventData: string, extra: { eventType?: string; eventReferences?: EventReference[] } = {}) =>
    (await incidents().createTimelineEvent({ incidentRecordArn, eventTime, eventData, eventType: extra.eventType ?? CUSTOM, eventReferences: extra.eventReferences }))
      .eventId!;

  const get = async (incidentRecordArn: string, eventId: string) => (await incidents().getTimelineEvent({ incidentRecordArn, eventId })).event!;

  /** Every event of the incident that the filters match, paging through with `maxResults`. */
  const listAll = async (incidentRecordArn: string, opts: { filters?: Filter[]; sortOrder?: "ASCENDING" | "DESCENDING"; maxResults?: number } = {}) => {
    const all: EventSummary[] = [];
    let nextToken: string | undefined;
    do {
      const out = await incidents().listTimelineEvents({ incidentRecordArn, sortBy: "EVENT_TIME", ...opts, nextToken });
      all.push(...out.eventSummaries!);
      nextToken = out.nextToken;
    } while (nextToken);
    return all;
  };

  describe("timeline", () => {
    it("creates a Custom Event and reads it back with its references", async () => {
      const arn = await start("timeline round trip");
      const before = Date.now();
      const out = await incidents().createTimelineEvent({
        incidentRecordArn: arn,
        eventTime: at(10),
        eventType: CUSTOM,
        eventData: '"Rolled back deploy 42"',
        eventReferences: [{ resource: RESOURCE }, { resource: OTHER_RESOURCE }],
      });
      expect(out.incidentRecordArn).toBe(arn);
      expect(out.eventId).toMatch(/^.{1,50}$/);
      const event = await get(arn, out.eventId!);
      expect(event).toMatchObject({
        eventId: out.eventId,
        incidentRecordArn: arn,
        eventType: CUSTOM,
        eventData: '"Rolled back deploy 42"',
        eventReferences: [{ resource: RESOURCE }, { resource: OTHER_RESOURCE }],
      });
      expect(event.eventTime!.getTime()).toBe(at(10).getTime());
      // eventUpdatedTime is when the service recorded the event, not when it happened.
      expect(event.eventUpdatedTime!.getTime()).toBeGreaterThanOrEqual(before - 1000);
      expect(event.eventUpdatedTime!.getTime()).toBeLessThan(Date.now() + 60_000);
      const [summary] = await listAll(arn, { filters: [customOnly] });
      expect(summary).toMatchObject({ eventId: out.eventId, eventType: CUSTOM, incidentRecordArn: arn });
      expect(summary.eventReferences).toEqual([{ resource: RESOURCE }, { resource: OTHER_RESOURCE }]);
      expect(summary.eventTime!.getTime()).toBe(at(10).getTime());
      expect(summary).not.toHaveProperty("eventData");
    });

    it("creates a Note and keeps eventData as free text up to the model's 12,000 characters", async () => {
      const arn = await start("timeline note");
      const long = "x".repeat(12_000);
      const noteId = await create(arn, at(1), "Customer comms sent", { eventType: "Note", eventReferences: [{ resource: arn }] });
      const longId = await create(arn, at(2), long);
      expect(await get(arn, noteId)).toMatchObject({ eventType: "Note", eventData: "Customer comms sent", eventReferences: [{ resource: arn }] });
      expect((await get(arn, longId)).eventData).toBe(long);
      const none = await get(arn, await create(arn, at(3), ""));
      expect(none.eventData).toBe("");
      expect(none.eventReferences ?? []).toEqual([]);
    });

    it("refuses event types the service writes, naming eventType", async () => {
      const arn = await start("timeline bad type");
      for (const eventType of [UPDATE, TRIGGER, "custom event", "Anything"]) {
        await expectError(
          incidents().createTimelineEvent({ incidentRecordArn: arn, eventTime: at(1), eventType, eventData: "x" }),
          "ValidationException",
          /eventType/,
        );
      }
      expect(await listAll(arn, { filters: [customOnly] })).toEqual([]);
    });

    it("names the invalid member in ValidationException", async () => {
      const arn = await start("timeline validation");
      await expectError(create(arn, at(1), "x".repeat(12_001)), "ValidationException", /eventData/);
      await expectError(
        create(arn, at(1), "x", { eventReferences: Array.from({ length: 11 }, (_, i) => ({ resource: `${RESOURCE}-${i}` })) }),
        "ValidationException",
        /eventReferences/,
      );
      await expectError(create(arn, at(1), "x", { eventReferences: [{ resource: "not-an-arn" }] }), "ValidationException", /eventReferences\[0\]\.resource/);
      await expectError(
        create(arn, at(1), "x", { eventReferences: [{ relatedItemId: "item-1" }] }),
        "ValidationException",
        /eventReferences\[0\]\.relatedItemId/,
      );
      await expectError(
        incidents().createTimelineEvent({ incidentRecordArn: arn, eventType: CUSTOM, eventData: "x" } as never),
        "ValidationException",
        /eventTime/,
      );
      await expectError(
        incidents().createTimelineEvent({ incidentRecordArn: "not-an-arn", eventTime: at(1), eventType: CUSTOM, eventData: "x" }),
        "ValidationException",
        /incidentRecordArn/,
      );
    });

    it("references related items of the same incident only", async () => {
      const arn = await start("timeline related refs", [
        { identifier: { type: "METRIC", value: { metricDefinition: `{"metric":"errors-${randomUUID()}"}` } }, title: "Errors" },
      ]);
      const other = await start("timeline other incident", [{ identifier: { type: "OTHER", value: { url: `https://example.com/${randomUUID()}` } } }]);
      const [item] = (await incidents().listRelatedItems({ incidentRecordArn: arn })).relatedItems!;
      const [otherItem] = (await incidents().listRelatedItems({ incidentRecordArn: other })).relatedItems!;
      const eventId = await create(arn, at(5), "error spike", { eventReferences: [{ relatedItemId: item.generatedId! }, { resource: RESOURCE }] });
      expect((await get(arn, eventId)).eventReferences).toEqual([{ relatedItemId: item.generatedId }, { resource: RESOURCE }]);
      await expectError(
        create(arn, at(5), "x", { eventReferences: [{ resource: RESOURCE }, { relatedItemId: otherItem.generatedId! }] }),
        "ValidationException",
        /eventReferences\[1\]\.relatedItemId/,
      );
      await expectError(
        create(arn, at(5), "x", { eventReferences: [{ relatedItemId: `related-item/OTHER/${"0".repeat(32)}` }] }),
        "ValidationException",
        /eventReferences\[0\]\.relatedItemId/,
      );
    });

    it("answers ResourceNotFoundException for unknown incidents and events", async () => {
      const arn = await start("timeline not found");
      const other = await start("timeline not found (other)");
      const eventId = await create(arn, at(1), "mine");
      const missing = randomUUID();
      await expectError(create(UNKNOWN_INCIDENT, at(1), "x"), "ResourceNotFoundException");
      await expectError(incidents().getTimelineEvent({ incidentRecordArn: UNKNOWN_INCIDENT, eventId }), "ResourceNotFoundException");
      await expectError(incidents().listTimelineEvents({ incidentRecordArn: UNKNOWN_INCIDENT }), "ResourceNotFoundException");
      await expectError(incidents().updateTimelineEvent({ incidentRecordArn: UNKNOWN_INCIDENT, eventId, eventData: "x" }), "ResourceNotFoundException");
      await expectError(incidents().deleteTimelineEvent({ incidentRecordArn: UNKNOWN_INCIDENT, eventId }), "ResourceNotFoundException");
      await expectError(incidents().getTimelineEvent({ incidentRecordArn: arn, eventId: missing }), "ResourceNotFoundException", new RegExp(missing));
      await expectError(incidents().updateTimelineEvent({ incidentRecordArn: arn, eventId: missing, eventData: "x" }), "ResourceNotFoundException");
      await expectError(incidents().deleteTimelineEvent({ incidentRecordArn: arn, eventId: missing }), "ResourceNotFoundException");
      // An event belongs to its incident: through another incident's ARN it does not exist.
      await expectError(incidents().getTimelineEvent({ incidentRecordArn: other, eventId }), "ResourceNotFoundException");
      await expectError(incidents().updateTimelineEvent({ incidentRecordArn: other, eventId, eventData: "x" }), "ResourceNotFoundException");
      await expectError(incidents().deleteTimelineEvent({ incidentRecordArn: other, eventId }), "ResourceNotFoundException");
      expect((await get(arn, eventId)).eventData).toBe("mine");
    });

    it("updates only the members given, replaces references, and moves eventUpdatedTime", async () => {
      const arn = await start("timeline update");
      const eventId = await create(arn, at(20), "first words", { eventReferences: [{ resource: RESOURCE }] });
      const created = await get(arn, eventId);

      const t0 = Date.now();
      await incidents().updateTimelineEvent({ incidentRecordArn: arn, eventId, eventData: "second words" });
      let e = await get(arn, eventId);
      expect(e).toMatchObject({ eventType: CUSTOM, eventData: "second words", eventReferences: [{ resource: RESOURCE }] });
      expect(e.eventTime!.getTime()).toBe(at(20).getTime());
      expect(e.eventUpdatedTime!.getTime()).toBeGreaterThanOrEqual(t0 - 1);
      expect(e.eventUpdatedTime!.getTime()).toBeGreaterThanOrEqual(created.eventUpdatedTime!.getTime());

      await incidents().updateTimelineEvent({ incidentRecordArn: arn, eventId, eventTime: at(25), eventType: "Note" });
      e = await get(arn, eventId);
      expect(e).toMatchObject({ eventType: "Note", eventData: "second words", eventReferences: [{ resource: RESOURCE }] });
      expect(e.eventTime!.getTime()).toBe(at(25).getTime());

      // eventReferences replaces the whole list ("This update action overrides all existing references").
      await incidents().updateTimelineEvent({ incidentRecordArn: arn, eventId, eventReferences: [{ resource: OTHER_RESOURCE }, { resource: arn }] });
      expect((await get(arn, eventId)).eventReferences).toEqual([{ resource: OTHER_RESOURCE }, { resource: arn }]);
      await incidents().updateTimelineEvent({ incidentRecordArn: arn, eventId, eventReferences: [] });
      e = await get(arn, eventId);
      expect(e.eventReferences ?? []).toEqual([]);
      expect(e).toMatchObject({ eventType: "Note", eventData: "second words" });

      await expectError(incidents().updateTimelineEvent({ incidentRecordArn: arn, eventId, eventType: UPDATE }), "ValidationException", /eventType/);
      await expectError(incidents().updateTimelineEvent({ incidentRecordArn: arn, eventId, eventData: "y".repeat(12_001) }), "ValidationException", /eventData/);
      await expectError(
        incidents().updateTimelineEvent({ incidentRecordArn: arn, eventId, eventReferences: [{ relatedItemId: `related-item/OTHER/${"A".repeat(32)}` }] }),
        "ValidationException",
        /eventReferences\[0\]\.relatedItemId/,
      );
      // Nothing invalid was written.
      expect(await get(arn, eventId)).toMatchObject({ eventType: "Note", eventData: "second words" });
    });

    it("deletes custom events", async () => {
      const arn = await start("timeline delete");
      const keep = await create(arn, at(1), "keep");
      const gone = await create(arn, at(2), "gone", { eventReferences: [{ resource: RESOURCE }] });
      await incidents().deleteTimelineEvent({ incidentRecordArn: arn, eventId: gone });
      await expectError(incidents().getTimelineEvent({ incidentRecordArn: arn, eventId: gone }), "ResourceNotFoundException");
      expect((await listAll(arn, { filters: [customOnly] })).map((s) => s.eventId)).toEqual([keep]);
      await expectError(incidents().deleteTimelineEvent({ incidentRecordArn: arn, eventId: gone }), "ResourceNotFoundException");
    });

    it("shows the automatic events of StartIncident and UpdateIncidentRecord, with JSON eventData, and keeps them as written", async () => {
      const arn = await start("timeline automatic");
      await incidents().updateIncidentRecord({ arn, title: "timeline automatic (renamed)", impact: 2 });
      const events = await listAll(arn, { sortOrder: "ASCENDING" });
      const types = events.map((e) => e.eventType);
      expect(types).toContain(TRIGGER);
      expect(types).toContain(UPDATE);
      for (const summary of events) {
        const e = await get(arn, summary.eventId!);
        expect(() => JSON.parse(e.eventData!), `${e.eventType} eventData is JSON`).not.toThrow();
      }
      const update = await get(arn, events.find((e) => e.eventType === UPDATE)!.eventId!);
      const data = JSON.parse(update.eventData!) as { modifiedBy: string; modifiedAttributes: { attributeName: string; newValue: unknown }[]; incidentTitle: string };
      expect(data.modifiedBy).toBe(target().principalArn);
      expect(data.incidentTitle).toBe("timeline automatic (renamed)");
      expect(data.modifiedAttributes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ attributeName: "title", newValue: "timeline automatic (renamed)" }),
          expect.objectContaining({ attributeName: "impact", newValue: 2 }),
        ]),
      );
      for (const e of events) {
        await expectError(incidents().updateTimelineEvent({ incidentRecordArn: arn, eventId: e.eventId!, eventData: "rewritten" }), "ValidationException", /cannot be updated/);
        await expectError(incidents().deleteTimelineEvent({ incidentRecordArn: arn, eventId: e.eventId! }), "ValidationException", /cannot be deleted/);
      }
      const after = await listAll(arn, { sortOrder: "ASCENDING" });
      expect(after).toEqual(events);
    });

    it("leaves the incident record untouched when events are written", async () => {
      const arn = await start("timeline untouched");
      const { incidentRecord: before } = await incidents().getIncidentRecord({ arn });
      const eventId = await create(arn, at(1), "noted");
      await incidents().updateTimelineEvent({ incidentRecordArn: arn, eventId, eventData: "noted again" });
      await incidents().deleteTimelineEvent({ incidentRecordArn: arn, eventId });
      const { incidentRecord: after } = await incidents().getIncidentRecord({ arn });
      expect(after!.lastModifiedTime!.getTime()).toBe(before!.lastModifiedTime!.getTime());
      expect(after!.lastModifiedBy).toBe(before!.lastModifiedBy);
      expect(await listAll(arn, { filters: [{ key: "eventType", condition: { equals: { stringValues: [UPDATE] } } }] })).toEqual([]);
    });

    it("sorts by eventTime, newest first unless ASCENDING is asked", async () => {
      const arn = await start("timeline order");
      const ids: Record<number, string> = {};
      for (const s of [30, 10, 50, 20, 40]) ids[s] = await create(arn, at(s), `at ${s}`);
      const desc = await listAll(arn, { filters: [customOnly] });
      expect(desc.map((e) => e.eventId)).toEqual([50, 40, 30, 20, 10].map((s) => ids[s]));
      const explicitDesc = await listAll(arn, { filters: [customOnly], sortOrder: "DESCENDING" });
      expect(explicitDesc.map((e) => e.eventId)).toEqual(desc.map((e) => e.eventId));
      const asc = await listAll(arn, { filters: [customOnly], sortOrder: "ASCENDING" });
      expect(asc.map((e) => e.eventId)).toEqual([10, 20, 30, 40, 50].map((s) => ids[s]));
      // Without a filter the automatic events (written now, an hour after these) come first.
      const all = (await incidents().listTimelineEvents({ incidentRecordArn: arn })).eventSummaries!;
      expect(all.slice(0, -5).map((e) => e.eventType)).toContain(TRIGGER);
      expect(all.slice(0, -5).map((e) => e.eventType)).not.toContain(CUSTOM);
      expect(all.slice(-5).map((e) => e.eventId)).toEqual(desc.map((e) => e.eventId));
    });

    it("filters on eventTime, eventType and eventReference (AND across filters, OR within values)", async () => {
      const arn = await start("timeline filters");
      const a = await create(arn, at(10), "a", { eventReferences: [{ resource: RESOURCE }] });
      const b = await create(arn, at(20), "b", { eventType: "Note", eventReferences: [{ resource: OTHER_RESOURCE }] });
      const c = await create(arn, at(30), "c");
      const d = await create(arn, at(40), "d", { eventType: "Note", eventReferences: [{ resource: RESOURCE }, { resource: arn }] });
      const ids = async (filters: Filter[]) => (await listAll(arn, { filters, sortOrder: "ASCENDING" })).map((e) => e.eventId);
      const both: Filter = { key: "eventType", condition: { equals: { stringValues: [CUSTOM, "Note"] } } };

      expect(await ids([both])).toEqual([a, b, c, d]);
      expect(await ids([{ key: "eventType", condition: { equals: { stringValues: ["Note"] } } }])).toEqual([b, d]);
      expect(await ids([both, { key: "eventTime", condition: { after: at(15) } }])).toEqual([b, c, d]);
      expect(await ids([both, { key: "eventTime", condition: { before: at(30) } }])).toEqual([a, b]);
      expect(await ids([{ key: "eventTime", condition: { after: at(15) } }, { key: "eventTime", condition: { before: at(35) } }])).toEqual([b, c]);
      expect(await ids([customOnly, { key: "eventTime", condition: { after: at(15) } }])).toEqual([c]);
      expect(await ids([{ key: "eventReference", condition: { equals: { stringValues: [RESOURCE] } } }])).toEqual([a, d]);
      expect(await ids([{ key: "eventReference", condition: { equals: { stringValues: [OTHER_RESOURCE, arn] } } }])).toEqual([b, d]);
      expect(
        await ids([
          { key: "eventReference", condition: { equals: { stringValues: [RESOURCE] } } },
          { key: "eventType", condition: { equals: { stringValues: ["Note"] } } },
        ]),
      ).toEqual([d]);
      expect(await ids([{ key: "eventType", condition: { equals: { stringValues: [`none-${randomUUID()}`] } } }])).toEqual([]);
    });

    it("rejects bad filters, bounds and tokens", async () => {
      const arn = await start("timeline bad lists");
      const list = (filters: Filter[], maxResults?: number, nextToken?: string) =>
        incidents().listTimelineEvents({ incidentRecordArn: arn, filters, maxResults, nextToken });
      await expectError(list([{ key: "color", condition: { equals: { stringValues: ["red"] } } }]), "ValidationException", /color/);
      await expectError(list([{ key: "eventTime", condition: { equals: { stringValues: ["now"] } } }]), "ValidationException", /eventTime/);
      await expectError(list([{ key: "eventType", condition: { equals: { integerValues: [1] } } }]), "ValidationException", /eventType/);
      await expectError(list([{ key: "eventType", condition: { after: at(1) } }]), "ValidationException", /eventType/);
      await expectError(list(Array.from({ length: 6 }, () => customOnly)), "ValidationException", /filters/);
      await expectError(list([], 0), "ValidationException", /maxResults/);
      await expectError(list([], 101), "ValidationException", /maxResults/);
      await expectError(list([], 10, "not-a-token"), "ValidationException", /nextToken/);
      await expectError(incidents().listTimelineEvents({ incidentRecordArn: arn, sortOrder: "SIDEWAYS" as never }), "ValidationException", /sortOrder/);
      await expectError(incidents().listTimelineEvents({ incidentRecordArn: arn, sortBy: "EVENT_TYPE" as never }), "ValidationException", /sortBy/);
    });

    it("pages with an opaque cursor that inserts do not disturb, both ways", async () => {
      const arn = await start("timeline paging");
      const ids: Record<number, string> = {};
      for (const s of [10, 20, 30, 40, 50]) ids[s] = await create(arn, at(s), `at ${s}`);
      const page = (sortOrder: "ASCENDING" | "DESCENDING", nextToken?: string) =>
        incidents().listTimelineEvents({ incidentRecordArn: arn, filters: [customOnly], sortOrder, maxResults: 2, nextToken });

      const d1 = await page("DESCENDING");
      expect(d1.eventSummaries!.map((e) => e.eventId)).toEqual([ids[50], ids[40]]);
      expect(d1.nextToken).toBeTruthy();
      // While the caller pages: one event lands before the cursor (never shown), one after it (shown in its place).
      ids[60] = await create(arn, at(60), "late, newest");
      ids[5] = await create(arn, at(5), "late, oldest");
      const d2 = await page("DESCENDING", d1.nextToken);
      expect(d2.eventSummaries!.map((e) => e.eventId)).toEqual([ids[30], ids[20]]);
      const d3 = await page("DESCENDING", d2.nextToken);
      expect(d3.eventSummaries!.map((e) => e.eventId)).toEqual([ids[10], ids[5]]);
      expect(d3.nextToken).toBeUndefined();

      const a1 = await page("ASCENDING");
      expect(a1.eventSummaries!.map((e) => e.eventId)).toEqual([ids[5], ids[10]]);
      await incidents().deleteTimelineEvent({ incidentRecordArn: arn, eventId: ids[5] });
      ids[15] = await create(arn, at(15), "late, middle");
      const a2 = await page("ASCENDING", a1.nextToken);
      expect(a2.eventSummaries!.map((e) => e.eventId)).toEqual([ids[15], ids[20]]);
      const rest = await listAll(arn, { filters: [customOnly], sortOrder: "ASCENDING" });
      expect(rest.map((e) => e.eventId)).toEqual([10, 15, 20, 30, 40, 50, 60].map((s) => ids[s]));
    });

    it("lists events that share one eventTime in the order they were written, both ways and across pages", async () => {
      const arn = await start("timeline ties");
      // Written one after another at one time (and a note between them): random ids would shuffle them.
      const written: string[] = [];
      for (let i = 0; i < 7; i++) written.push(await create(arn, at(100), `tie ${i}`, { eventType: i === 3 ? "Note" : CUSTOM }));
      const both: Filter = { key: "eventType", condition: { equals: { stringValues: [CUSTOM, "Note"] } } };
      for (const maxResults of [1, 2, 3, 100]) {
        const asc = await listAll(arn, { filters: [both], sortOrder: "ASCENDING", maxResults });
        expect(asc.map((e) => e.eventId), `ascending, ${maxResults} a page`).toEqual(written);
        const desc = await listAll(arn, { filters: [both], sortOrder: "DESCENDING", maxResults });
        expect(desc.map((e) => e.eventId), `descending, ${maxResults} a page`).toEqual([...written].reverse());
      }
      // A page boundary inside the tie holds while more are written at the same time.
      const first = await incidents().listTimelineEvents({ incidentRecordArn: arn, filters: [both], sortOrder: "ASCENDING", maxResults: 4 });
      expect(first.eventSummaries!.map((e) => e.eventId)).toEqual(written.slice(0, 4));
      written.push(await create(arn, at(100), "tie 7"));
      const rest = await incidents().listTimelineEvents({ incidentRecordArn: arn, filters: [both], sortOrder: "ASCENDING", nextToken: first.nextToken });
      expect(rest.eventSummaries!.map((e) => e.eventId)).toEqual(written.slice(4));
      // An edit keeps the event's place among its equals.
      await incidents().updateTimelineEvent({ incidentRecordArn: arn, eventId: written[1], eventData: "tie 1, edited" });
      expect((await listAll(arn, { filters: [both], sortOrder: "ASCENDING", maxResults: 2 })).map((e) => e.eventId)).toEqual(written);
    });

    it("lists StartIncident's automatic events of one time in the order they were written: the trigger first", async () => {
      const arn = await start("timeline automatic order");
      await incidents().updateIncidentRecord({ arn, impact: 1 });
      const t = (await get(arn, (await listAll(arn, { sortOrder: "ASCENDING" }))[0].eventId!)).eventTime!;
      // A note at the incident's very start time comes after what the service wrote at that time.
      const note = await create(arn, t, "written at the start time", { eventType: "Note" });
      const asc = await listAll(arn, { sortOrder: "ASCENDING", maxResults: 1 });
      expect(asc[0].eventType).toBe(TRIGGER);
      const atStart = asc.filter((e) => e.eventTime!.getTime() === t.getTime()).map((e) => e.eventId);
      expect(atStart[atStart.length - 1]).toBe(note);
      const desc = await listAll(arn, { sortOrder: "DESCENDING", maxResults: 1 });
      expect(desc.map((e) => e.eventId)).toEqual(asc.map((e) => e.eventId).reverse());
    });

    it("is idempotent on clientToken", async () => {
      const arn = await start("timeline idempotency");
      const clientToken = randomUUID();
      const first = await incidents().createTimelineEvent({ incidentRecordArn: arn, eventTime: at(1), eventType: CUSTOM, eventData: "once", clientToken });
      const again = await incidents().createTimelineEvent({ incidentRecordArn: arn, eventTime: at(1), eventType: CUSTOM, eventData: "once", clientToken });
      expect(again.eventId).toBe(first.eventId);
      expect((await listAll(arn, { filters: [customOnly] })).map((e) => e.eventId)).toEqual([first.eventId]);
      await expectError(
        incidents().createTimelineEvent({ incidentRecordArn: arn, eventTime: at(1), eventType: CUSTOM, eventData: "different", clientToken }),
        "ConflictException",
      );

      // A retried update does not apply again over a later change.
      const updateToken = randomUUID();
      await incidents().updateTimelineEvent({ incidentRecordArn: arn, eventId: first.eventId!, eventData: "retried", clientToken: updateToken });
      await incidents().updateTimelineEvent({ incidentRecordArn: arn, eventId: first.eventId!, eventData: "latest" });
      await incidents().updateTimelineEvent({ incidentRecordArn: arn, eventId: first.eventId!, eventData: "retried", clientToken: updateToken });
      expect((await get(arn, first.eventId!)).eventData).toBe("latest");
    });
  });
};

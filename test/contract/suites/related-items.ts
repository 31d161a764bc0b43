// Related items: added and removed one at a time (a union of itemToAdd / itemToRemove), every
// type the model names, listed with cursors; each change is an automatic timeline event and a
// change to the incident record. Values are unique per test so a shared server cannot collide.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ItemIdentifier, RelatedItem } from "@aws-sdk/client-ssm-incidents";
import { expectError } from "../incidents.contract";
import type { IncidentSuite } from "./types";

const UNKNOWN_INCIDENT = "arn:aws:ssm-incidents::000000000000:incident-record/none/none";
const UPDATE = "SSM Incident Record Update";

/** JSON with sorted keys: the SDK and the local model may build objects in different key orders. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/** generatedId as the model's GeneratedId pattern gives it, for the item's own type. */
const generatedIdOf = (type: string) => new RegExp(`^related-item/${type}/[0-9A-F]{32}$`);

export const relatedItemsSuite: IncidentSuite = ({ target, planArn }) => {
  const incidents = () => target().incidents;
  const start = async (title: string, relatedItems?: RelatedItem[]) =>
    (await incidents().startIncident({ responsePlanArn: planArn(), title, relatedItems })).incidentRecordArn!;
  const add = (incidentRecordArn: string, itemToAdd: RelatedItem, clientToken?: string) =>
    incidents().updateRelatedItems({ incidentRecordArn, relatedItemsUpdate: { itemToAdd }, clientToken });
  const remove = (incidentRecordArn: string, itemToRemove: ItemIdentifier) =>
    incidents().updateRelatedItems({ incidentRecordArn, relatedItemsUpdate: { itemToRemove } });

  const listAll = async (incidentRecordArn: string, maxResults?: number) => {
    const all: RelatedItem[] = [];
    let nextToken: string | undefined;
    do {
      const out = await incidents().listRelatedItems({ incidentRecordArn, maxResults, nextToken });
      expect(out.relatedItems!.length).toBeLessThanOrEqual(maxResults ?? 100);
      all.push(...out.relatedItems!);
      nextToken = out.nextToken;
    } while (nextToken);
    return all;
  };

  /** The related items without their generatedIds, in one order whatever order keys arrive in. */
  const identities = (items: RelatedItem[]) =>
    items
      .map(({ identifier, title }) => ({ identifier, ...(title !== undefined ? { title } : {}) }))
      .sort((a, b) => canonical(a).localeCompare(canonical(b)));

  const recordUpdates = async (incidentRecordArn: string) => {
    const { eventSummaries } = await incidents().listTimelineEvents({
      incidentRecordArn,
      sortOrder: "ASCENDING",
      filters: [{ key: "eventType", condition: { equals: { stringValues: [UPDATE] } } }],
    });
    return Promise.all(
      eventSummaries!.map(async (s) => {
        const { event } = await incidents().getTimelineEvent({ incidentRecordArn, eventId: s.eventId! });
        return { eventId: s.eventId!, data: JSON.parse(event!.eventData!) as Record<string, unknown> };
      }),
    );
  };

  describe("related-items", () => {
    it("adds items of every type and value kind, and lists them with generated IDs", async () => {
      const arn = await start("related items: every kind");
      const u = randomUUID();
      const items: RelatedItem[] = [
        { identifier: { type: "ANALYSIS", value: { url: `https://analysis.example.com/${u}` } }, title: "Analysis" },
        { identifier: { type: "INCIDENT", value: { arn: `arn:aws:ssm-incidents::000000000000:incident-record/other/${u}` } } },
        { identifier: { type: "METRIC", value: { metricDefinition: `{"namespace":"AWS/Lambda","metric":"Errors-${u}"}` } }, title: "Errors" },
        { identifier: { type: "PARENT", value: { arn: `arn:aws:ssm:us-east-1:000000000000:opsitem/oi-${u.slice(0, 12)}` } }, title: "parentItem" },
        { identifier: { type: "ATTACHMENT", value: { url: `https://files.example.com/${u}.png` } }, title: "Graph" },
        { identifier: { type: "OTHER", value: { url: `https://runbooks.example.com/${u}` } }, title: "Runbook" },
        { identifier: { type: "AUTOMATION", value: { arn: `arn:aws:ssm:us-east-1:000000000000:automation-execution/${u}` } } },
        { identifier: { type: "INVOLVED_RESOURCE", value: { arn: `arn:aws:dynamodb:us-east-1:000000000000:table/orders-${u}` } }, title: "Orders table" },
        { identifier: { type: "TASK", value: { url: `https://tasks.example.com/${u}` } }, title: "Follow-up" },
        { identifier: { type: "INCIDENT", value: { pagerDutyIncidentDetail: { id: `PD-${u.slice(0, 8)}`, autoResolve: true, secretId: "pagerduty-secret" } } }, title: "PagerDuty" },
      ];
      for (const item of items) await add(arn, item);
      const listed = await listAll(arn);
      expect(identities(listed)).toEqual(identities(items));
      for (const item of listed) expect(item.generatedId).toMatch(generatedIdOf(item.identifier!.type!));
      expect(new Set(listed.map((i) => i.generatedId)).size).toBe(items.length);
    });

    it("lists the items given at StartIncident beside those added later", async () => {
      const u = randomUUID();
      const initial: RelatedItem = { identifier: { type: "OTHER", value: { url: `https://start.example.com/${u}` } }, title: "From start" };
      const arn = await start("related items: from start", [initial]);
      const later: RelatedItem = { identifier: { type: "ATTACHMENT", value: { url: `https://later.example.com/${u}` } } };
      await add(arn, later);
      const listed = await listAll(arn);
      expect(identities(listed)).toEqual(identities([initial, later]));
      // The item given at StartIncident is the same item: adding it again conflicts.
      await expectError(add(arn, initial), "ConflictException");
    });

    it("refuses a duplicate add with ConflictException, but the same value as another type is another item", async () => {
      const arn = await start("related items: duplicate");
      const url = `https://dup.example.com/${randomUUID()}`;
      await add(arn, { identifier: { type: "OTHER", value: { url } }, title: "first" });
      await expectError(add(arn, { identifier: { type: "OTHER", value: { url } }, title: "second title, same item" }), "ConflictException", /already/);
      await add(arn, { identifier: { type: "ATTACHMENT", value: { url } } });
      const listed = await listAll(arn);
      expect(listed.map((i) => i.identifier!.type).sort()).toEqual(["ATTACHMENT", "OTHER"]);
      expect(listed.find((i) => i.identifier!.type === "OTHER")!.title).toBe("first");
      // The same item on another incident is no conflict.
      await add(await start("related items: duplicate elsewhere"), { identifier: { type: "OTHER", value: { url } } });
    });

    it("removes an item by its identifier; a missing one is ResourceNotFoundException", async () => {
      const arn = await start("related items: remove");
      const u = randomUUID();
      const keep: ItemIdentifier = { type: "PARENT", value: { arn: `arn:aws:ssm:us-east-1:000000000000:opsitem/oi-${u.slice(0, 12)}` } };
      const drop: ItemIdentifier = { type: "OTHER", value: { url: `https://drop.example.com/${u}` } };
      await add(arn, { identifier: keep });
      await add(arn, { identifier: drop, title: "to drop" });
      await remove(arn, drop);
      expect(identities(await listAll(arn))).toEqual(identities([{ identifier: keep }]));
      await expectError(remove(arn, drop), "ResourceNotFoundException");
      // Identity is type and value: the kept item under another type is not there.
      await expectError(remove(arn, { type: "INCIDENT", value: keep.value }), "ResourceNotFoundException");
      await expectError(remove(arn, { type: "OTHER", value: { url: `https://never.example.com/${u}` } }), "ResourceNotFoundException");
      expect(await listAll(arn)).toHaveLength(1);
    });

    it("writes an automatic 'SSM Incident Record Update' event per change and moves lastModified*", async () => {
      const arn = await start("related items: events");
      const { incidentRecord: before } = await incidents().getIncidentRecord({ arn });
      const t0 = Date.now();
      const identifier: ItemIdentifier = { type: "PARENT", value: { arn: `arn:aws:ssm:us-east-1:000000000000:opsitem/oi-${randomUUID().slice(0, 12)}` } };
      await add(arn, { identifier, title: "parentItem" });
      await remove(arn, identifier);

      const updates = await recordUpdates(arn);
      expect(updates.map((u) => u.data)).toEqual([
        {
          modifiedBy: target().principalArn,
          modifiedAttributes: [{ attributeName: "relatedItems", newValue: { itemToAdd: { identifier, title: "parentItem" } } }],
          incidentTitle: "related items: events",
        },
        {
          modifiedBy: target().principalArn,
          modifiedAttributes: [{ attributeName: "relatedItems", newValue: { itemToRemove: identifier } }],
          incidentTitle: "related items: events",
        },
      ]);
      const { incidentRecord: after } = await incidents().getIncidentRecord({ arn });
      expect(after!.lastModifiedBy).toBe(target().principalArn);
      expect(after!.lastModifiedTime!.getTime()).toBeGreaterThanOrEqual(Math.max(t0 - 1, before!.lastModifiedTime!.getTime()));
      // Automatic events are the service's: they cannot be edited or deleted.
      for (const u of updates) {
        await expectError(incidents().updateTimelineEvent({ incidentRecordArn: arn, eventId: u.eventId, eventData: "{}" }), "ValidationException", /cannot be updated/);
        await expectError(incidents().deleteTimelineEvent({ incidentRecordArn: arn, eventId: u.eventId }), "ValidationException", /cannot be deleted/);
      }
      // A refused change writes no event.
      await expectError(remove(arn, identifier), "ResourceNotFoundException");
      expect(await recordUpdates(arn)).toHaveLength(2);
    });

    it("keeps a timeline event's reference to an item that was removed", async () => {
      const arn = await start("related items: referenced");
      const identifier: ItemIdentifier = { type: "METRIC", value: { metricDefinition: `{"metric":"latency-${randomUUID()}"}` } };
      await add(arn, { identifier });
      const [item] = await listAll(arn);
      const { eventId } = await incidents().createTimelineEvent({
        incidentRecordArn: arn,
        eventTime: new Date(Math.floor(Date.now() / 1000) * 1000),
        eventType: "Custom Event",
        eventData: "latency spike",
        eventReferences: [{ relatedItemId: item.generatedId! }],
      });
      await remove(arn, identifier);
      const { event } = await incidents().getTimelineEvent({ incidentRecordArn: arn, eventId: eventId! });
      expect(event!.eventReferences).toEqual([{ relatedItemId: item.generatedId }]);
    });

    it("pages with a cursor that inserts do not disturb", async () => {
      const arn = await start("related items: paging");
      const u = randomUUID();
      const items: RelatedItem[] = Array.from({ length: 5 }, (_, i) => ({ identifier: { type: "OTHER", value: { url: `https://page.example.com/${u}/${i}` } } }));
      for (const item of items) await add(arn, item);
      const first = await incidents().listRelatedItems({ incidentRecordArn: arn, maxResults: 2 });
      expect(first.relatedItems).toHaveLength(2);
      expect(first.nextToken).toBeTruthy();
      const late: RelatedItem = { identifier: { type: "OTHER", value: { url: `https://page.example.com/${u}/late` } } };
      await add(arn, late);
      const seen = [...first.relatedItems!];
      let nextToken = first.nextToken;
      while (nextToken) {
        const out = await incidents().listRelatedItems({ incidentRecordArn: arn, maxResults: 2, nextToken });
        expect(out.relatedItems!.length).toBeLessThanOrEqual(2);
        seen.push(...out.relatedItems!);
        nextToken = out.nextToken;
      }
      // Every item that was there when paging began, exactly once; the late one at most once.
      const ids = seen.map((i) => i.generatedId);
      expect(new Set(ids).size).toBe(ids.length);
      const urls = seen.map((i) => i.identifier!.value!.url);
      for (const item of items) expect(urls.filter((x) => x === item.identifier!.value!.url)).toHaveLength(1);
      expect(identities(await listAll(arn, 3))).toEqual(identities([...items, late]));
      // Newest first: the late item leads a fresh list.
      expect((await incidents().listRelatedItems({ incidentRecordArn: arn, maxResults: 1 })).relatedItems![0].identifier).toEqual(late.identifier);
    });

    it("is idempotent on clientToken", async () => {
      const arn = await start("related items: idempotency");
      const clientToken = randomUUID();
      const item: RelatedItem = { identifier: { type: "OTHER", value: { url: `https://once.example.com/${randomUUID()}` } } };
      await add(arn, item, clientToken);
      await add(arn, item, clientToken);
      expect(await listAll(arn)).toHaveLength(1);
      expect(await recordUpdates(arn)).toHaveLength(1);
      await expectError(add(arn, { identifier: { type: "OTHER", value: { url: "https://another.example.com" } } }, clientToken), "ConflictException");
      expect(await listAll(arn)).toHaveLength(1);
    });

    it("names the invalid member in ValidationException", async () => {
      const arn = await start("related items: validation");
      const url = `https://valid.example.com/${randomUUID()}`;
      await expectError(add(arn, { identifier: { type: "BOGUS" as "OTHER", value: { url } } }), "ValidationException", /type/);
      await expectError(add(arn, { identifier: { type: "OTHER", value: { url, arn } as never } }), "ValidationException", /identifier\.value/);
      await expectError(add(arn, { identifier: { type: "OTHER", value: {} as never } }), "ValidationException", /identifier\.value/);
      await expectError(add(arn, { identifier: { type: "OTHER", value: { arn: "not-an-arn" } } }), "ValidationException", /value\.arn/);
      await expectError(add(arn, { identifier: { type: "OTHER", value: { url } }, title: "t".repeat(201) }), "ValidationException", /title/);
      await expectError(
        add(arn, { identifier: { type: "OTHER", value: { url } }, generatedId: `related-item/OTHER/${"A".repeat(32)}` }),
        "ValidationException",
        /generatedId/,
      );
      await expectError(
        incidents().updateRelatedItems({
          incidentRecordArn: arn,
          relatedItemsUpdate: { itemToAdd: { identifier: { type: "OTHER", value: { url } } }, itemToRemove: { type: "OTHER", value: { url } } } as never,
        }),
        "ValidationException",
        /relatedItemsUpdate/,
      );
      await expectError(incidents().updateRelatedItems({ incidentRecordArn: arn, relatedItemsUpdate: {} as never }), "ValidationException", /relatedItemsUpdate/);
      await expectError(incidents().listRelatedItems({ incidentRecordArn: arn, maxResults: 0 }), "ValidationException", /maxResults/);
      await expectError(incidents().listRelatedItems({ incidentRecordArn: arn, maxResults: 101 }), "ValidationException", /maxResults/);
      await expectError(incidents().listRelatedItems({ incidentRecordArn: arn, nextToken: "not-a-token" }), "ValidationException", /nextToken/);
      expect(await listAll(arn)).toEqual([]);
      expect(await recordUpdates(arn)).toEqual([]);
    });

    it("answers ResourceNotFoundException for an unknown incident", async () => {
      const item: RelatedItem = { identifier: { type: "OTHER", value: { url: "https://example.com" } } };
      await expectError(incidents().listRelatedItems({ incidentRecordArn: UNKNOWN_INCIDENT }), "ResourceNotFoundException");
      await expectError(add(UNKNOWN_INCIDENT, item), "ResourceNotFoundException");
      await expectError(remove(UNKNOWN_INCIDENT, item.identifier!), "ResourceNotFoundException");
    });
  });
};

// The timeline-event seq migration (issue 16) on a database an older console left: its events are
// numbered by (eventTime, id) within each incident — the order the timeline showed them in — the
// incident's counter stands after the last, and the next event written takes the next number.
// The authorship migration applies with it and leaves older events without an author.
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { localServices } from "@/lib/im/local";
import { databaseWithout, PROVIDERS } from "../support/databases";

const SEQ = "20261207100000_timeline_event_seq";
const AUTHORS = "20261207110000_timeline_event_authors";
const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (drops.length) await drops.pop()!();
});

const ACCOUNT = "000000000000";
const arnOf = (id: string) => `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/p/${id}`;
const incident = (id: string) =>
  `INSERT INTO "IncidentRecord" ("id", "arn", "responsePlanArn", "title", "impact", "status", "dedupeString", "createdBy", "source", "creationTime", "lastModifiedBy", "lastModifiedTime")
   VALUES ('${id}', '${arnOf(id)}', 'arn:aws:ssm-incidents::${ACCOUNT}:response-plan/p', '${id}', 3, 'OPEN', '', 'me', 'custom', '2026-01-01T00:00:00.000Z', 'me', '2026-01-01T00:00:00.000Z')`;
const event = (id: string, incidentId: string, at: string) =>
  `INSERT INTO "TimelineEvent" ("id", "incidentId", "eventTime", "eventType", "eventData", "eventUpdatedTime")
   VALUES ('${id}', '${incidentId}', '${at}', 'Note', '"${id}"', '${at}')`;

describe.each(PROVIDERS)("the timeline-event seq migration on %s", (provider) => {
  it("numbers existing events by (eventTime, id) per incident and continues from there", async () => {
    // Both of this migrations left out (the name part they share): the database as it was.
    const url = await databaseWithout(provider, "_timeline_event_", drops);
    const db = createDb(url);
    try {
      // As the SQLite adapter stores times (lib/db/sqlite-reader.ts, sqliteTime); PostgreSQL reads it too.
      const t1 = "2026-01-01T00:00:00.000+00:00";
      const t2 = "2026-01-01T00:00:05.000+00:00";
      for (const sql of [
        incident("a"),
        incident("b"),
        incident("empty"),
        event("a-late", "a", t2),
        event("a-tie-z", "a", t1),
        event("a-tie-m", "a", t1),
        event("b-only", "b", t2),
      ]) {
        await db.$executeRawUnsafe(sql);
      }
      expect((await migrate(url)).applied).toEqual([SEQ, AUTHORS]);

      const events = await db.timelineEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, seq: true, createdBy: true, updatedBy: true } });
      expect(events).toEqual([
        { id: "a-late", seq: 2, createdBy: null, updatedBy: null },
        { id: "a-tie-m", seq: 0, createdBy: null, updatedBy: null },
        { id: "a-tie-z", seq: 1, createdBy: null, updatedBy: null },
        { id: "b-only", seq: 0, createdBy: null, updatedBy: null },
      ]);
      const counters = await db.incidentRecord.findMany({ orderBy: { id: "asc" }, select: { id: true, nextEventSeq: true } });
      expect(counters).toEqual([
        { id: "a", nextEventSeq: 3 },
        { id: "b", nextEventSeq: 1 },
        { id: "empty", nextEventSeq: 0 },
      ]);

      // The next note at the tied time takes number 3 and lists after the two older ones there.
      const principalArn = `arn:aws:iam::${ACCOUNT}:user/me`;
      const { incidents } = localServices({ principalArn }, { db, accountId: ACCOUNT, region: "us-east-1" });
      const { eventId } = await incidents.createTimelineEvent({ incidentRecordArn: arnOf("a"), eventTime: new Date(t1), eventType: "Note", eventData: "later" });
      expect(await db.timelineEvent.findUniqueOrThrow({ where: { id: eventId }, select: { seq: true, createdBy: true } })).toEqual({ seq: 3, createdBy: principalArn });
      const listed = await incidents.listTimelineEvents({ incidentRecordArn: arnOf("a"), sortOrder: "ASCENDING" });
      expect(listed.eventSummaries!.map((e) => e.eventId)).toEqual(["a-tie-m", "a-tie-z", eventId, "a-late"]);
    } finally {
      await db.$disconnect();
    }
  });
});

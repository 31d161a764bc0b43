// The hottest ssm-incidents reads as fixed SQL on either database (lib/db/hot-reader.ts says why:
// Prisma compiles every query, ~600 µs a call). Each statement is written once for SQLite and
// PostgreSQL; the contract suites run them on both. A page's boundaries are keyset conditions, so
// a deep page costs what the first does.
import { hotQuery, HotSql, type HotReader } from "@/lib/db/hot-reader";
import { notFound } from "../../errors";
import type { IncidentCursor, IncidentFilter, SummaryRow, TimelineQuery } from "./read-queries";
import type { IncidentRow, IncidentSummaryRow } from "./records";

// The incident with its automation executions in one statement (one round trip on PostgreSQL):
// one row per execution, or one row with a null execution. Only the columns the answer shows: on
// PostgreSQL each column read costs the client about a microsecond.
const INCIDENT_BY_ARN = hotQuery(
  "incident.byArn",
  `SELECT i."arn", i."title", i."summary", i."status", i."impact", i."creationTime", i."resolvedTime", i."lastModifiedTime",
     i."lastModifiedBy", i."createdBy", i."source", i."invokedBy", i."resourceArn", i."dedupeString", i."chatChannel",
     i."notificationTargets", a."ssmExecutionArn"
   FROM "IncidentRecord" i LEFT JOIN "AutomationExecution" a ON a."incidentId" = i."id"
   WHERE i."arn" = ? ORDER BY a."createdAt" ASC, a."id" ASC`,
  { dates: ["creationTime", "resolvedTime", "lastModifiedTime"], point: true },
);

/** GetIncidentRecord's row with its automation executions, oldest first; null when there is none. */
export async function incidentByArn(reader: HotReader, arn: string): Promise<IncidentRow | null> {
  const rows = await reader.all<IncidentRow & { ssmExecutionArn: string | null }>(INCIDENT_BY_ARN, [arn]);
  if (!rows.length) return null;
  // The first row is the answer (toIncidentRecord reads the members it needs; this one is ignored).
  const incident = rows[0];
  incident.automationExecutions = incident.ssmExecutionArn === null ? [] : rows.map((r) => ({ ssmExecutionArn: r.ssmExecutionArn! }));
  return incident;
}

const SUMMARY_DATES = { dates: ["creationTime", "resolvedTime"] };

/**
 * ListIncidentRecords: newest first, id breaking ties, `take` rows after the cursor (the
 * (status|impact|createdBy, creationTime) and (creationTime, id) indexes serve it).
 */
export async function listIncidents(reader: HotReader, filters: IncidentFilter[], cursor: IncidentCursor | undefined, take: number): Promise<IncidentSummaryRow[]> {
  const q = new HotSql().sql(`SELECT "id", "arn", "title", "status", "impact", "creationTime", "resolvedTime", "createdBy", "source", "invokedBy", "resourceArn"
     FROM "IncidentRecord"`);
  let and = " WHERE ";
  for (const f of filters) {
    q.sql(and);
    and = " AND ";
    if (f.column === "creationTime") q.sql(`"creationTime" ${f.op === "before" ? "<" : ">"} ?`, f.time);
    // One value as "=": the database then walks the (column, creationTime) index in order.
    else if (f.values.length === 1) q.sql(`"${f.column}" = ?`, f.values[0]);
    else q.in(`"${f.column}"`, f.values);
  }
  // A row value, not "a < x OR (a = x AND id < y)": both databases turn this one into an index
  // range (creationTime < x), so a deep page starts where the last one ended instead of scanning
  // every newer row again.
  if (cursor) q.sql(`${and}("creationTime", "id") < (?, ?)`, cursor.time, cursor.id);
  q.sql(` ORDER BY "creationTime" DESC, "id" DESC LIMIT ?`, take);
  return reader.all<IncidentSummaryRow>(q.query("incident.list", SUMMARY_DATES), q.params);
}

const INCIDENT_IDENTITY = hotQuery("incident.identity", `SELECT "id", "arn", "title" FROM "IncidentRecord" WHERE "arn" = ?`, { point: true });

/** requireIncident's answer: the incident's id, ARN and title, or ResourceNotFoundException. */
async function incidentIdentity(reader: HotReader, arn: string): Promise<{ id: string; arn: string; title: string }> {
  const row = await reader.get<{ id: string; arn: string; title: string }>(INCIDENT_IDENTITY, [arn]);
  if (!row) throw notFound("INCIDENT_RECORD", arn, `Incident record ${arn} does not exist`);
  return row;
}

type Reference = { eventId: string; resource: string | null; relatedItemId: string | null };
type EventRow = Omit<SummaryRow, "references"> & { hasReferences: boolean };

/**
 * ListTimelineEvents' rows with their references in position order, for the incident with this
 * ARN; ResourceNotFoundException when there is none. Usually one statement: the incident is found
 * inside it (a subquery the planners run once, before the index range on (incidentId, eventTime,
 * seq)), and the references are read only when an event of the page has some.
 */
export async function listTimelineEvents(reader: HotReader, incidentArn: string, tq: Omit<TimelineQuery, "incidentId">): Promise<SummaryRow[]> {
  const q = new HotSql().sql(
    `SELECT e."id", e."eventTime", e."eventType", e."eventUpdatedTime", e."seq",
       EXISTS (SELECT 1 FROM "EventReference" r WHERE r."eventId" = e."id") AS "hasReferences"
     FROM "TimelineEvent" e
     WHERE e."incidentId" = (SELECT "id" FROM "IncidentRecord" WHERE "arn" = ?)`,
    incidentArn,
  );
  for (const f of tq.filters) {
    if (f.key === "eventTime") q.sql(` AND e."eventTime" ${f.op === "before" ? "<" : ">"} ?`, f.time);
    else if (f.key === "eventType") q.sql(" AND ").in(`e."eventType"`, f.values);
    else {
      q.sql(` AND EXISTS (SELECT 1 FROM "EventReference" r WHERE r."eventId" = e."id" AND (`)
        .in(`r."resource"`, f.values)
        .sql(" OR ")
        .in(`r."relatedItemId"`, f.values)
        .sql("))");
    }
  }
  const dir = tq.dir === "desc" ? "DESC" : "ASC";
  // An index range, as in listIncidents.
  if (tq.cursor) q.sql(` AND (e."eventTime", e."seq") ${tq.dir === "desc" ? "<" : ">"} (?, ?)`, tq.cursor.time, tq.cursor.seq);
  // seq breaks ties between events of one eventTime: the order they were written (issue 16).
  q.sql(` ORDER BY e."eventTime" ${dir}, e."seq" ${dir} LIMIT ?`, tq.take);
  const rows = await reader.all<EventRow>(q.query("timeline.list", { dates: ["eventTime", "eventUpdatedTime"], booleans: ["hasReferences"] }), q.params);
  // No row: no such event, or no such incident.
  if (!rows.length) await incidentIdentity(reader, incidentArn);
  // The page's references in one statement, one prepared statement for any page size.
  const withReferences = rows.filter((r) => r.hasReferences).map((r) => r.id);
  let refs: Reference[] = [];
  if (withReferences.length) {
    const r = new HotSql()
      .sql(`SELECT "eventId", "resource", "relatedItemId" FROM "EventReference" WHERE `)
      .in(`"eventId"`, withReferences, { oneStatement: true })
      .sql(` ORDER BY "position" ASC`);
    refs = await reader.all<Reference>(r.query("timeline.references"), r.params);
  }
  const byEvent = new Map<string, { resource: string | null; relatedItemId: string | null }[]>();
  for (const r of refs) {
    let list = byEvent.get(r.eventId);
    if (!list) byEvent.set(r.eventId, (list = []));
    list.push({ resource: r.resource, relatedItemId: r.relatedItemId });
  }
  return rows.map((r) => ({ id: r.id, eventTime: r.eventTime, eventType: r.eventType, eventUpdatedTime: r.eventUpdatedTime, seq: r.seq, references: byEvent.get(r.id) ?? [] }));
}

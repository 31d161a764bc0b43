// The hottest ssm-incidents reads as SQL on SQLite (lib/db/sqlite-reader.ts says why). Each
// function answers exactly what its Prisma twin in incident-records.ts / timeline-events.ts
// answers — same filters, order and page boundaries — and the contract suites run both (SQLite
// through here, PostgreSQL through Prisma).
import { fromSqliteTime, sqliteTime, type SqliteReader } from "@/lib/db/sqlite-reader";
import { notFound } from "../../errors";
import type { IncidentCursor, IncidentFilter, SummaryRow, TimelineQuery } from "./read-queries";
import type { IncidentRow, IncidentSummaryRow } from "./records";

type StoredIncident = Omit<IncidentRow, "creationTime" | "lastModifiedTime" | "resolvedTime" | "triggerTimestamp" | "automationExecutions"> & {
  creationTime: string;
  lastModifiedTime: string;
  resolvedTime: string | null;
  triggerTimestamp: string | null;
};

const INCIDENT_COLUMNS = `id, arn, responsePlanId, responsePlanArn, title, impact, status, summary, dedupeString,
  notificationTargets, chatChannel, createdBy, invokedBy, resourceArn, source, triggerArn, triggerRawData,
  triggerTimestamp, creationTime, lastModifiedBy, lastModifiedTime, resolvedTime`;

/** GetIncidentRecord's row with its automation executions, oldest first; null when there is none. */
export function sqliteIncidentByArn(reader: SqliteReader, arn: string): IncidentRow | null {
  const row = reader.get<StoredIncident>(`SELECT ${INCIDENT_COLUMNS} FROM "IncidentRecord" WHERE arn = ?`, [arn]);
  if (!row) return null;
  const automationExecutions = reader.all<{ ssmExecutionArn: string }>(
    `SELECT ssmExecutionArn FROM "AutomationExecution" WHERE incidentId = ? ORDER BY createdAt ASC`,
    [row.id],
  );
  return {
    ...row,
    creationTime: fromSqliteTime(row.creationTime),
    lastModifiedTime: fromSqliteTime(row.lastModifiedTime),
    resolvedTime: fromSqliteTime(row.resolvedTime),
    triggerTimestamp: fromSqliteTime(row.triggerTimestamp),
    automationExecutions,
  };
}

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

type StoredSummary = Omit<IncidentSummaryRow, "creationTime" | "resolvedTime"> & { creationTime: string; resolvedTime: string | null };

/**
 * ListIncidentRecords: newest first, id breaking ties, `take` rows after the cursor. The cursor is
 * a keyset condition, so a deep page costs what the first does (the (status|impact|createdBy,
 * creationTime) and (creationTime, id) indexes serve it).
 */
export function sqliteListIncidents(reader: SqliteReader, filters: IncidentFilter[], cursor: IncidentCursor | undefined, take: number): IncidentSummaryRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const f of filters) {
    if (f.column === "creationTime") {
      where.push(`creationTime ${f.op === "before" ? "<" : ">"} ?`);
      params.push(sqliteTime(f.time));
    } else if (f.values.length === 1) {
      // One value as "=": SQLite then walks the (column, creationTime) index in order.
      where.push(`${f.column} = ?`);
      params.push(f.values[0]);
    } else {
      where.push(`${f.column} IN (${placeholders(f.values.length)})`);
      params.push(...f.values);
    }
  }
  if (cursor) {
    const t = sqliteTime(cursor.time);
    // A row value, not "a < x OR (a = x AND id < y)": SQLite turns this one into an index range
    // (creationTime < x), so a deep page starts where the last one ended instead of scanning
    // every newer row again.
    where.push(`(creationTime, id) < (?, ?)`);
    params.push(t, cursor.id);
  }
  params.push(take);
  const rows = reader.all<StoredSummary>(
    `SELECT id, arn, title, status, impact, creationTime, resolvedTime, createdBy, source, invokedBy, resourceArn
     FROM "IncidentRecord" ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY creationTime DESC, id DESC LIMIT ?`,
    params,
  );
  return rows.map((r) => ({ ...r, creationTime: fromSqliteTime(r.creationTime), resolvedTime: fromSqliteTime(r.resolvedTime) }));
}

/** requireIncident's answer: the incident's id, ARN and title, or ResourceNotFoundException. */
export function sqliteIncidentIdentity(reader: SqliteReader, arn: string): { id: string; arn: string; title: string } {
  const row = reader.get<{ id: string; arn: string; title: string }>(`SELECT id, arn, title FROM "IncidentRecord" WHERE arn = ?`, [arn]);
  if (!row) throw notFound("INCIDENT_RECORD", arn, `Incident record ${arn} does not exist`);
  return row;
}

/** ListTimelineEvents' rows with their references in position order. */
export function sqliteListTimelineEvents(reader: SqliteReader, q: TimelineQuery): SummaryRow[] {
  const where = [`e.incidentId = ?`];
  const params: unknown[] = [q.incidentId];
  for (const f of q.filters) {
    if (f.key === "eventTime") {
      where.push(`e.eventTime ${f.op === "before" ? "<" : ">"} ?`);
      params.push(sqliteTime(f.time));
    } else if (f.key === "eventType") {
      where.push(`e.eventType IN (${placeholders(f.values.length)})`);
      params.push(...f.values);
    } else {
      const list = placeholders(f.values.length);
      where.push(`EXISTS (SELECT 1 FROM "EventReference" r WHERE r.eventId = e.id AND (r.resource IN (${list}) OR r.relatedItemId IN (${list})))`);
      params.push(...f.values, ...f.values);
    }
  }
  const dir = q.dir === "desc" ? "DESC" : "ASC";
  if (q.cursor) {
    const op = q.dir === "desc" ? "<" : ">";
    const t = sqliteTime(q.cursor.time);
    where.push(`(e.eventTime, e.seq) ${op} (?, ?)`); // an index range, as in sqliteListIncidents
    params.push(t, q.cursor.seq);
  }
  params.push(q.take);
  // seq breaks ties between events of one eventTime: the order they were written (issue 16).
  const rows = reader.all<{ id: string; eventTime: string; eventType: string; eventUpdatedTime: string; seq: number }>(
    `SELECT e.id, e.eventTime, e.eventType, e.eventUpdatedTime, e.seq FROM "TimelineEvent" e
     WHERE ${where.join(" AND ")} ORDER BY e.eventTime ${dir}, e.seq ${dir} LIMIT ?`,
    params,
  );
  // The page's references in one statement (json_each keeps it one prepared statement for any page size).
  const refs = rows.length
    ? reader.all<{ eventId: string; resource: string | null; relatedItemId: string | null }>(
        `SELECT eventId, resource, relatedItemId FROM "EventReference"
         WHERE eventId IN (SELECT value FROM json_each(?)) ORDER BY position ASC`,
        [JSON.stringify(rows.map((r) => r.id))],
      )
    : [];
  const byEvent = new Map<string, { resource: string | null; relatedItemId: string | null }[]>();
  for (const r of refs) {
    let list = byEvent.get(r.eventId);
    if (!list) byEvent.set(r.eventId, (list = []));
    list.push({ resource: r.resource, relatedItemId: r.relatedItemId });
  }
  return rows.map((r) => ({
    id: r.id,
    eventTime: fromSqliteTime(r.eventTime),
    eventType: r.eventType,
    eventUpdatedTime: fromSqliteTime(r.eventUpdatedTime),
    seq: r.seq,
    references: byEvent.get(r.id) ?? [],
  }));
}

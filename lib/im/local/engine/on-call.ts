// Who an on-call schedule pages: the people on call in its rotations at the moment the schedule is
// engaged — when StartEngagement (or StartIncident) engages it, or when the escalation stage that
// targets it starts. It is looked up then and not before, so a hand-off between an escalation's
// start and its later stage pages the person who took over. Each rotation gives its on-call
// members (after its overrides, ../contacts/rotation-shifts.ts); the schedule pages the union, in
// the order of its rotations and their members, each person once.
//
// Nobody on call (every rotation in a coverage gap, or a schedule whose rotations were all
// deleted) pages no one: that is recorded on the engagement (Engagement.coverageGaps, which the
// console shows) and, for an incident's engagement, as a timeline event — never silently.
import type { Tx } from "@/lib/db/client";
import { fromSqliteTime, sqliteTime, type SqliteReader } from "@/lib/db/sqlite-reader";
import { onCallAt } from "../contacts/rotation-shifts";
import { overrideSpec, rotationSpec } from "../contacts/rotations";
import { ENGAGEMENT_EVENT_TYPES, writeIncidentEvent } from "./incident-events";

type Reader = Pick<Tx, "$queryRawUnsafe">;

/** How to read: SQLite's cached statements on the root client, or PostgreSQL's fixed statements. */
export type OnCallSource = SqliteReader | "postgres";

/**
 * The personal contacts on call at `at` in each of these on-call schedules (ARN → ARNs; [] for
 * nobody). Two reads, whatever the schedules' size: the schedules' rotations (each link keeps its
 * schedule's ARN, a rotation its members in its row) and the overrides in force at `at` (an index
 * range, not the rotations' history), as fixed statements rather than Prisma's compiled queries.
 */
export async function onCallBySchedule(db: Reader, scheduleArns: string[], at: Date, source: OnCallSource): Promise<Map<string, string[]>> {
  if (!scheduleArns.length) return new Map();
  return source === "postgres" ? onCallOnPostgres(db, scheduleArns, at) : onCallOnSqlite(source, scheduleArns, at);
}

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/**
 * The same two reads as cached SQLite statements (lib/db/sqlite-reader.ts says why): a stage that
 * fires resolves its schedules in well under a millisecond. The reader sees committed rows only,
 * which is what a stage needs: rotations are not written by the transaction that pages.
 */
function onCallOnSqlite(reader: SqliteReader, scheduleArns: string[], at: Date): Map<string, string[]> {
  const arns = [...new Set(scheduleArns)];
  const links = reader
    .all<Omit<LinkRow, "startTime"> & { startTime: string }>(
      `SELECT l.contactArn AS scheduleArn, r.id, r.arn, r.startTime, r.timeZoneId, r.recurrence, r.contactIds
         FROM "ScheduleRotation" l JOIN "Rotation" r ON r.arn = l.rotationArn
        WHERE l.contactArn IN (${placeholders(arns.length)}) ORDER BY l.contactArn, l.position`,
      arns,
    )
    .map((l) => ({ ...l, startTime: fromSqliteTime(l.startTime) }));
  const rotationIds = [...new Set(links.map((l) => l.id))];
  const overrides = rotationIds.length
    ? reader
        .all<Omit<OverrideRow, "startTime" | "endTime" | "createTime"> & { startTime: string; endTime: string; createTime: string }>(
          `SELECT id, rotationId, newContactIds, startTime, endTime, createTime FROM "RotationOverride"
            WHERE rotationId IN (${placeholders(rotationIds.length)}) AND startTime <= ? AND endTime > ?`,
          [...rotationIds, sqliteTime(at), sqliteTime(at)],
        )
        .map((o) => ({ ...o, startTime: fromSqliteTime(o.startTime), endTime: fromSqliteTime(o.endTime), createTime: fromSqliteTime(o.createTime) }))
    : [];
  return onCallFromRows(scheduleArns, links, overrides, at);
}

/**
 * The same two reads on PostgreSQL, as fixed statements with array parameters inside the caller's
 * transaction: two round trips instead of Prisma's three queries and their compilation.
 */
async function onCallOnPostgres(tx: Pick<Tx, "$queryRawUnsafe">, scheduleArns: string[], at: Date): Promise<Map<string, string[]>> {
  const links = await tx.$queryRawUnsafe<LinkRow[]>(
    `SELECT l."contactArn" AS "scheduleArn", r.id, r.arn, r."startTime", r."timeZoneId", r.recurrence, r."contactIds"
       FROM "ScheduleRotation" l JOIN "Rotation" r ON r.arn = l."rotationArn"
      WHERE l."contactArn" = ANY($1::text[]) ORDER BY l."contactArn", l.position`,
    [...new Set(scheduleArns)],
  );
  const rotationIds = [...new Set(links.map((l) => l.id))];
  const overrides = rotationIds.length
    ? await tx.$queryRawUnsafe<OverrideRow[]>(
        `SELECT id, "rotationId", "newContactIds", "startTime", "endTime", "createTime" FROM "RotationOverride"
          WHERE "rotationId" = ANY($1::text[]) AND "startTime" <= $2 AND "endTime" > $2`,
        rotationIds,
        at,
      )
    : [];
  return onCallFromRows(scheduleArns, links, overrides, at);
}

type LinkRow = { scheduleArn: string; id: string; arn: string; startTime: Date; timeZoneId: string; recurrence: string; contactIds: string };
type OverrideRow = { id: string; rotationId: string; newContactIds: string; startTime: Date; endTime: Date; createTime: Date };

function onCallFromRows(scheduleArns: string[], links: LinkRow[], overrides: OverrideRow[], at: Date): Map<string, string[]> {
  const onCall = new Map<string, string[]>();
  for (const l of links) {
    if (onCall.has(l.arn)) continue;
    const mine = overrides.filter((o) => o.rotationId === l.id).map((o) => overrideSpec({ ...o, startTime: new Date(o.startTime), endTime: new Date(o.endTime), createTime: new Date(o.createTime) }));
    onCall.set(l.arn, onCallAt(rotationSpec({ ...l, name: "", startTime: new Date(l.startTime) }), mine, at));
  }
  return new Map(
    scheduleArns.map((arn) => {
      const people = new Set<string>();
      for (const l of links) if (l.scheduleArn === arn) for (const person of onCall.get(l.arn) ?? []) people.add(person);
      return [arn, [...people]];
    }),
  );
}

/** A schedule that had nobody on call when an engagement reached it. */
export type CoverageGap = { engagementId: string; incidentId: string | null; engagementArn: string; scheduleArn: string; stageIndex?: number };

/** Records coverage gaps on their engagements and, for incidents, on the timeline. */
export async function recordCoverageGaps(tx: Tx, gaps: CoverageGap[], now: Date): Promise<void> {
  for (const gap of gaps) {
    const row = await tx.engagement.findUnique({ where: { id: gap.engagementId }, select: { coverageGaps: true } });
    const list = row?.coverageGaps ? (JSON.parse(row.coverageGaps) as unknown[]) : [];
    list.push({ time: now.toISOString(), scheduleArn: gap.scheduleArn, ...(gap.stageIndex !== undefined ? { stageIndex: gap.stageIndex } : {}) });
    await tx.engagement.update({ where: { id: gap.engagementId }, data: { coverageGaps: JSON.stringify(list) }, select: { id: true } });
    await writeIncidentEvent(tx, gap.incidentId, now, ENGAGEMENT_EVENT_TYPES.nobodyOnCall, {
      contactArn: gap.scheduleArn,
      engagementArn: gap.engagementArn,
      ...(gap.stageIndex !== undefined ? { stageIndex: gap.stageIndex } : {}),
    });
  }
}

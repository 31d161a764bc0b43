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
import { HotSql, hotQuery } from "@/lib/db/hot-reader";
import type { HotTx } from "@/lib/db/hot-writer";
import { onCallAt } from "../contacts/rotation-shifts";
import { overrideSpec, rotationSpec } from "../contacts/rotations";
import { ENGAGEMENT_EVENT_TYPES, writeIncidentEvent } from "./incident-events";

/**
 * The personal contacts on call at `at` in each of these on-call schedules (ARN → ARNs; [] for
 * nobody). Two reads, whatever the schedules' size: the schedules' rotations (each link keeps its
 * schedule's ARN, a rotation its members in its row) and the overrides in force at `at` (an index
 * range, not the rotations' history), as fixed statements rather than Prisma's compiled queries.
 * On SQLite the engine reads them through the hot reader (committed rows: rotations are not
 * written by the transaction that pages), on PostgreSQL in the paging transaction.
 */
export async function onCallBySchedule(db: Pick<HotTx, "all">, scheduleArns: string[], at: Date): Promise<Map<string, string[]>> {
  if (!scheduleArns.length) return new Map();
  const linksQ = new HotSql()
    .sql(`SELECT l."contactArn" AS "scheduleArn", r."id", r."arn", r."startTime", r."timeZoneId", r."recurrence", r."contactIds"
            FROM "ScheduleRotation" l JOIN "Rotation" r ON r."arn" = l."rotationArn" WHERE `)
    .in(`l."contactArn"`, [...new Set(scheduleArns)], { oneStatement: true })
    .sql(` ORDER BY l."contactArn", l."position"`);
  const links = await db.all<LinkRow>(linksQ.query("engine.scheduleRotations", { dates: ["startTime"] }), linksQ.params);
  const rotationIds = [...new Set(links.map((l) => l.id))];
  if (!rotationIds.length) return onCallFromRows(scheduleArns, links, [], at);
  const overridesQ = new HotSql()
    .sql(`SELECT "id", "rotationId", "newContactIds", "startTime", "endTime", "createTime" FROM "RotationOverride" WHERE `)
    .in(`"rotationId"`, rotationIds, { oneStatement: true })
    .sql(` AND "startTime" <= ? AND "endTime" > ?`, at, at);
  const overrides = await db.all<OverrideRow>(overridesQ.query("engine.overridesAt", { dates: ["startTime", "endTime", "createTime"] }), overridesQ.params);
  return onCallFromRows(scheduleArns, links, overrides, at);
}

type LinkRow = { scheduleArn: string; id: string; arn: string; startTime: Date; timeZoneId: string; recurrence: string; contactIds: string };
type OverrideRow = { id: string; rotationId: string; newContactIds: string; startTime: Date; endTime: Date; createTime: Date };

function onCallFromRows(scheduleArns: string[], links: LinkRow[], overrides: OverrideRow[], at: Date): Map<string, string[]> {
  const onCall = new Map<string, string[]>();
  for (const l of links) {
    if (onCall.has(l.arn)) continue;
    const mine = overrides.filter((o) => o.rotationId === l.id).map(overrideSpec);
    onCall.set(l.arn, onCallAt(rotationSpec({ ...l, name: "" }), mine, at));
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
const COVERAGE_GAPS = hotQuery("engine.coverageGaps", `SELECT "coverageGaps" FROM "Engagement" WHERE "id" = ?`);
const SET_COVERAGE_GAPS = hotQuery("engine.setCoverageGaps", `UPDATE "Engagement" SET "coverageGaps" = ? WHERE "id" = ?`);

/** Records coverage gaps on their engagements and, for incidents, on the timeline. */
export async function recordCoverageGaps(tx: HotTx, gaps: CoverageGap[], now: Date): Promise<void> {
  for (const gap of gaps) {
    const row = await tx.get<{ coverageGaps: string | null }>(COVERAGE_GAPS, [gap.engagementId]);
    const list = row?.coverageGaps ? (JSON.parse(row.coverageGaps) as unknown[]) : [];
    list.push({ time: now.toISOString(), scheduleArn: gap.scheduleArn, ...(gap.stageIndex !== undefined ? { stageIndex: gap.stageIndex } : {}) });
    tx.queue(SET_COVERAGE_GAPS, [JSON.stringify(list), gap.engagementId]);
    await writeIncidentEvent(tx, gap.incidentId, now, ENGAGEMENT_EVENT_TYPES.nobodyOnCall, {
      contactArn: gap.scheduleArn,
      engagementArn: gap.engagementArn,
      ...(gap.stageIndex !== undefined ? { stageIndex: gap.stageIndex } : {}),
    });
  }
}

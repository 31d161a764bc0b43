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
import { onCallAt } from "../contacts/rotation-shifts";
import { OVERRIDE_SELECT, overrideSpec, ROTATION_SELECT, rotationSpec } from "../contacts/rotations";
import { ENGAGEMENT_EVENT_TYPES, writeIncidentEvent } from "./incident-events";

type Reader = Pick<Tx, "scheduleRotation" | "rotation">;

/**
 * The personal contacts on call at `at` in each of these on-call schedules (ARN → ARNs; [] for
 * nobody). Three reads, whatever the schedules' size: the schedules' rotation lists (by the
 * schedule's ARN, kept on each link), the rotations (their members are a column of the row), and
 * the overrides in force at `at` (an index range, not the rotations' history).
 */
export async function onCallBySchedule(db: Reader, scheduleArns: string[], at: Date): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (!scheduleArns.length) return result;
  const links = await db.scheduleRotation.findMany({
    where: { contactArn: { in: [...new Set(scheduleArns)] } },
    orderBy: [{ contactArn: "asc" }, { position: "asc" }],
    select: { contactArn: true, rotationArn: true },
  });
  const rotationArns = [...new Set(links.map((l) => l.rotationArn))];
  const rotations = rotationArns.length
    ? await db.rotation.findMany({
        where: { arn: { in: rotationArns } },
        select: { ...ROTATION_SELECT, overrides: { where: { startTime: { lte: at }, endTime: { gt: at } }, select: OVERRIDE_SELECT } },
      })
    : [];
  const onCall = new Map(rotations.map((r) => [r.arn, onCallAt(rotationSpec(r), r.overrides.map(overrideSpec), at)]));
  for (const arn of scheduleArns) {
    const people = new Set<string>();
    for (const link of links) if (link.contactArn === arn) for (const person of onCall.get(link.rotationArn) ?? []) people.add(person);
    result.set(arn, [...people]);
  }
  return result;
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

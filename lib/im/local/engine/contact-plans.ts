// A contact with its plan, as the engine reads it when it starts paging that contact. The stages
// are taken once, when the page (or the escalation) starts, and scheduled from that snapshot:
// stage k starts after the durations of stages 0..k-1 (DESIGN.md, engagement engine), so a plan
// edited during an engagement changes the next engagement, not the timing of this one. Channels
// are looked up again at each delivery: a channel deactivated or deleted meanwhile is not paged.
import { hotQuery, HotSql } from "@/lib/db/hot-reader";
import type { HotTx } from "@/lib/db/hot-writer";

/** A stage target as the engine reads it: a channel of a personal contact, or a contact of an escalation plan. */
export type PlanTarget = { channelArn: string | null; retryIntervalInMinutes: number | null; targetContactArn: string | null; isEssential: boolean | null };

export type ContactWithPlan = {
  id: string;
  arn: string;
  alias: string;
  /** PERSONAL | ESCALATION | ONCALL_SCHEDULE */
  type: string;
  /** In order, each with its targets in order. */
  stages: { durationInMinutes: number; targets: PlanTarget[] }[];
};

type PlanRow = Omit<ContactWithPlan, "stages"> & { stageId: string | null; durationInMinutes: number | null; targetId: string | null } & PlanTarget;

const PLAN_COLUMNS = `c."id", c."arn", c."alias", c."type", s."id" AS "stageId", s."durationInMinutes",
  t."id" AS "targetId", t."channelArn", t."retryIntervalInMinutes", t."targetContactArn", t."isEssential"`;
const PLAN_JOINS = `LEFT JOIN "PlanStage" s ON s."contactId" = c."id" LEFT JOIN "StageTarget" t ON t."stageId" = s."id"`;

/** Contacts from rows of PLAN_COLUMNS, each contact's rows together, stages and targets in order; rows without a contact are skipped. */
function groupPlans(rows: PlanRow[]): Map<string, ContactWithPlan> {
  const contacts = new Map<string, ContactWithPlan>();
  let stageId: string | null = null;
  for (const r of rows) {
    if (r.id === null) continue;
    let contact = contacts.get(r.arn);
    if (!contact) contacts.set(r.arn, (contact = { id: r.id, arn: r.arn, alias: r.alias, type: r.type, stages: [] }));
    if (r.stageId === null) continue;
    if (r.stageId !== stageId) contact.stages.push({ durationInMinutes: r.durationInMinutes!, targets: [] });
    stageId = r.stageId;
    if (r.targetId !== null) {
      contact.stages.at(-1)!.targets.push({ channelArn: r.channelArn, retryIntervalInMinutes: r.retryIntervalInMinutes, targetContactArn: r.targetContactArn, isEssential: r.isEssential });
    }
  }
  return contacts;
}

/**
 * The contacts and their plans in one statement (a row per target, or per contact or stage
 * without one), in the transaction that pages them. Contacts that don't exist are absent from the map.
 */
export async function contactsWithPlans(db: Pick<HotTx, "all">, arns: string[]): Promise<Map<string, ContactWithPlan>> {
  if (!arns.length) return new Map();
  const q = new HotSql()
    .sql(`SELECT ${PLAN_COLUMNS} FROM "Contact" c ${PLAN_JOINS} WHERE `)
    .in(`c."arn"`, [...new Set(arns)], { oneStatement: true })
    .sql(` ORDER BY c."arn", s."position", t."position"`);
  return groupPlans(await db.all<PlanRow>(q.query("engine.contactsWithPlans", { booleans: ["isEssential"] }), q.params));
}

const PLAN_ENGAGEMENTS = hotQuery(
  "engine.planEngagements",
  `SELECT e."contactArn" AS "engaged", ${PLAN_COLUMNS}
     FROM "ResponsePlanEngagement" e LEFT JOIN "Contact" c ON c."arn" = e."contactArn" ${PLAN_JOINS}
    WHERE e."responsePlanId" = ? ORDER BY e."position", s."position", t."position"`,
  { booleans: ["isEssential"] },
);

/**
 * What a response plan engages, in its order (ARNs, those no longer contacts included), with the
 * contacts and their plans: one statement.
 */
export async function planEngagements(db: Pick<HotTx, "all">, responsePlanId: string): Promise<{ arns: string[]; contacts: Map<string, ContactWithPlan> }> {
  const rows = await db.all<PlanRow & { engaged: string }>(PLAN_ENGAGEMENTS, [responsePlanId]);
  return { arns: [...new Set(rows.map((r) => r.engaged))], contacts: groupPlans(rows) };
}

export const MINUTE_MS = 60_000;

/** When each stage starts and ends, in ms after the plan starts. */
export function stageWindows(stages: { durationInMinutes: number }[]): { startsAfter: number; endsAfter: number }[] {
  let t = 0;
  return stages.map((s) => {
    const w = { startsAfter: t, endsAfter: t + s.durationInMinutes * MINUTE_MS };
    t = w.endsAfter;
    return w;
  });
}

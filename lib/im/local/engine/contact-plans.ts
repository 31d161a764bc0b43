// A contact with its plan, as the engine reads it when it starts paging that contact. The stages
// are taken once, when the page (or the escalation) starts, and scheduled from that snapshot:
// stage k starts after the durations of stages 0..k-1 (DESIGN.md, engagement engine), so a plan
// edited during an engagement changes the next engagement, not the timing of this one. Channels
// are looked up again at each delivery: a channel deactivated or deleted meanwhile is not paged.
import type { Prisma, Tx } from "@/lib/db/client";
import { PLAN_STAGES } from "../contacts/plan";

export const CONTACT_WITH_PLAN = {
  id: true,
  arn: true,
  alias: true,
  type: true,
  stages: PLAN_STAGES,
} satisfies Prisma.ContactSelect;

export type ContactWithPlan = Prisma.ContactGetPayload<{ select: typeof CONTACT_WITH_PLAN }>;

type Reader = Pick<Tx, "contact">;

export async function contactsWithPlans(db: Reader, arns: string[]): Promise<Map<string, ContactWithPlan>> {
  if (!arns.length) return new Map();
  const rows = await db.contact.findMany({ where: { arn: { in: [...new Set(arns)] } }, select: CONTACT_WITH_PLAN });
  return new Map(rows.map((r) => [r.arn, r]));
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

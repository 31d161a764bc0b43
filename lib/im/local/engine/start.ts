// Starting an engagement and its pages, inside the caller's transaction (StartEngagement's, or
// StartIncident's for a response plan's engagements): the engagement, the pages of its first
// stage and every step scheduled after them are written together, so the call answers with its
// pages in place and a crash can't leave half an engagement. Deliveries happen after the commit,
// as jobs (fire.ts).
import type * as C from "@aws-sdk/client-ssm-contacts";
import { hotQuery, hotReader } from "@/lib/db/hot-reader";
import type { HotTx } from "@/lib/db/hot-writer";
import { contactsArn, newId } from "@/lib/im/arns";
import { hashAcceptCode, newAcceptCode } from "../contacts/accept-code";
import type { EngagementFields } from "../context";
import { contactsWithPlans, stageWindows, type ContactWithPlan } from "./contact-plans";
import type { EngineContext } from "./context";
import { ENGAGEMENT_EVENT_TYPES, writeIncidentEvent } from "./incident-events";
import { JOB_KIND, NEW_JOB_COLUMNS, type DeliverPayload, type EscalationStagePayload, type EscalationTarget, type InboxPayload, type NewJob } from "./jobs";
import { onCallBySchedule, recordCoverageGaps, type CoverageGap } from "./on-call";

/** What a page copies from its engagement. */
export type EngagementRow = {
  id: string;
  arn: string;
  /** The contact the engagement engaged (a personal contact, escalation plan or on-call schedule). */
  contactArn: string;
  sender: string;
  subject: string | null;
  content: string | null;
  publicSubject: string | null;
  publicContent: string | null;
  incidentId: string | null;
};

function job(engagementId: string, pageId: string | null, kind: string, dueAt: Date, payload: object): NewJob {
  return { id: newId(), engagementId, pageId, kind, dueAt, payload: JSON.stringify(payload) };
}

const PAGE_COLUMNS = [
  "id", "arn", "engagementId", "contactArn", "sender", "subject", "content", "publicSubject", "publicContent", "incidentId",
  "acceptCodeHash", "resolution", "isEssential", "createdAt",
] as const;

const INSERT_ENGAGEMENT = hotQuery(
  "engagement.insert",
  `INSERT INTO "Engagement" ("id", "arn", "contactArn", "sender", "subject", "content", "publicSubject", "publicContent", "incidentId", "startTime")
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);

/** A personal contact to page for an engagement, and how it was reached (ListPageResolutions). */
export type PageTarget = { engagement: EngagementRow; contact: ContactWithPlan; isEssential: boolean; resolution: C.ResolutionContact[] };

/**
 * Pages personal contacts from `now` (for one engagement or, in a tick, several): one page each,
 * its inbox message due now and each channel target of each stage of the contact's plan due when
 * its stage starts. Writes the pages; returns the jobs to create (the caller writes them with its
 * others in one insert).
 */
export async function createPages(tx: HotTx, ctx: EngineContext, targets: PageTarget[], now: Date): Promise<{ pageIds: string[]; jobs: NewJob[] }> {
  const jobs: NewJob[] = [];
  const pages = targets.map(({ engagement, contact, isEssential, resolution }) => {
    const id = newId();
    const code = newAcceptCode();
    jobs.push(job(engagement.id, id, JOB_KIND.inbox, now, { code } satisfies InboxPayload));
    const windows = stageWindows(contact.stages);
    contact.stages.forEach((stage, k) => {
      const startsAt = new Date(now.getTime() + windows[k].startsAfter);
      for (const target of stage.targets) {
        if (!target.channelArn) continue;
        const payload: DeliverPayload = {
          stage: k,
          channelArn: target.channelArn,
          retryMinutes: target.retryIntervalInMinutes ?? 0,
          stageEndsAt: now.getTime() + windows[k].endsAfter,
          attempt: 0,
          code,
        };
        jobs.push(job(engagement.id, id, JOB_KIND.deliver, startsAt, payload));
      }
    });
    return {
      id,
      arn: contactsArn.page(ctx, contact.alias, id),
      engagementId: engagement.id,
      contactArn: contact.arn,
      sender: engagement.sender,
      subject: engagement.subject,
      content: engagement.content,
      publicSubject: engagement.publicSubject,
      publicContent: engagement.publicContent,
      incidentId: engagement.incidentId,
      acceptCodeHash: hashAcceptCode(id, code),
      resolution: JSON.stringify(resolution),
      isEssential,
      createdAt: now,
    };
  });
  await tx.insert("Page", PAGE_COLUMNS, pages);
  return { pageIds: pages.map((p) => p.id), jobs };
}

/** A group of contacts an engagement reaches at once: an escalation plan's stage, or one engaged contact. */
export type StageToResolve = {
  engagement: EngagementRow;
  targets: EscalationTarget[];
  /** The escalation plan's stage, when the targets are one (it is the StageIndex of what it reaches). */
  stageIndex?: number;
};

/**
 * The pages a group of targets makes (one group per engagement; a tick starts several at once):
 * personal contacts are paged themselves, on-call schedules page whoever is on call in them now
 * (./on-call.ts), each person once per group (essential if any target that reached them is). A
 * target deleted since the plan was written has no one to page; nor does an escalation plan, which
 * a plan can't target (../contacts/plan.ts). Schedules with nobody on call come back as gaps.
 */
export async function resolveStages(
  tx: HotTx,
  stages: StageToResolve[],
  now: Date,
  onCallDb: Pick<HotTx, "all">,
  known: ContactWithPlan[] = [],
): Promise<{ pages: PageTarget[]; gaps: CoverageGap[] }> {
  const have = new Map(known.map((c) => [c.arn, c]));
  const read = await contactsWithPlans(tx, stages.flatMap((s) => s.targets.map((t) => t.contactArn)).filter((arn) => !have.has(arn)));
  const contacts = new Map([...have, ...read]);
  const scheduleArns = [...contacts.values()].filter((c) => c.type === "ONCALL_SCHEDULE").map((c) => c.arn);
  const onCall = await onCallBySchedule(onCallDb, scheduleArns, now);
  const people = await contactsWithPlans(tx, [...onCall.values()].flat().filter((arn) => !contacts.has(arn)));
  const person = (arn: string) => contacts.get(arn) ?? people.get(arn);
  const pages: PageTarget[] = [];
  const gaps: CoverageGap[] = [];
  for (const { engagement, targets, stageIndex } of stages) {
    const at = stageIndex !== undefined ? { StageIndex: stageIndex } : {};
    // The engaged contact heads every path, except when it is the person paged (engaged directly).
    const root: C.ResolutionContact[] = [];
    const engaged = contacts.get(engagement.contactArn);
    const byContact = new Map<string, PageTarget>();
    const add = (contact: ContactWithPlan | undefined, isEssential: boolean, path: C.ResolutionContact[]): boolean => {
      if (!contact || contact.type !== "PERSONAL") return false;
      const seen = byContact.get(contact.arn);
      if (seen) {
        seen.isEssential ||= isEssential;
        return true;
      }
      const target: PageTarget = { engagement, contact, isEssential, resolution: [...path, { ContactArn: contact.arn, Type: "PERSONAL", ...at }] };
      byContact.set(contact.arn, target);
      pages.push(target);
      return true;
    };
    if (stageIndex !== undefined) root.push({ ContactArn: engagement.contactArn, Type: (engaged?.type as C.ContactType | undefined) ?? "ESCALATION" });
    for (const t of targets) {
      const contact = contacts.get(t.contactArn);
      if (contact?.type === "ONCALL_SCHEDULE") {
        const path = [...root, { ContactArn: contact.arn, Type: "ONCALL_SCHEDULE" as const, ...at }];
        // Nobody on call, or only people who are no longer contacts: a gap, said out loud.
        let reached = 0;
        for (const arn of onCall.get(contact.arn) ?? []) if (add(person(arn), t.isEssential, path)) reached++;
        if (!reached) gaps.push({ engagementId: engagement.id, engagementArn: engagement.arn, incidentId: engagement.incidentId, scheduleArn: contact.arn, stageIndex });
      } else {
        add(contact, t.isEssential, root);
      }
    }
  }
  return { pages, gaps };
}

/** Pages a resolved group and records its gaps; returns the jobs to create. `known`: targets the caller has read already. */
export async function pageResolved(tx: HotTx, ctx: EngineContext, stages: StageToResolve[], now: Date, known?: ContactWithPlan[]): Promise<NewJob[]> {
  // Who is on call (./on-call.ts): on SQLite through the root client's hot reader, on PostgreSQL in this transaction.
  const reader = hotReader(ctx.db);
  const { pages, gaps } = await resolveStages(tx, stages, now, reader.dialect === "sqlite" ? reader : tx, known);
  const { jobs } = await createPages(tx, ctx, pages, now);
  await recordCoverageGaps(tx, gaps, now);
  return jobs;
}

/**
 * Starts an engagement of `contact` at `now`: a personal contact gets its page; an on-call
 * schedule pages whoever is on call in it now; an escalation plan pages the targets of its stage 0
 * now and schedules each later stage k after the durations of stages 0..k-1.
 */
export async function createEngagement(
  tx: HotTx,
  ctx: EngineContext,
  contact: ContactWithPlan,
  fields: EngagementFields,
  now: Date,
): Promise<{ id: string; arn: string }> {
  const id = newId();
  const engagement: EngagementRow = {
    id,
    arn: contactsArn.engagement(ctx, contact.alias, id),
    contactArn: contact.arn,
    sender: fields.sender,
    subject: fields.subject,
    content: fields.content,
    publicSubject: fields.publicSubject ?? null,
    publicContent: fields.publicContent ?? null,
    incidentId: fields.incidentId || null,
  };
  const e = engagement;
  tx.queue(INSERT_ENGAGEMENT, [e.id, e.arn, e.contactArn, e.sender, e.subject, e.content, e.publicSubject, e.publicContent, e.incidentId, now]);

  const jobs: NewJob[] = [];
  if (contact.type === "PERSONAL" || contact.type === "ONCALL_SCHEDULE") {
    // Engaged directly, the contact (or each person on call) is the whole engagement: essential.
    jobs.push(...(await pageResolved(tx, ctx, [{ engagement, targets: [{ contactArn: contact.arn, isEssential: true }] }], now, [contact])));
  } else {
    const windows = stageWindows(contact.stages);
    for (const [k, stage] of contact.stages.entries()) {
      const targets: EscalationTarget[] = stage.targets.flatMap((t) =>
        t.targetContactArn ? [{ contactArn: t.targetContactArn, isEssential: t.isEssential ?? false }] : [],
      );
      if (k === 0) {
        jobs.push(...(await pageResolved(tx, ctx, [{ engagement, targets, stageIndex: 0 }], now)));
      } else {
        const dueAt = new Date(now.getTime() + windows[k].startsAfter);
        jobs.push(job(id, null, JOB_KIND.escalationStage, dueAt, { stage: k, targets } satisfies EscalationStagePayload));
      }
    }
  }
  await tx.insert("EngineJob", NEW_JOB_COLUMNS, jobs);
  await writeIncidentEvent(tx, engagement.incidentId, now, ENGAGEMENT_EVENT_TYPES.engaged, { contactArn: contact.arn, engagementArn: engagement.arn });
  return { id, arn: engagement.arn };
}

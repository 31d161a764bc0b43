// Starting an engagement and its pages, inside the caller's transaction (StartEngagement's, or
// StartIncident's for a response plan's engagements): the engagement, the pages of its first
// stage and every step scheduled after them are written together, so the call answers with its
// pages in place and a crash can't leave half an engagement. Deliveries happen after the commit,
// as jobs (fire.ts).
import type { Tx } from "@/lib/db/client";
import { insertMany } from "@/lib/db/insert-many";
import { validation } from "@/lib/im/errors";
import { contactsArn, newId } from "@/lib/im/arns";
import { hashAcceptCode, newAcceptCode } from "../contacts/accept-code";
import type { EngagementFields } from "../context";
import { contactsWithPlans, stageWindows, type ContactWithPlan } from "./contact-plans";
import type { EngineContext } from "./context";
import { ENGAGEMENT_EVENT_TYPES, writeIncidentEvent } from "./incident-events";
import { JOB_KIND, NEW_JOB_COLUMNS, type DeliverPayload, type EscalationStagePayload, type EscalationTarget, type InboxPayload, type NewJob } from "./jobs";

/** What a page copies from its engagement. */
export type EngagementRow = {
  id: string;
  arn: string;
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

/** A personal contact to page for an engagement. */
export type PageTarget = { engagement: EngagementRow; contact: ContactWithPlan; isEssential: boolean };

/**
 * Pages personal contacts from `now` (for one engagement or, in a tick, several): one page each,
 * its inbox message due now and each channel target of each stage of the contact's plan due when
 * its stage starts. Writes the pages; returns the jobs to create (the caller writes them with its
 * others in one insert).
 */
export async function createPages(tx: Tx, ctx: EngineContext, targets: PageTarget[], now: Date): Promise<{ pageIds: string[]; jobs: NewJob[] }> {
  const jobs: NewJob[] = [];
  const pages = targets.map(({ engagement, contact, isEssential }) => {
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
      isEssential,
      createdAt: now,
    };
  });
  if (pages.length) await tx.page.createMany({ data: pages });
  return { pageIds: pages.map((p) => p.id), jobs };
}

/**
 * The pages of escalation stages (one per engagement; a tick starts several at once): their
 * target contacts that are (still) personal contacts. A target deleted since the plan was written
 * has no one to page; an escalation plan only names personal contacts (see ../plan.ts), so any
 * other type is skipped the same way.
 */
export async function escalationStageTargets(tx: Tx, stages: { engagement: EngagementRow; targets: EscalationTarget[] }[]): Promise<PageTarget[]> {
  const contacts = await contactsWithPlans(tx, stages.flatMap((s) => s.targets.map((t) => t.contactArn)));
  return stages.flatMap(({ engagement, targets }) =>
    targets.flatMap((t) => {
      const contact = contacts.get(t.contactArn);
      return contact && contact.type === "PERSONAL" ? [{ engagement, contact, isEssential: t.isEssential }] : [];
    }),
  );
}

/**
 * Starts an engagement of `contact` (a personal contact or an escalation plan) at `now`: a
 * personal contact gets its page; an escalation plan pages the targets of its stage 0 now and
 * schedules each later stage k after the durations of stages 0..k-1.
 */
export async function createEngagement(
  tx: Tx,
  ctx: EngineContext,
  contact: ContactWithPlan,
  fields: EngagementFields,
  now: Date,
): Promise<{ id: string; arn: string }> {
  if (contact.type !== "PERSONAL" && contact.type !== "ESCALATION") {
    throw validation(`The contact ${contact.arn} is an on-call schedule, which this local model can't engage: engage a personal contact or an escalation plan`, [
      { name: "ContactId", message: "Engage a personal contact or an escalation plan" },
    ]);
  }
  const id = newId();
  const engagement: EngagementRow = {
    id,
    arn: contactsArn.engagement(ctx, contact.alias, id),
    sender: fields.sender,
    subject: fields.subject,
    content: fields.content,
    publicSubject: fields.publicSubject ?? null,
    publicContent: fields.publicContent ?? null,
    incidentId: fields.incidentId || null,
  };
  await tx.engagement.create({ data: { ...engagement, contactArn: contact.arn, startTime: now } });

  const jobs: NewJob[] = [];
  if (contact.type === "PERSONAL") {
    jobs.push(...(await createPages(tx, ctx, [{ engagement, contact, isEssential: true }], now)).jobs);
  } else {
    const windows = stageWindows(contact.stages);
    for (const [k, stage] of contact.stages.entries()) {
      const targets: EscalationTarget[] = stage.targets.flatMap((t) =>
        t.targetContactArn ? [{ contactArn: t.targetContactArn, isEssential: t.isEssential ?? false }] : [],
      );
      if (k === 0) {
        jobs.push(...(await createPages(tx, ctx, await escalationStageTargets(tx, [{ engagement, targets }]), now)).jobs);
      } else {
        const dueAt = new Date(now.getTime() + windows[k].startsAfter);
        jobs.push(job(id, null, JOB_KIND.escalationStage, dueAt, { stage: k, targets } satisfies EscalationStagePayload));
      }
    }
  }
  await insertMany(tx, "EngineJob", NEW_JOB_COLUMNS, jobs);
  await writeIncidentEvent(tx, engagement.incidentId, now, ENGAGEMENT_EVENT_TYPES.engaged, { contactArn: contact.arn, engagementArn: engagement.arn });
  return { id, arn: engagement.arn };
}

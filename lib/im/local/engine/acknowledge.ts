// A page acknowledged: AcceptPage with AcceptType READ. The reference reads "acknowledged" as READ:
// ReadTime is "the time that the contact channel acknowledged the engagement" (DescribePage), and
// AcceptPage is "used to acknowledge an engagement". DELIVERED only says a message arrived, so it
// stops nothing. An acknowledged page stops paging its contact; an essential one (or a contact
// engaged directly) also stops the engagement's progress — "if the contact's acknowledgement stops
// the progress of stages in the plan" (ContactTargetInfo, IsEssential). Pages already started by
// earlier stages carry on until their own contacts acknowledge, or StopEngagement.
import type { Tx } from "@/lib/db/client";
import type { HotTx } from "@/lib/db/hot-writer";
import { JOB_STATUS, PENDING_ONLY } from "@/lib/jobs";
import type { AcknowledgedPage } from "../context";
import { ENGAGEMENT_EVENT_TYPES, writeIncidentEvent } from "./incident-events";
import { JOB_KIND } from "./jobs";

/** Call in AcceptPage's transaction on the first READ of a page (readTime was null); `events` is the same transaction for the timeline's fixed statements. */
export async function pageAcknowledged(events: HotTx, tx: Tx, page: AcknowledgedPage, now: Date): Promise<void> {
  await tx.engineJob.updateMany({
    where: { pageId: page.id, status: PENDING_ONLY },
    data: { status: JOB_STATUS.cancelled, doneAt: now },
  });
  const engagement = await tx.engagement.findUniqueOrThrow({ where: { id: page.engagementId }, select: { arn: true, incidentId: true } });
  if (page.isEssential) {
    // Conditional, and a write to the engagement row: an escalation stage starting at the same
    // moment checks the same row (fire.ts), so exactly one of them goes first.
    await tx.engagement.updateMany({ where: { id: page.engagementId, acknowledgedTime: null }, data: { acknowledgedTime: now } });
    await tx.engineJob.updateMany({
      where: { engagementId: page.engagementId, kind: JOB_KIND.escalationStage, status: PENDING_ONLY },
      data: { status: JOB_STATUS.cancelled, doneAt: now },
    });
  }
  await writeIncidentEvent(events, engagement.incidentId, now, ENGAGEMENT_EVENT_TYPES.acknowledged, {
    contactArn: page.contactArn,
    engagementArn: engagement.arn,
    pageArn: page.arn,
  });
}

// StopEngagement: "Stops an engagement before it finishes the final stage of the escalation plan
// or engagement plan. Further contacts aren't engaged." Every page still open gets a STOP receipt
// (with the reason as its info) and its StoppedTime, and every pending step is cancelled, all in
// one transaction. A step already claimed by a scheduler finishes its send, then finds the page
// stopped and schedules nothing more (fire.ts).
import type { Tx } from "@/lib/db/client";
import { JOB_STATUS, PENDING_ONLY } from "@/lib/jobs";
import { newId } from "@/lib/im/arns";

/** Returns false when the engagement was already stopped. */
export async function stopEngagementRows(tx: Tx, engagementId: string, reason: string | undefined, now: Date): Promise<boolean> {
  const stopped = await tx.engagement.updateMany({ where: { id: engagementId, stopTime: null }, data: { stopTime: now, stopReason: reason ?? null } });
  if (!stopped.count) return false;
  await tx.engineJob.updateMany({ where: { engagementId, status: PENDING_ONLY }, data: { status: JOB_STATUS.cancelled, doneAt: now } });
  const pages = await tx.page.findMany({ where: { engagementId, stoppedTime: null }, select: { id: true } });
  if (pages.length) {
    await tx.page.updateMany({ where: { id: { in: pages.map((p) => p.id) } }, data: { stoppedTime: now } });
    await tx.receipt.createMany({
      data: pages.map((p) => ({
        id: newId(),
        pageId: p.id,
        contactChannelArn: null,
        receiptType: "STOP",
        receiptInfo: reason ? reason : null,
        receiptTime: now,
      })),
    });
  }
  return true;
}

// Alert retention: received alerts are kept IM_ALERT_RETENTION_DAYS (default 30), then deleted, with
// the alert groups resolved as long ago and the ALERTS queue's own finished jobs. One RETENTION job
// is pending at a time (its id names its hour, so two instances scheduling it at once make one);
// each run deletes in batches — never one statement over a month of alerts — and schedules the next
// an hour later. Its deletions need no fence: running one twice deletes nothing more.
import "server-only";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { hotWriter } from "@/lib/db/hot-writer";
import { completeClaimed, JOB_QUEUE, JOB_STATUS, type Claim, type JobRow } from "@/lib/jobs";
import { ALERT_JOB_KIND } from "./jobs";

export const RETENTION_EVERY_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** Rows deleted per statement. */
const BATCH = 1000;
/** A finished processing job says nothing its alerts don't: kept an hour, for whoever looks. */
const DONE_JOBS_KEPT_MS = 3_600_000;

export type RetentionResult = { alerts: number; groups: number; jobs: number };

/** Deletes what is older than the retention at `now`, a batch at a time. */
export async function deleteExpired(db: Db, now: Date, retentionDays: number): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const alerts = await inBatches((take) => db.alert.findMany({ where: { receivedAt: { lt: cutoff } }, select: { id: true }, take }), (ids) => db.alert.deleteMany({ where: { id: { in: ids } } }));
  const groups = await inBatches(
    (take) => db.alertGroup.findMany({ where: { openKey: null, resolvedAt: { lt: cutoff } }, select: { id: true }, take }),
    (ids) => db.alertGroup.deleteMany({ where: { id: { in: ids }, openKey: null } }),
  );
  const doneBefore = new Date(now.getTime() - DONE_JOBS_KEPT_MS);
  const jobs = await inBatches(
    (take) =>
      db.engineJob.findMany({
        where: {
          queue: JOB_QUEUE.alerts,
          OR: [
            { status: JOB_STATUS.done, doneAt: { lt: doneBefore } },
            { status: { in: [JOB_STATUS.failed, JOB_STATUS.cancelled] }, doneAt: { lt: cutoff } },
          ],
        },
        select: { id: true },
        take,
      }),
    (ids) => db.engineJob.deleteMany({ where: { id: { in: ids }, queue: JOB_QUEUE.alerts, status: { in: [JOB_STATUS.done, JOB_STATUS.failed, JOB_STATUS.cancelled] } } }),
  );
  return { alerts, groups, jobs };
}

async function inBatches(find: (take: number) => Promise<{ id: string }[]>, remove: (ids: string[]) => Promise<{ count: number }>): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await find(BATCH);
    if (!rows.length) return total;
    total += (await remove(rows.map((r) => r.id))).count;
    if (rows.length < BATCH) return total;
  }
}

const hourOf = (t: number) => Math.floor(t / RETENTION_EVERY_MS) * RETENTION_EVERY_MS;

/**
 * Makes sure a RETENTION job is pending, due at `earliest` at the soonest: the job of that hour, or
 * (it ran already this hour) of the next one. Safe when instances call it at once.
 */
export async function ensureRetentionJob(db: Db, earliest: Date): Promise<void> {
  for (const hour of [hourOf(earliest.getTime()), hourOf(earliest.getTime()) + RETENTION_EVERY_MS]) {
    const waiting = await db.engineJob.count({
      where: { queue: JOB_QUEUE.alerts, kind: ALERT_JOB_KIND.retention, status: { in: [JOB_STATUS.pending, JOB_STATUS.running] } },
    });
    if (waiting) return;
    try {
      await db.engineJob.create({
        data: {
          id: `alert-retention-${new Date(hour).toISOString().slice(0, 13)}`,
          queue: JOB_QUEUE.alerts,
          kind: ALERT_JOB_KIND.retention,
          dueAt: new Date(Math.max(hour, earliest.getTime())),
        },
        select: { id: true },
      });
      return;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
  }
}

/** Fires a RETENTION job: deletes, completes it (fenced by its claim), schedules the next. */
export async function runRetention(
  o: { db: Db; clock: { now(): Date }; retentionDays: number },
  job: JobRow,
  claim: Claim,
  name = "alerts",
): Promise<"completed" | "lost"> {
  const now = o.clock.now();
  const deleted = await deleteExpired(o.db, now, o.retentionDays);
  if (deleted.alerts || deleted.groups) {
    console.log(`[${name}] retention (${o.retentionDays} days): deleted ${deleted.alerts} alerts, ${deleted.groups} resolved alert groups, ${deleted.jobs} finished jobs`);
  }
  const held = (await hotWriter(o.db).transaction((tx) => completeClaimed(tx, [job.id], claim, name))).has(job.id);
  await ensureRetentionJob(o.db, new Date(now.getTime() + RETENTION_EVERY_MS));
  return held ? "completed" : "lost";
}

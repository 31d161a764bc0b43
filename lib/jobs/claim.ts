// Claiming due jobs, safely when several schedulers share one database.
//
// A job moves PENDING → RUNNING in one conditional UPDATE (`... WHERE id IN (...) AND status =
// 'PENDING'`, setting a claim token read back afterwards): on PostgreSQL a second scheduler's UPDATE of the same row waits for the
// first to commit, re-checks the condition, no longer matches and claims nothing; on SQLite the
// writes are serialized outright. Each claim carries a token (claimedBy), and a job is completed
// only by the holder of its token (complete.ts), so a scheduler that lost its claim can't write the
// job's effects a second time.
//
// A claim is a lease. A scheduler that died mid-job (the process was killed) leaves its jobs
// RUNNING; once their claim is older than the lease, any scheduler claims them again, with the
// same kind of conditional UPDATE on the old claim. Delivery is therefore at-least-once: the
// database effects of a job are written exactly once, in the transaction that completes it, but
// whatever a job does outside the database (a message handed to a transport) just before a crash
// is done again by the next claimant. A domain whose jobs act outside the database keeps each such
// action well inside the lease (a timeout, and no action started on a claim already half its
// lease old), so a live scheduler never loses a claim mid-action.
import type { Db, Prisma } from "@/lib/db/client";
import { HotSql } from "@/lib/db/hot-reader";
import type { HotWriter } from "@/lib/db/hot-writer";
import { JOB_STATUS, PENDING_ONLY, type JobQueue, type JobRow, type JobScope } from "./job";

export const LEASE_MS = 60_000;

/** A job claimed this many times without completing is given up (FAILED), not retried forever. */
export const MAX_ATTEMPTS = 5;

/** What a claimant holds a batch by: the batch's time, its token, and the lease it was taken for. */
export type Claim = { now: Date; token: string; leaseMs?: number };

export type ClaimOptions = Claim & {
  limit: number;
  /** Only jobs matching this (a domain's own jobs; a caller firing the jobs it just created at once). */
  scope?: JobScope;
  /** Also look for claims whose lease ran out (a tick does once, not on every batch). */
  expired?: boolean;
  /** Names the claimant's domain in log lines ("[name] ..."). */
  name?: string;
};

/**
 * The conditional UPDATE, then the rows it moved, read back by their new token (a plain UPDATE
 * and a primary-key read cost half of Prisma's updateManyAndReturn on SQLite; the token is unique
 * to this claim, so the read finds exactly what this UPDATE took).
 */
async function claimRows(db: Db, ids: string[], where: Prisma.EngineJobWhereInput, data: Prisma.EngineJobUpdateManyMutationInput, token: string): Promise<JobRow[]> {
  const { count } = await db.engineJob.updateMany({ where: { ...where, id: { in: ids } }, data });
  if (!count) return [];
  return db.engineJob.findMany({ where: { id: { in: ids }, claimedBy: token } });
}

export async function claimDue(db: Db, o: ClaimOptions): Promise<JobRow[]> {
  const scope = o.scope ?? {};
  const claim = { status: JOB_STATUS.running, claimedBy: o.token, claimedAt: o.now, attempts: { increment: 1 } };

  const due = await db.engineJob.findMany({
    where: { ...scope, status: JOB_STATUS.pending, dueAt: { lte: o.now } },
    orderBy: { dueAt: "asc" },
    take: o.limit,
    select: { id: true },
  });
  const claimed = due.length ? await claimRows(db, due.map((d) => d.id), { status: PENDING_ONLY }, claim, o.token) : [];
  if (claimed.length >= o.limit || o.expired === false) return claimed;

  // Jobs whose claimant stopped answering: RUNNING with a claim older than the lease.
  const expired = new Date(o.now.getTime() - (o.leaseMs ?? LEASE_MS));
  const stale = await db.engineJob.findMany({
    where: { ...scope, status: JOB_STATUS.running, claimedAt: { lt: expired } },
    orderBy: { dueAt: "asc" },
    take: o.limit - claimed.length,
    select: { id: true },
  });
  if (!stale.length) return claimed;
  const reclaimed = await claimRows(db, stale.map((s) => s.id), { status: JOB_STATUS.running, claimedAt: { lt: expired } }, claim, o.token);
  const worn = reclaimed.filter((j) => j.attempts > MAX_ATTEMPTS);
  if (worn.length) {
    await db.engineJob.updateMany({
      where: { id: { in: worn.map((j) => j.id) }, claimedBy: o.token },
      data: { status: JOB_STATUS.failed, doneAt: o.now, lastError: `Given up after ${MAX_ATTEMPTS} claims that never completed` },
    });
    console.error(`[${o.name ?? "jobs"}] gave up ${worn.length} job(s) whose claimants kept dying: ${worn.map((j) => j.id).join(", ")}`);
  }
  return [...claimed, ...reclaimed.filter((j) => j.attempts <= MAX_ATTEMPTS)];
}

const JOB_DATES = ["dueAt", "claimedAt", "doneAt"];

/**
 * claimDue for the due jobs of some engagements (the engine firing the first steps of the
 * engagements a request just started, before it answers), as one fixed statement in the hot
 * writer's transaction: the same conditional claim (a job still PENDING when the UPDATE reaches
 * it; on PostgreSQL the condition is checked again after a concurrent claimant commits), with no
 * look for expired claims, which the scheduler's own ticks make.
 */
export async function claimDueOf(writer: HotWriter, o: Claim & { limit: number; queue: JobQueue; engagementIds: string[] }): Promise<JobRow[]> {
  if (!o.engagementIds.length) return [];
  // NOT IN the other statuses inside: see PENDING_ONLY (job.ts); the outer condition is what
  // PostgreSQL checks again on a row another claimant changed meanwhile.
  const q = new HotSql()
    .sql(`UPDATE "EngineJob" SET "status" = ?, "claimedBy" = ?, "claimedAt" = ?, "attempts" = "attempts" + 1
           WHERE "status" = ? AND "id" IN (SELECT "id" FROM "EngineJob" WHERE `, JOB_STATUS.running, o.token, o.now, JOB_STATUS.pending)
    .in(`"engagementId"`, o.engagementIds)
    .sql(` AND "queue" = ? AND "status" NOT IN (${PENDING_ONLY.notIn.map(() => "?").join(", ")})`, o.queue, ...PENDING_ONLY.notIn)
    .sql(` AND "dueAt" <= ? ORDER BY "dueAt" LIMIT ?) RETURNING *`, o.now, o.limit);
  const rows = await writer.transaction((tx) => tx.all<JobRow>(q.query("jobs.claimDueOf", { dates: JOB_DATES }), q.params));
  return rows.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Gives a claimed job back after an unexpected failure (not a failure the domain records as an
 * outcome of the job): due again after a pause, or FAILED once it has used its attempts.
 */
export async function releaseJob(db: Db, job: JobRow, token: string, now: Date, error: unknown): Promise<void> {
  const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
  const giveUp = job.attempts >= MAX_ATTEMPTS;
  await db.engineJob.updateMany({
    where: { id: job.id, status: JOB_STATUS.running, claimedBy: token },
    data: giveUp
      ? { status: JOB_STATUS.failed, doneAt: now, lastError }
      : { status: JOB_STATUS.pending, claimedBy: null, claimedAt: null, dueAt: new Date(now.getTime() + 15_000 * job.attempts), lastError },
  });
}

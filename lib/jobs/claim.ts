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
// The statements are fixed (lib/db/hot-reader.ts): which jobs are due is read through the hot
// reader (committed rows, no lock, so an idle tick writes nothing), and the claim is one
// `UPDATE … RETURNING` of those ids (a statement of the hot writer: atomic by itself).
import type { Db } from "@/lib/db/client";
import { hotReader, HotSql } from "@/lib/db/hot-reader";
import { hotWriter } from "@/lib/db/hot-writer";
import { JOB_STATUS, PENDING_ONLY, scopeSql, type JobRow, type JobScope } from "./job";

export const LEASE_MS = 60_000;

/** A job claimed this many times without completing is given up (FAILED), not retried forever. */
export const MAX_ATTEMPTS = 5;

/** What a claimant holds a batch by: the batch's time, its token, and the lease it was taken for. */
export type Claim = { now: Date; token: string; leaseMs?: number };

export type ClaimOptions = Claim & {
  limit: number;
  /** Only jobs matching these (a domain's own jobs; a caller firing the jobs it just created at once). */
  scope?: JobScope | JobScope[];
  /** Also look for claims whose lease ran out (a tick does once, not on every batch). */
  expired?: boolean;
  /** Names the claimant's domain in log lines ("[name] ..."). */
  name?: string;
};

const JOB_DATES = ["dueAt", "claimedAt", "doneAt"];

const byDue = (a: JobRow, b: JobRow) => a.dueAt.getTime() - b.dueAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The ids a statement picks, read through the hot reader. */
async function pick(db: Db, q: HotSql, name: string): Promise<string[]> {
  return (await hotReader(db).all<{ id: string }>(q.query(name), q.params)).map((r) => r.id);
}

/** A claim's UPDATE up to its WHERE: the rows it reaches become this claim's. */
const claimUpdate = (o: Pick<Claim, "now" | "token">) =>
  new HotSql().sql(`UPDATE "EngineJob" SET "status" = ?, "claimedBy" = ?, "claimedAt" = ?, "attempts" = "attempts" + 1 WHERE `, JOB_STATUS.running, o.token, o.now);

/** Runs a claim's UPDATE … RETURNING *, one statement; the rows it moved, oldest due first. */
async function runClaim(db: Db, q: HotSql, name: string): Promise<JobRow[]> {
  const rows = await hotWriter(db).statement((tx) => tx.all<JobRow>(q.query(name, { dates: JOB_DATES }), q.params));
  return rows.sort(byDue);
}

/**
 * The conditional UPDATE of these ids (`still`: the condition each must still meet when the
 * UPDATE reaches it), returning the rows it moved, oldest due first.
 */
async function claimIds(db: Db, o: Claim, ids: string[], still: (q: HotSql) => HotSql, name: string): Promise<JobRow[]> {
  if (!ids.length) return [];
  return runClaim(db, still(claimUpdate(o).in(`"id"`, ids, { oneStatement: true })).sql(` RETURNING *`), name);
}

// NOT IN the other statuses rather than = PENDING where the ids (or the caller's engagements)
// are the selective key: see PENDING_ONLY (job.ts).
const pendingOnly = (q: HotSql) => q.sql(` AND "status" NOT IN (${PENDING_ONLY.notIn.map(() => "?").join(", ")})`, ...PENDING_ONLY.notIn);

/**
 * The due jobs of a caller's own engagements, claimed in one statement: the caller (fireNow) has
 * just made some due, so there is no idle case to keep free of writes, and the read and the claim
 * are one round trip.
 */
function claimEngagements(db: Db, o: ClaimOptions, scopes: JobScope[]): Promise<JobRow[]> {
  return runClaim(db, claimEngagementsSql(o, scopes), "jobs.claimEngagements");
}

/** claimEngagements' statement (exported for the test that reads SQLite's plan of it). */
export function claimEngagementsSql(o: Pick<ClaimOptions, "now" | "token" | "limit">, scopes: JobScope[]): HotSql {
  const q = claimUpdate(o).sql(`"id" IN (SELECT "id" FROM "EngineJob" WHERE "dueAt" <= ?`, o.now);
  pendingOnly(scopeSql(q, scopes)).sql(` ORDER BY "dueAt", "id" LIMIT ?)`, o.limit);
  return pendingOnly(q).sql(` RETURNING *`);
}

export async function claimDue(db: Db, o: ClaimOptions): Promise<JobRow[]> {
  const scopes = [o.scope ?? []].flat();
  const byEngagement = scopes.some((s) => s.engagementIds);
  const due = () =>
    scopeSql(new HotSql().sql(`SELECT "id" FROM "EngineJob" WHERE "dueAt" <= ?`, o.now), scopes).sql(` AND "status" = ? ORDER BY "dueAt", "id" LIMIT ?`, JOB_STATUS.pending, o.limit);
  const claimed = byEngagement ? await claimEngagements(db, o, scopes) : await claimIds(db, o, await pick(db, due(), "jobs.due"), pendingOnly, "jobs.claim");
  if (claimed.length >= o.limit || o.expired === false) return claimed;

  // Jobs whose claimant stopped answering: RUNNING with a claim older than the lease.
  const expired = new Date(o.now.getTime() - (o.leaseMs ?? LEASE_MS));
  const stale = scopeSql(new HotSql().sql(`SELECT "id" FROM "EngineJob" WHERE "status" = ? AND "claimedAt" < ?`, JOB_STATUS.running, expired), scopes).sql(
    ` ORDER BY "dueAt", "id" LIMIT ?`,
    o.limit - claimed.length,
  );
  const reclaimed = await claimIds(
    db,
    o,
    await pick(db, stale, "jobs.expired"),
    (q) => q.sql(` AND "status" = ? AND "claimedAt" < ?`, JOB_STATUS.running, expired),
    "jobs.reclaim",
  );
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

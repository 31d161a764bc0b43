// A job is an EngineJob row with a kind, a JSON payload and a due time. Its status walks
// PENDING → RUNNING (claimed, claim.ts) → DONE (completed, complete.ts), or ends CANCELLED or FAILED.
import type { EngineJobModel } from "@/lib/db/generated/sqlite/models";
import type { HotSql } from "@/lib/db/hot-reader";

export const JOB_STATUS = {
  pending: "PENDING",
  running: "RUNNING",
  done: "DONE",
  /** Called off by its domain before it was due: there was nothing left for it to do. */
  cancelled: "CANCELLED",
  /** Given up: its claimants kept failing (see claim.ts, MAX_ATTEMPTS). */
  failed: "FAILED",
} as const;

/**
 * "status = PENDING", for conditions that also name a more selective key (a job id list, a key of
 * the caller's own). Written as NOT IN the other statuses because SQLite, which keeps no
 * statistics here, would otherwise walk the (status, dueAt) index over every pending job in the
 * table instead of the id or the caller's index (measured with scripts/bench-engine: 12 ms instead
 * of 2 ms per claim). Equivalent, since the status only ever takes JOB_STATUS values.
 */
export const PENDING_ONLY = { notIn: Object.values(JOB_STATUS).filter((s) => s !== JOB_STATUS.pending) };

/**
 * The job table's queues: each runner claims only its own (EngineJob.queue), so a domain's jobs are
 * never fired by another domain's runner as kinds it doesn't know.
 */
export const JOB_QUEUE = {
  /** The engagement engine's (lib/im/local/engine): every row has its engagementId. */
  engine: "ENGINE",
  /** Alert intake's (lib/console/alerts): processing received alerts, retention. */
  alerts: "ALERTS",
} as const;
export type JobQueue = (typeof JOB_QUEUE)[keyof typeof JOB_QUEUE];

export type JobRow = EngineJobModel;

/**
 * Which jobs a caller means, as conditions on its own columns: its queue, kinds, engagements. The
 * claim's columns are the runner's own conditions. Every field given must hold.
 */
export type JobScope = { queue?: JobQueue; kinds?: readonly string[]; engagementIds?: readonly string[] };

/** Both scopes (either may be absent); the conditions of one are never dropped for the other's. */
export function bothScopes(a: JobScope | undefined, b: JobScope | undefined): JobScope[] {
  return [a, b].filter((s): s is JobScope => s !== undefined);
}

/**
 * Appends the scopes' conditions (` AND …`) to a statement on EngineJob. With engagements among
 * them, the queue's condition is an expression (`"queue" || ''`), which no index serves: SQLite,
 * keeping no statistics, would otherwise walk the (queue, status, dueAt) index over every job of
 * the queue, done ones included, rather than the engagements' index (EXPLAIN QUERY PLAN).
 */
export function scopeSql(q: HotSql, scopes: readonly JobScope[]): HotSql {
  const byEngagement = scopes.some((s) => s.engagementIds);
  for (const s of scopes) {
    if (s.queue !== undefined) q.sql(byEngagement ? ` AND ("queue" || '') = ?` : ` AND "queue" = ?`, s.queue);
    if (s.kinds) q.sql(` AND `).in(`"kind"`, s.kinds);
    if (s.engagementIds) q.sql(` AND `).in(`"engagementId"`, s.engagementIds);
  }
  return q;
}

export function payloadOf<T>(job: Pick<JobRow, "payload">): T {
  return JSON.parse(job.payload) as T;
}

// One scheduler step: claim the jobs due at `now` and fire them, a batch at a time, until none are
// due. Jobs that fire may create others due at once, and the loop picks those up in the same tick.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { claimDue, type Claim } from "./claim";
import { bothScopes, type JobRow, type JobScope } from "./job";

/** Identifies this process in claim tokens (EngineJob.claimedBy), for whoever reads the table. */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export type FireResult = {
  completed: number;
  released: number;
  /** false when firing created no job that may be due at once: a batch smaller than the limit then ends the tick without another look. */
  more?: boolean;
};

/**
 * Fires a claimed batch: does each job's work, completes the jobs it finished with completeClaimed
 * in the transaction that writes their effects, and gives back (releaseJob) those that failed
 * unexpectedly.
 */
export type FireJobs = (jobs: JobRow[], claim: Claim) => Promise<FireResult>;

/** A domain's jobs on the job table, and how to fire them. */
export type JobRunner = {
  /** Names the domain in log lines ("[name] ..."). */
  name: string;
  db: Db;
  clock: { now(): Date };
  /** Which rows of the table are this domain's; every row when absent. */
  scope?: JobScope;
  fire: FireJobs;
};

export type TickOptions = {
  /** The time to fire at; the runner's clock by default. */
  now?: Date;
  /** Jobs claimed and fired together. */
  batchSize?: number;
  /** Upper bound on batches per tick, so one tick can't run forever under a flood. */
  maxBatches?: number;
  leaseMs?: number;
  /** Only these of the runner's jobs (a caller firing the jobs it just created, at once). */
  where?: JobScope;
  instanceId?: string;
  /** Whether the first batch also looks for claims whose lease ran out (default true; a caller firing its own new jobs leaves that to the scheduler). */
  expired?: boolean;
};

export type TickResult = { claimed: number; completed: number; released: number; batches: number; ms: number };

export async function tickJobs(runner: JobRunner, o: TickOptions = {}): Promise<TickResult> {
  const started = performance.now();
  const batchSize = o.batchSize ?? 250;
  const scope = bothScopes(runner.scope, o.where);
  const result: TickResult = { claimed: 0, completed: 0, released: 0, batches: 0, ms: 0 };
  for (let i = 0; i < (o.maxBatches ?? 50); i++) {
    const now = o.now ?? runner.clock.now();
    const token = `${o.instanceId ?? INSTANCE_ID}/${randomUUID()}`;
    const jobs = await claimDue(runner.db, { now, token, limit: batchSize, leaseMs: o.leaseMs, scope, expired: i === 0 && o.expired !== false, name: runner.name });
    if (!jobs.length) break;
    const fired = await runner.fire(jobs, { now, token, leaseMs: o.leaseMs });
    result.claimed += jobs.length;
    result.completed += fired.completed;
    result.released += fired.released;
    result.batches++;
    if (fired.more === false && jobs.length < batchSize) break;
  }
  result.ms = performance.now() - started;
  return result;
}

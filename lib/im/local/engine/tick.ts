// One scheduler step: claim the jobs due at `now` and fire them, a batch at a time, until none are
// due. Steps that fire create others due at once (an escalation stage's pages, their first
// deliveries), and the loop picks those up in the same tick.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { claimDue } from "./claim";
import type { EngineContext } from "./context";
import { fireJobs } from "./fire";

/** Identifies this process in claim tokens (EngineJob.claimedBy), for whoever reads the table. */
export const INSTANCE_ID = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

export type TickOptions = {
  /** The time to fire at; the context's clock by default. */
  now?: Date;
  /** Jobs claimed and fired together. */
  batchSize?: number;
  /** Upper bound on batches per tick, so one tick can't run forever under a flood. */
  maxBatches?: number;
  leaseMs?: number;
  /** Only these engagements' jobs (StartEngagement and StartIncident fire their first steps at once). */
  engagementIds?: string[];
  instanceId?: string;
};

export type TickResult = { claimed: number; completed: number; released: number; batches: number; ms: number };

export async function tick(ctx: EngineContext, o: TickOptions = {}): Promise<TickResult> {
  const started = performance.now();
  const batchSize = o.batchSize ?? 250;
  const result: TickResult = { claimed: 0, completed: 0, released: 0, batches: 0, ms: 0 };
  for (let i = 0; i < (o.maxBatches ?? 50); i++) {
    const now = o.now ?? ctx.clock.now();
    const token = `${o.instanceId ?? INSTANCE_ID}/${randomUUID()}`;
    const jobs = await claimDue(ctx.db, { now, token, limit: batchSize, leaseMs: o.leaseMs, engagementIds: o.engagementIds, expired: i === 0 });
    if (!jobs.length) break;
    const fired = await fireJobs(ctx, jobs, { now, token, leaseMs: o.leaseMs });
    result.claimed += jobs.length;
    result.completed += fired.completed;
    result.released += fired.released;
    result.batches++;
  }
  result.ms = performance.now() - started;
  return result;
}

/**
 * Fires the steps of these engagements that are due now (their first stage), right after the
 * transaction that created them. Best effort: a failure here is logged and the scheduler fires
 * the same steps on its next tick.
 */
export async function fireNow(ctx: EngineContext, engagementIds: string[]): Promise<void> {
  if (!engagementIds.length) return;
  try {
    await tick(ctx, { engagementIds, maxBatches: 10 });
  } catch (e) {
    console.error("[engine] the first steps of an engagement failed; the scheduler will retry them", e);
  }
}

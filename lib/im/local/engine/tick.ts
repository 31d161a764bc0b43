// The engine's jobs as a lib/jobs runner, and its tick: claim the jobs due at `now` and fire them,
// a batch at a time, until none are due (lib/jobs, tickJobs). Steps that fire create others due at
// once (an escalation stage's pages, their first deliveries), and the loop picks those up in the
// same tick.
import { JOB_QUEUE, tickJobs, type JobRunner, type TickOptions as JobTickOptions, type TickResult } from "@/lib/jobs";
import type { EngineContext } from "./context";
import { fireJobs } from "./fire";
import { RUNNER_NAME } from "./jobs";

/** The engine's jobs: its queue of the job table (lib/jobs; other domains have queues of their own). */
export function engineJobs(ctx: EngineContext): JobRunner {
  return { name: RUNNER_NAME, db: ctx.db, clock: ctx.clock, scope: { queue: JOB_QUEUE.engine }, fire: (jobs, claim) => fireJobs(ctx, jobs, claim) };
}

export type TickOptions = Omit<JobTickOptions, "where" | "expired"> & {
  /** Only these engagements' jobs (StartEngagement and StartIncident fire their first steps at once). */
  engagementIds?: string[];
};

export function tick(ctx: EngineContext, { engagementIds, ...o }: TickOptions = {}): Promise<TickResult> {
  // Named engagements' steps (fireNow's) leave expired claims to the scheduler's own ticks.
  return tickJobs(engineJobs(ctx), { ...o, ...(engagementIds ? { where: { engagementIds }, expired: false } : {}) });
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

// The ALERTS queue's runner (lib/jobs): the processing of received alerts (./process.ts) and the
// hourly retention (./retention.ts), claimed only from its own queue of the job table. Tests tick it
// directly (tickAlerts); a console process runs its scheduler (./start.ts), which the intake wakes
// after each stored delivery, so an alert is settled within milliseconds of its 202 — and at the
// latest on the scheduler's next tick, every second, when it was stored by another instance.
import "server-only";
import { JOB_QUEUE, nextDueAt, startJobScheduler, tickJobs, type JobRunner, type Scheduler, type SchedulerOptions, type TickOptions, type TickResult } from "@/lib/jobs";
import { fireAlertJobs, RUNNER_NAME, type AlertProcessing } from "./process";
import { ensureRetentionJob } from "./retention";

export function alertJobs(ctx: AlertProcessing): JobRunner {
  return { name: RUNNER_NAME, db: ctx.db, clock: ctx.clock, scope: { queue: JOB_QUEUE.alerts }, fire: (jobs, claim) => fireAlertJobs(ctx, jobs, claim) };
}

/** Claims and fires the ALERTS jobs due now (or at `o.now`), batch after batch. */
export function tickAlerts(ctx: AlertProcessing, o: Omit<TickOptions, "where"> = {}): Promise<TickResult> {
  return tickJobs(alertJobs(ctx), o);
}

/**
 * The ALERTS queue's lease: a batch settles in well under a second, so a console that died holding
 * one (kill -9, a lost machine) delays its alerts by this much rather than lib/jobs' default minute.
 * A batch that outlives it is safe all the same: another runner takes it over, StartIncident's
 * clientToken (the group's id) returns the same incident, and only one claim writes the outcomes.
 */
export const ALERT_LEASE_MS = 15_000;

export type AlertSchedulerOptions = Pick<SchedulerOptions, "intervalMs" | "onError" | "onTick"> & Pick<TickOptions, "batchSize" | "leaseMs" | "instanceId">;

/** The process's loop over the ALERTS queue, with the retention job scheduled. */
export function startAlertScheduler(ctx: AlertProcessing, o: AlertSchedulerOptions = {}): Scheduler {
  const { batchSize, leaseMs = ALERT_LEASE_MS, instanceId, ...loop } = o;
  const jobs = alertJobs(ctx);
  const scheduler = startJobScheduler({
    ...loop,
    name: RUNNER_NAME,
    clock: ctx.clock,
    tick: () => tickJobs(jobs, { batchSize, leaseMs, instanceId }),
    nextDueAt: () => nextDueAt(ctx.db, jobs.scope),
  });
  ensureRetentionJob(ctx.db, ctx.clock.now()).then(
    () => scheduler.wake(),
    (e: unknown) => console.error(`[${RUNNER_NAME}] could not schedule the alert retention; it is tried again at the next start`, e),
  );
  return scheduler;
}

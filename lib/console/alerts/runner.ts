// The ALERTS queue's runner (lib/jobs): the processing of received alerts (./process.ts) and the
// hourly retention (./retention.ts), claimed only from its own queue of the job table. Tests tick it
// directly (tickAlerts); a console process runs its scheduler (./start.ts), which the intake wakes
// after each stored delivery, so an alert is settled within a fraction of a second of its 202 — and
// at the latest on the scheduler's next tick, every second, when another instance stored it.
//
// Under a storm the wakes are coalesced: a tick starts at most every COALESCE_MS, so it settles the
// alerts of many deliveries in one batch (one claim, one write) instead of each on its own, and the
// intake's own transactions — on SQLite, one connection shared with this loop — don't queue behind
// a stream of one-alert ticks.
import "server-only";
import { JOB_QUEUE, nextDueAt, startJobScheduler, tickJobs, type JobRunner, type Scheduler, type SchedulerOptions, type TickOptions, type TickResult } from "@/lib/jobs";
import { fireAlertJobs, RUNNER_NAME, type AlertProcessing } from "./process";
import { ensureRetentionJob } from "./retention";

/** The shortest time between two ticks of the process's alert scheduler. */
export const COALESCE_MS = 100;

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

export type AlertSchedulerOptions = Pick<SchedulerOptions, "intervalMs" | "onError" | "onTick"> &
  Pick<TickOptions, "batchSize" | "leaseMs" | "instanceId"> & {
    /** The shortest time between two ticks (COALESCE_MS). */
    coalesceMs?: number;
  };

/** The process's loop over the ALERTS queue, with the retention job scheduled. */
export function startAlertScheduler(ctx: AlertProcessing, o: AlertSchedulerOptions = {}): Scheduler {
  const { batchSize, leaseMs = ALERT_LEASE_MS, instanceId, coalesceMs = COALESCE_MS, ...loop } = o;
  const jobs = alertJobs(ctx);
  let lastTick = 0;
  const scheduler = startJobScheduler({
    ...loop,
    name: RUNNER_NAME,
    clock: ctx.clock,
    tick: () => {
      lastTick = Date.now();
      return tickJobs(jobs, { batchSize, leaseMs, instanceId });
    },
    // Work due at once waits for the gap after the last tick: what arrives meanwhile joins it.
    nextDueAt: async () => {
      const due = await nextDueAt(ctx.db, jobs.scope);
      return due && new Date(Math.max(due.getTime(), ctx.clock.now().getTime() + Math.max(0, lastTick + coalesceMs - Date.now())));
    },
  });
  let waking: NodeJS.Timeout | undefined;
  const coalesced: Scheduler = {
    wake() {
      if (waking) return;
      waking = setTimeout(
        () => {
          waking = undefined;
          scheduler.wake();
        },
        Math.max(0, lastTick + coalesceMs - Date.now()),
      );
      waking.unref();
    },
    async stop() {
      clearTimeout(waking);
      await scheduler.stop();
    },
  };
  ensureRetentionJob(ctx.db, ctx.clock.now()).then(
    () => coalesced.wake(),
    (e: unknown) => console.error(`[${RUNNER_NAME}] could not schedule the alert retention; it is tried again at the next start`, e),
  );
  return coalesced;
}

// The engine's scheduler loop in a console process (local mode; started by lib/bootstrap/start.ts):
// the lib/jobs loop over the engine's jobs. It ticks at least every second, and sooner when the
// next step is due, so a stage fires within milliseconds of its due time (lib/jobs/scheduler.ts).
import { nextDueAt, startJobScheduler, tickJobs, type Scheduler, type SchedulerOptions as JobSchedulerOptions } from "@/lib/jobs";
import type { EngineContext } from "./context";
import { engineJobs, type TickOptions } from "./tick";

export type SchedulerOptions = Pick<TickOptions, "batchSize" | "leaseMs" | "instanceId"> & Pick<JobSchedulerOptions, "intervalMs" | "onError" | "onTick">;

export function startScheduler(ctx: EngineContext, o: SchedulerOptions = {}): Scheduler {
  const { batchSize, leaseMs, instanceId, ...loop } = o;
  const jobs = engineJobs(ctx);
  return startJobScheduler({
    ...loop,
    name: jobs.name,
    clock: jobs.clock,
    tick: () => tickJobs(jobs, { batchSize, leaseMs, instanceId }),
    nextDueAt: () => nextDueAt(jobs.db, jobs.scope),
  });
}

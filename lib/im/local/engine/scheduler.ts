// The scheduler loop of a console process (local mode; started by lib/bootstrap.ts). It ticks at
// least every second — that is how it notices jobs other console instances created — and sooner
// when the next job it knows of is due sooner, so a stage fires within milliseconds of its due
// time rather than up to a second late. The timer is only a wake-up: every step lives in the
// database, so stopping or killing the process loses nothing (claim.ts).
import { JOB_STATUS } from "./jobs";
import type { EngineContext } from "./context";
import { tick, type TickOptions, type TickResult } from "./tick";

export type Scheduler = {
  /** Stops ticking and waits for a tick in progress to finish. */
  stop(): Promise<void>;
  /** Ticks now (the console calls it after creating due work). */
  wake(): void;
};

export type SchedulerOptions = Pick<TickOptions, "batchSize" | "leaseMs" | "instanceId"> & {
  /** The longest wait between ticks. */
  intervalMs?: number;
  onError?: (e: unknown) => void;
  /** Called after each tick that fired something (monitoring, the bench). */
  onTick?: (result: TickResult) => void;
};

export function startScheduler(ctx: EngineContext, o: SchedulerOptions = {}): Scheduler {
  const intervalMs = o.intervalMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const nextDelay = async (): Promise<number> => {
    const next = await ctx.db.engineJob.findFirst({ where: { status: JOB_STATUS.pending }, orderBy: { dueAt: "asc" }, select: { dueAt: true } });
    if (!next) return intervalMs;
    return Math.min(intervalMs, Math.max(0, next.dueAt.getTime() - ctx.clock.now().getTime()));
  };

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, ms);
    // Never keeps the process alive on its own.
    timer.unref();
  };

  const run = () => {
    if (stopped || running) return;
    running = (async () => {
      let delay = intervalMs;
      try {
        const result = await tick(ctx, o);
        if (result.claimed) o.onTick?.(result);
        delay = await nextDelay();
      } catch (e) {
        (o.onError ?? ((err) => console.error("[engine] scheduler tick failed", err)))(e);
      } finally {
        running = undefined;
        schedule(delay);
      }
    })();
  };

  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    wake() {
      if (!running) schedule(0);
    },
  };
}

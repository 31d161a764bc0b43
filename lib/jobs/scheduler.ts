// The scheduler loop of a console process (started by lib/bootstrap). It ticks at least every
// second — that is how it notices jobs other console instances created — and sooner when the next
// job it knows of is due sooner, so a job fires within milliseconds of its due time rather than up
// to a second late. The timer is only a wake-up: every job lives in the database, so stopping or
// killing the process loses nothing (claim.ts).
import type { Db } from "@/lib/db/client";
import { hotReader, HotSql } from "@/lib/db/hot-reader";
import { JOB_STATUS, scopeSql, type JobScope } from "./job";
import type { TickResult } from "./tick";

export type Scheduler = {
  /** Stops ticking and waits for a tick in progress to finish. */
  stop(): Promise<void>;
  /** Ticks now (the console calls it after creating due work). */
  wake(): void;
};

export type SchedulerOptions = {
  /** Names the loop in log lines ("[name] ..."). */
  name: string;
  clock: { now(): Date };
  /** What one tick does: tickJobs of a runner, or of several. */
  tick: () => Promise<TickResult>;
  /** The earliest due time of a pending job the ticks fire (nextDueAt); undefined when none is. */
  nextDueAt: () => Promise<Date | undefined>;
  /** The longest wait between ticks. */
  intervalMs?: number;
  onError?: (e: unknown) => void;
  /** Called after each tick that fired something (monitoring, the bench). */
  onTick?: (result: TickResult) => void;
};

/** When the next pending job (of `scope`) is due: a hot read (lib/db/hot-reader.ts), as the loop asks after every tick. */
export async function nextDueAt(db: Db, scope?: JobScope): Promise<Date | undefined> {
  const q = scopeSql(new HotSql().sql(`SELECT "dueAt" FROM "EngineJob" WHERE "status" = ?`, JOB_STATUS.pending), scope ? [scope] : []).sql(` ORDER BY "dueAt" LIMIT 1`);
  return (await hotReader(db).get<{ dueAt: Date }>(q.query("jobs.nextDueAt", { dates: ["dueAt"] }), q.params))?.dueAt;
}

export function startJobScheduler(o: SchedulerOptions): Scheduler {
  const intervalMs = o.intervalMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const nextDelay = async (): Promise<number> => {
    const next = await o.nextDueAt();
    if (!next) return intervalMs;
    return Math.min(intervalMs, Math.max(0, next.getTime() - o.clock.now().getTime()));
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
        const result = await o.tick();
        if (result.claimed) o.onTick?.(result);
        delay = await nextDelay();
      } catch (e) {
        (o.onError ?? ((err) => console.error(`[${o.name}] scheduler tick failed`, err)))(e);
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

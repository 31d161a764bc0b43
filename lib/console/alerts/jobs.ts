// Alert intake's durable jobs, in the ALERTS queue of the job table (lib/jobs): the intake writes
// its alerts and one PROCESS job in the transaction that answers 202, so an alert answered 202 is
// processed even if the process dies right after; RETENTION deletes alerts past their keep time.
// The processing itself (./process.ts) is the ALERTS runner's fire function.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { insertMany } from "@/lib/db/insert-many";
import { JOB_QUEUE, JOB_STATUS } from "@/lib/jobs";

export const ALERT_JOB_KIND = {
  /** Settles the outcome of the alerts of one delivery, in the order they were received. */
  process: "ALERT_PROCESS",
  /** Deletes alerts (and resolved groups) older than the retention. */
  retention: "ALERT_RETENTION",
} as const;

export type ProcessPayload = { alertIds: string[] };

/** In the intake's transaction: the job that processes these alerts, due now. */
export async function enqueueProcessing(tx: Tx, alertIds: string[], now: Date): Promise<void> {
  const payload: ProcessPayload = { alertIds };
  // One plain INSERT (lib/db/insert-many.ts: a fifth of Prisma's create on the intake's hot path).
  await insertMany(tx, "EngineJob", JOB_COLUMNS, [
    { id: randomUUID(), queue: JOB_QUEUE.alerts, kind: ALERT_JOB_KIND.process, payload: JSON.stringify(payload), dueAt: now, status: JOB_STATUS.pending, attempts: 0 },
  ]);
}

const JOB_COLUMNS = ["id", "queue", "kind", "payload", "dueAt", "status", "attempts"] as const;

// On globalThis: the production server (server/main.ts, bundled by esbuild) and Next's bundle each
// have their own copy of this module in one process, and the intake may run in either.
const hooks = globalThis as unknown as { imAlertJobsWake?: () => void; imAlertsReceived?: () => void };

/** The process's alert scheduler registers how to wake it (./start.ts); undefined unregisters. */
export function onAlertJobs(wakeUp: (() => void) | undefined): void {
  hooks.imAlertJobsWake = wakeUp;
}

/** The process registers how an accepted delivery is announced (the live bus's "AlertsReceived"). */
export function onAlertsReceived(announce: (() => void) | undefined): void {
  hooks.imAlertsReceived = announce;
}

/** After the intake's commit: process now rather than at the scheduler's next tick. */
export function wakeAlertProcessing(): void {
  hooks.imAlertJobsWake?.();
}

/** After the intake's commit: consoles showing the Alerts page refetch. */
export function announceAlertsReceived(): void {
  hooks.imAlertsReceived?.();
}

// The alert processing of a console process (local mode): the ALERTS queue's scheduler, started once
// per process after lib/bootstrap's start-up (instrumentation.ts calls it; in the production server
// Next runs that hook before the first request), woken by each delivery the intake stores here and,
// through PostgreSQL's live bus, by those stored by other instances. Its batches publish
// "console-alerts" AlertsSettled, the intake's deliveries AlertsReceived, so Alerts pages refetch.
// It stops with the process's services (lib/bootstrap closeServices), before the database closes.
// aws mode has no alert intake: nothing starts.
import "server-only";
import { services, stopWithServices } from "@/lib/bootstrap";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { Scheduler } from "@/lib/jobs";
import { liveBus } from "@/lib/live";
import { onAlertJobs, onAlertsReceived } from "./jobs";
import { startAlertScheduler } from "./runner";

// On globalThis, as the engine's: a dev-server reload, or the other bundle of this process, finds it.
const globalForAlerts = globalThis as unknown as { imAlertScheduler?: Scheduler };

const systemClock = { now: () => new Date() };

/** Starts the process's alert processing once (local mode only); later calls do nothing. */
export function startAlertProcessing(): void {
  const cfg = config();
  if (cfg.backend !== "local" || globalForAlerts.imAlertScheduler) return;
  const publish = (operation: "AlertsReceived" | "AlertsSettled") => liveBus().publish({ service: "console-alerts", operation, at: Date.now() });
  const scheduler = startAlertScheduler({
    db: db(),
    clock: systemClock,
    accountId: cfg.accountId,
    services,
    retentionDays: cfg.alertRetentionDays,
    onSettled: () => publish("AlertsSettled"),
  });
  globalForAlerts.imAlertScheduler = scheduler;
  onAlertJobs(() => scheduler.wake());
  onAlertsReceived(() => publish("AlertsReceived"));
  // Another instance's deliveries (PostgreSQL's bus): settled now rather than at the next tick.
  const unsubscribe = liveBus().subscribe((event) => {
    if (event.service === "console-alerts" && event.operation === "AlertsReceived") scheduler.wake();
  });
  stopWithServices("alert processing", async () => {
    onAlertJobs(undefined);
    onAlertsReceived(undefined);
    unsubscribe();
    globalForAlerts.imAlertScheduler = undefined;
    await scheduler.stop();
  });
}

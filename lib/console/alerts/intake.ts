// The intake's core: one delivery to an authenticated integration becomes Alert rows and their
// processing job, written in one transaction — the point at which the HTTP intake answers 202 (and
// the console's "Send test alert" says "sent"). Nothing is decided here about incidents: the
// processing job (./process) settles each alert's outcome, so a process that dies right after the
// commit loses nothing, and the answer never waits for StartIncident.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import type { AlertIntegrationModel } from "@/lib/db/generated/sqlite/models";
import { insertMany } from "@/lib/db/insert-many";
import { announceAlertsReceived, enqueueProcessing, wakeAlertProcessing } from "./jobs";
import { parseDelivery } from "./kinds";
import type { AlertKind } from "./normalized";

export type AcceptedDelivery = { alertIds: string[]; fingerprints: string[] };

const ALERT_COLUMNS = ["id", "integrationId", "receivedAt", "kind", "payload", "fingerprint", "status", "title", "outcome"] as const;

/**
 * Stores the alerts of one delivery to an already authenticated integration, with their processing
 * job, in one transaction (the 202 point), then wakes the processing and announces the delivery on
 * the live bus ("console-alerts" AlertsReceived, when the process registered it). Throws UnreadablePayload for a
 * body its kind cannot read, changing nothing. A delivery of no alerts (an Alertmanager group with
 * an empty `alerts`) stores nothing and is no error.
 */
export async function acceptDelivery(db: Db, integration: AlertIntegrationModel, body: unknown, now: Date): Promise<AcceptedDelivery> {
  const alerts = parseDelivery(integration.kind as AlertKind, body, now);
  if (alerts.length === 0) return { alertIds: [], fingerprints: [] };
  const rows = alerts.map((alert) => ({
    id: randomUUID(),
    integrationId: integration.id,
    receivedAt: now,
    kind: integration.kind,
    payload: JSON.stringify(alert.raw ?? null),
    fingerprint: alert.fingerprint,
    status: alert.status,
    title: alert.title,
    outcome: "PENDING",
  }));
  const alertIds = rows.map((r) => r.id);
  // Three statements, the integration's counters last: on PostgreSQL that UPDATE takes the row lock
  // every delivery to this integration needs, so it is held only until the commit that follows.
  await db.$transaction(async (tx) => {
    await insertMany(tx, "Alert", ALERT_COLUMNS, rows);
    await enqueueProcessing(tx, alertIds, now);
    await tx.$executeRaw`UPDATE "AlertIntegration" SET "alertCount" = "alertCount" + ${rows.length}, "lastAlertAt" = ${now} WHERE "id" = ${integration.id}`;
  });
  wakeAlertProcessing();
  announceAlertsReceived();
  return { alertIds, fingerprints: alerts.map((a) => a.fingerprint) };
}

// What the console shows of an alert integration (issue 15): the plan page's Integrations list and
// what creating or rotating returns — the token, shown once, never stored (only its SHA-256).
// Client-safe: the Integrations section and the Alerts page's filter import these.
import type { AlertKind } from "@/lib/console/alerts/normalized";

/** Each kind in words, as the kind select and the list say it. */
export const KIND_LABELS: Record<AlertKind, string> = {
  ALERTMANAGER: "Prometheus Alertmanager",
  GRAFANA: "Grafana alerting",
  PAGERDUTY: "PagerDuty Events API v2",
  GENERIC: "Generic JSON",
};

/** The plan page's section says what integrations are for, in local and aws mode alike. */
export const ALERT_INTEGRATIONS_DESCRIPTION =
  "Monitoring tools whose alerts start this plan's incidents: Prometheus Alertmanager, Grafana, PagerDuty-compatible senders, or any JSON.";

export type IntegrationRow = {
  id: string;
  name: string;
  kind: AlertKind;
  responsePlanArn: string;
  /** The console user who added it, by name (their e-mail when the user is gone). */
  createdBy: string;
  createdAt: string;
  tokenRotatedAt: string;
  /** Severity (lower-cased) → impact 1..5; unmapped severities take the plan's impact. */
  severityMap: Record<string, number>;
  autoResolve: boolean;
  lastAlertAt?: string;
  alertCount: number;
  /** Set once revoked: no alert is accepted any more. */
  revokedAt?: string;
  /** The intake URL's path, without the token (the browser adds its origin). */
  ingestionPath: string;
};

/** What create and rotate return: the row, and the token this once. */
export type IntegrationWithToken = { integration: IntegrationRow; token: string };

/** What "Send test alert" returns: the alerts stored (one for every kind), for the Alerts page link. */
export type TestAlertSent = { integrationId: string; alertIds: string[] };

/** An integration as the Alerts page's filter offers it: its name and its plan's. */
export type IntegrationOption = { id: string; name: string; responsePlanName: string; revoked: boolean };

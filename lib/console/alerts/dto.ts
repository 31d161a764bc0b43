// What the Alerts page and the incident page's Alerts tab show of received alerts and alert groups
// (issue 15): names people read (the integration's name, the incident's title), statuses and
// outcomes in words, times as ISO strings. The raw payload is fetched when a row is opened, not
// with the list. Client-safe.
import type { AlertKind, AlertOutcome, AlertStatus } from "./normalized";

export const ALERT_STATUS_LABELS: Record<AlertStatus, string> = {
  FIRING: "Firing",
  RESOLVED: "Resolved",
  ACKNOWLEDGED: "Acknowledged",
};

export const ALERT_OUTCOME_LABELS: Record<AlertOutcome, string> = {
  PENDING: "Processing",
  NEW_INCIDENT: "Started an incident",
  ADDED: "Added to an incident",
  IGNORED: "Ignored",
};

/** An integration as a row names it: its name is what people read, its id what links filter by. */
export type IntegrationRef = { id: string; name: string };

/** The incident an alert went to or a group stands behind; no title when it was deleted since. */
export type IncidentRef = { arn: string; title?: string };

export type AlertRow = {
  id: string;
  receivedAt: string;
  integration: IntegrationRef;
  kind: AlertKind;
  title: string;
  status: AlertStatus;
  outcome: AlertOutcome;
  /** In words: why it was ignored, or what an addition did ("repeat within a minute"). */
  outcomeReason?: string;
  incident?: IncidentRef;
  groupId?: string;
  processedAt?: string;
};

/** One page of the Alerts list, newest first; `nextCursor` fetches the next. */
export type AlertPage = { items: AlertRow[]; nextCursor?: string };

/** An alert's raw payload, pretty-printed (as received when it isn't JSON the console can read back). */
export type AlertPayload = { id: string; payload: string };

export type AlertGroupRow = {
  id: string;
  title: string;
  integration: IntegrationRef;
  /** FIRING or RESOLVED. */
  status: AlertStatus;
  count: number;
  firstSeenAt: string;
  lastSeenAt: string;
  resolvedAt?: string;
};

/** A filter chip's words for an alert group the Alerts page is narrowed to. */
export type AlertGroupLabel = { id: string; title: string; integrationName: string };

/** What an aws-mode console says on the pages and in every refused alert or integration action. */
export const LOCAL_MODE_ONLY = "Alert intake needs local mode: this console runs in aws mode, where incidents start in AWS and no alerts are received here.";

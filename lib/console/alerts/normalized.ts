// What every kind of webhook becomes before it is stored and processed: one NormalizedAlert per
// alert in the delivery (an Alertmanager or Grafana group carries several; the others one). The
// parsers (./kinds) make these from the documented payloads; the intake stores each as an Alert
// row and the processing job (./process) turns it into an incident, a repeat or a resolution.
// Client-safe: no server imports.

export const ALERT_KINDS = ["ALERTMANAGER", "GRAFANA", "PAGERDUTY", "GENERIC"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_STATUSES = ["FIRING", "RESOLVED", "ACKNOWLEDGED"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const ALERT_OUTCOMES = ["PENDING", "NEW_INCIDENT", "ADDED", "IGNORED"] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];

/** A link the alert carries, made a related item of its incident (generator URL, dashboard, panel…). */
export type AlertLink = { title: string; url: string };

export type NormalizedAlert = {
  /** Alertmanager/Grafana `fingerprint`, PagerDuty `dedup_key`, generic `dedupeKey`, else a hash of its labels. */
  fingerprint: string;
  status: AlertStatus;
  /** The incident title it would start (trimmed to the model's limit by the processing job). */
  title: string;
  /** A summary in words for the incident, when the payload has one. */
  summary?: string;
  /** The payload's severity, lower-cased (critical, warning, error, info…), for the integration's severity→impact map. */
  severity?: string;
  /** An impact the payload names directly (generic `impact`, 1..5). */
  impact?: number;
  links: AlertLink[];
  /** triggerDetails.source: reverse-domain style, never beginning with "aws." (e.g. io.prometheus.alertmanager). */
  source: string;
  /** When the alert says it started (or was sent); the receive time when it says nothing. */
  timestamp?: Date;
  /** The JSON kept as this alert's raw payload (for a group: the envelope with just this alert). */
  raw: unknown;
};

/** A delivery the parser could not read: the intake answers 400 with this reason. */
export class UnreadablePayload extends Error {
  override name = "UnreadablePayload";
}

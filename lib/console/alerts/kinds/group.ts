// Alertmanager's webhook body and Grafana Alerting's (a superset of it) carry a group of alerts:
// an envelope (receiver, status, groupKey, common labels…) and `alerts`, each with its own status,
// labels, annotations and times. Each alert becomes one NormalizedAlert, its raw payload the
// envelope with just that alert, so an incident's trigger data shows the alert that started it.
import type { NormalizedAlert } from "../normalized";
import {
  annotationLinkTitle,
  bodyObject,
  boundedFingerprint,
  fitSummary,
  fitTitle,
  isRecord,
  kindOf,
  optionalString,
  optionalTime,
  safeLinks,
  stableHash,
  stringMap,
  unreadable,
  wasCut,
  type JsonObject,
  type LinkCandidate,
} from "./read";

/** One alert of the group, read: what the kind-specific parts (links, summary) work from. */
export type GroupAlert = {
  envelope: JsonObject;
  alert: JsonObject;
  /** "alerts[2]", for messages. */
  path: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
};

export type GroupFormat = {
  /** "Alertmanager", "Grafana": the sender, in words. */
  sender: string;
  /** What the body should be, for the message about a body that isn't an object. */
  format: string;
  /** triggerDetails.source of every alert of this kind. */
  source: string;
  /** Refuses an envelope this kind can't read (a version it doesn't know, a legacy format…). */
  checkEnvelope(envelope: JsonObject): void;
  /** The kind's own links, before the annotations' *_url links. */
  links(a: GroupAlert): LinkCandidate[];
  /** More for the incident summary (Grafana's values). */
  details?(a: GroupAlert): string | undefined;
};

const STATUSES = { firing: "FIRING", resolved: "RESOLVED" } as const;

function groupStatus(value: string | undefined, path: string): "FIRING" | "RESOLVED" | undefined {
  if (value === undefined) return undefined;
  const status = STATUSES[value.trim().toLowerCase() as keyof typeof STATUSES];
  if (!status) unreadable(`"${path}" must be "firing" or "resolved"; got "${value.slice(0, 40)}".`);
  return status;
}

export function parseGroup(body: unknown, receivedAt: Date, format: GroupFormat): NormalizedAlert[] {
  const envelope = bodyObject(body, format.format);
  format.checkEnvelope(envelope);
  const alerts = envelope.alerts;
  if (alerts === undefined || alerts === null) unreadable(`"alerts" is required: ${format.sender} sends its alerts as a list in "alerts".`);
  if (!Array.isArray(alerts)) unreadable(`"alerts" must be a list; got ${kindOf(alerts)}.`);
  if (alerts.length === 0) unreadable(`"alerts" is empty: the delivery carries no alert.`);
  // Early Alertmanagers sent the status on the envelope only: it stands for any alert without one.
  const envelopeStatus = groupStatus(optionalString(envelope, "status", "status"), "status");

  // Array.from visits every index (a sparse array's holes too), so each is checked.
  return Array.from(alerts, (alert: unknown, i): NormalizedAlert => {
    const path = `alerts[${i}]`;
    if (!isRecord(alert)) unreadable(`"${path}" must be an object; got ${kindOf(alert)}.`);
    const status = groupStatus(optionalString(alert, "status", `${path}.status`), `${path}.status`) ?? envelopeStatus;
    if (!status) unreadable(`"${path}.status" is required ("firing" or "resolved").`);
    const labels = stringMap(alert, "labels", `${path}.labels`);
    const annotations = stringMap(alert, "annotations", `${path}.annotations`);
    const a: GroupAlert = { envelope, alert, path, labels, annotations };

    const sent = optionalString(alert, "fingerprint", `${path}.fingerprint`);
    // Without one (older Alertmanagers), the labels identify the alert, as they do in Alertmanager.
    const fingerprint = sent ? boundedFingerprint(sent.trim()) : stableHash(labels);
    const startsAt = optionalTime(alert, "startsAt", `${path}.startsAt`);

    const summaryNote = annotations.summary?.trim() || undefined;
    const title = fitTitle(summaryNote ?? titleFromLabels(labels) ?? `${format.sender} alert ${fingerprint}`);
    const description = annotations.description?.trim() || annotations.message?.trim() || undefined;

    return {
      fingerprint,
      status,
      title,
      summary: fitSummary([
        // The summary annotation is the title; said again only when the title had to cut it.
        summaryNote && wasCut(summaryNote, title) ? summaryNote : undefined,
        description,
        format.details?.(a),
        labelsLine(labels),
      ]),
      severity: labels.severity?.trim().toLowerCase() || undefined,
      links: safeLinks([...format.links(a), ...annotationLinks(annotations)]),
      source: format.source,
      timestamp: startsAt ?? receivedAt,
      raw: { ...envelope, alerts: [alert] },
    };
  });
}

/** "HighLatency on checkout-1:8080 (job checkout-api)": the alert's name and where it fires. */
function titleFromLabels(labels: Record<string, string>): string | undefined {
  const name = labels.alertname?.trim();
  if (!name) return undefined;
  const instance = labels.instance?.trim();
  const job = labels.job?.trim();
  return [name, instance && `on ${instance}`, job && `(job ${job})`].filter(Boolean).join(" ");
}

function labelsLine(labels: Record<string, string>): string | undefined {
  const keys = Object.keys(labels).sort();
  return keys.length ? `Labels: ${keys.map((k) => `${k}=${labels[k]}`).join(", ")}` : undefined;
}

/** The runbook first (what a responder opens first), then any other *_url annotation. */
function annotationLinks(annotations: Record<string, string>): LinkCandidate[] {
  const runbook = (k: string) => Number(/^runbook(_url)?$/i.test(k));
  const keys = Object.keys(annotations)
    .filter((k) => /(^|_)url$/i.test(k) || runbook(k))
    .sort((x, y) => runbook(y) - runbook(x) || x.localeCompare(y));
  return keys.map((k) => ({ title: annotationLinkTitle(k), url: annotations[k] }));
}

/** A string field of the alert or envelope as a link candidate (absent, blank or not a string: no link). */
export function linkField(obj: JsonObject, key: string, title: string): LinkCandidate {
  const value = obj[key];
  return { title, url: typeof value === "string" ? value : undefined };
}

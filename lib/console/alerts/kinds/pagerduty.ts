// PagerDuty Events API v2 alert events (POST /v2/enqueue), so any tool that can page PagerDuty —
// Alertmanager's pagerduty_configs, Grafana's PagerDuty contact point, Datadog, scripts — can
// page this console with only the URL changed. The rules are those of "Send an Alert Event":
// https://developer.pagerduty.com/docs/events-api-v2/trigger-events/
// and a body that breaks them is answered as PagerDuty answers it (400, "invalid event").
import { ALERT_LIMITS } from "../limits";
import { UnreadablePayload, type AlertStatus, type NormalizedAlert } from "../normalized";
import {
  FINGERPRINT_MAX,
  fitLine,
  fitSummary,
  fitTitle,
  isRecord,
  kindOf,
  optionalTime,
  safeLinks,
  stableHash,
  wasCut,
  type JsonObject,
  type LinkCandidate,
} from "./read";

export const PAGERDUTY_SOURCE = "com.pagerduty.events";

export const PAGERDUTY_ACTIONS = ["trigger", "acknowledge", "resolve"] as const;
export const PAGERDUTY_SEVERITIES = ["critical", "error", "warning", "info"] as const;
/** payload.summary's documented maximum ("The maximum permitted length of this property is 1024 characters"). */
export const PAGERDUTY_SUMMARY_MAX = 1024;

const STATUS: Record<(typeof PAGERDUTY_ACTIONS)[number], AlertStatus> = {
  trigger: "FIRING",
  acknowledge: "ACKNOWLEDGED",
  resolve: "RESOLVED",
};

/** An event PagerDuty would refuse; `errors` are the lines of its 400 answer. */
export class InvalidPagerDutyEvent extends UnreadablePayload {
  constructor(readonly errors: string[]) {
    super(`The PagerDuty event is invalid: ${errors.join("; ")}.`);
  }
}

/** PagerDuty's 400 body for an invalid event. */
export function pagerDutyInvalidBody(errors: string[]): { status: "invalid event"; message: "Event object is invalid"; errors: string[] } {
  return { status: "invalid event", message: "Event object is invalid", errors };
}

/** PagerDuty's 202 body: the intake answers it with the alert's fingerprint (its dedup_key, given or generated). */
export function pagerDutyAcceptedBody(dedupKey: string): { status: "success"; message: "Event processed"; dedup_key: string } {
  return { status: "success", message: "Event processed", dedup_key: dedupKey };
}

function blank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

function list(values: readonly string[]): string {
  const quoted = values.map((v) => `'${v}'`);
  return `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1]}`;
}

/**
 * What PagerDuty would refuse in this body, in its words ("'payload.summary' is missing or
 * blank"); empty when the event is valid. The routing key is the console's integration token:
 * its presence is checked here, its value by the intake.
 */
export function pagerDutyEventErrors(body: unknown): string[] {
  if (!isRecord(body)) return [`Event object must be a JSON object; got ${kindOf(body)}`];
  const errors: string[] = [];
  const stringField = (obj: JsonObject, key: string, path: string, required: boolean): string | undefined => {
    const value = obj[key];
    if (blank(value)) {
      if (required) errors.push(`'${path}' is missing or blank`);
      return undefined;
    }
    if (typeof value !== "string") {
      errors.push(`'${path}' must be a string; got ${kindOf(value)}`);
      return undefined;
    }
    return value;
  };

  stringField(body, "routing_key", "routing_key", true);
  const action = stringField(body, "event_action", "event_action", true);
  if (action !== undefined && !PAGERDUTY_ACTIONS.includes(action as never)) {
    errors.push(`'event_action' is invalid (must be one of the following: ${list(PAGERDUTY_ACTIONS)})`);
  }
  const trigger = action === "trigger";
  const dedupKey = stringField(body, "dedup_key", "dedup_key", action === "acknowledge" || action === "resolve");
  if (dedupKey !== undefined && dedupKey.length > FINGERPRINT_MAX) {
    errors.push(`Length of 'dedup_key' is incorrect (should be at most ${FINGERPRINT_MAX} characters)`);
  }
  // The payload is read only for a trigger (acknowledge and resolve name the alert by dedup_key).
  if (trigger) {
    const payload = body.payload;
    if (blank(payload)) errors.push(`'payload' is missing or blank`);
    else if (!isRecord(payload)) errors.push(`'payload' must be an object; got ${kindOf(payload)}`);
    else {
      const summary = stringField(payload, "summary", "payload.summary", true);
      if (summary !== undefined && summary.length > PAGERDUTY_SUMMARY_MAX) {
        errors.push(`Length of 'payload.summary' is incorrect (should be at most ${PAGERDUTY_SUMMARY_MAX} characters)`);
      }
      stringField(payload, "source", "payload.source", true);
      const severity = stringField(payload, "severity", "payload.severity", true);
      if (severity !== undefined && !PAGERDUTY_SEVERITIES.includes(severity as never)) {
        errors.push(`'payload.severity' is invalid (must be one of the following: ${list(PAGERDUTY_SEVERITIES)})`);
      }
      try {
        optionalTime(payload, "timestamp", "payload.timestamp");
      } catch {
        errors.push(`'payload.timestamp' is invalid (must be an ISO 8601 time such as 2015-07-17T08:42:58.315+0000)`);
      }
    }
  }
  return errors;
}

/**
 * The dedup_key of a trigger sent without one. PagerDuty makes a new UUID, so each such trigger
 * is a new alert; this one is UUID-shaped too, but derived from the event and the time it was
 * received, so parsing the same delivery twice gives the same key (a version-8, custom UUID).
 */
export function generatedDedupKey(body: unknown, receivedAt: Date): string {
  const hex = stableHash({ event: withoutRoutingKey(body), receivedAt: receivedAt.toISOString() }, 32);
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The event without its routing_key: the key is the integration's token, a secret, never stored. */
function withoutRoutingKey(body: unknown): unknown {
  if (!isRecord(body)) return body;
  const { routing_key: _secret, ...rest } = body;
  void _secret;
  return rest;
}

export function parsePagerDuty(body: unknown, receivedAt: Date): NormalizedAlert[] {
  const errors = pagerDutyEventErrors(body);
  if (errors.length) throw new InvalidPagerDutyEvent(errors);
  const event = body as JsonObject;
  const action = event.event_action as (typeof PAGERDUTY_ACTIONS)[number];
  const dedupKey = typeof event.dedup_key === "string" && event.dedup_key.trim() ? event.dedup_key : generatedDedupKey(event, receivedAt);
  // acknowledge and resolve may carry a payload too; it is read when it is readable, never required.
  const payload = isRecord(event.payload) ? event.payload : {};
  const text = (key: string): string | undefined => {
    const value = payload[key];
    return typeof value === "string" && value.trim() ? value.trim() : undefined;
  };
  const summary = text("summary");
  const title = fitTitle(summary ?? dedupKey);
  let timestamp: Date | undefined;
  try {
    timestamp = optionalTime(payload, "timestamp", "payload.timestamp");
  } catch {
    timestamp = undefined; // only reachable for acknowledge/resolve, whose payload PagerDuty doesn't read
  }

  return [
    {
      fingerprint: dedupKey,
      status: STATUS[action],
      title,
      summary: fitSummary([
        summary && wasCut(summary, title) ? summary : undefined,
        fields([
          ["Source", text("source")],
          ["Component", text("component")],
          ["Group", text("group")],
          ["Class", text("class")],
        ]),
        customDetails(payload.custom_details),
      ]),
      severity: text("severity")?.toLowerCase(),
      links: safeLinks(links(event)),
      source: PAGERDUTY_SOURCE,
      timestamp: timestamp ?? receivedAt,
      raw: withoutRoutingKey(event),
    },
  ];
}

function fields(pairs: [string, string | undefined][]): string | undefined {
  const lines = pairs.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`);
  return lines.length ? lines.join("\n") : undefined;
}

/** custom_details as "key: value" lines (PagerDuty shows them so); a non-object as its JSON. */
function customDetails(details: unknown): string | undefined {
  if (details === undefined || details === null) return undefined;
  if (!isRecord(details)) return `Details: ${typeof details === "string" ? details : JSON.stringify(details)}`;
  const lines = Object.entries(details).map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`);
  return lines.length ? `Details:\n${lines.join("\n")}` : undefined;
}

/** links[] {href, text}, images[] {href or src, alt} and client_url, in that order; malformed ones are skipped. */
function links(event: JsonObject): LinkCandidate[] {
  const out: LinkCandidate[] = [];
  const items = (value: unknown) => (Array.isArray(value) ? value.filter(isRecord) : []);
  for (const l of items(event.links)) {
    out.push({ title: typeof l.text === "string" && l.text.trim() ? l.text : "Link", url: l.href });
  }
  for (const image of items(event.images)) {
    const alt = typeof image.alt === "string" && image.alt.trim() ? image.alt : "Image";
    out.push({ title: alt, url: typeof image.href === "string" && image.href.trim() ? image.href : image.src });
  }
  const client = typeof event.client === "string" && event.client.trim() ? fitLine(event.client, ALERT_LIMITS.linkTitle) : "Monitoring client";
  out.push({ title: client, url: event.client_url });
  return out;
}

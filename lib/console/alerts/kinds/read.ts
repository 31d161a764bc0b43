// What every parser needs to read a body it cannot trust: typed reads that fail with the field's
// path in words (never a TypeError), text cut to the model's limits, links that are safe to show,
// times, and a hash that doesn't depend on key order.
import "server-only";
import { createHash } from "node:crypto";
import { ALERT_LIMITS } from "../limits";
import { UnreadablePayload, type AlertLink } from "../normalized";

export type JsonObject = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** What a value is, in words, for a message: "a string", "an array", "null"… */
export function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "undefined") return "nothing";
  return typeof value === "number" || typeof value === "boolean" ? `a ${typeof value} (${String(value)})` : `a ${typeof value}`;
}

export function unreadable(message: string): never {
  throw new UnreadablePayload(message);
}

/** The body as an object, or "The body must be a JSON object (…); got an array." */
export function bodyObject(body: unknown, format: string): JsonObject {
  if (!isRecord(body)) unreadable(`The body must be a JSON object (${format}); got ${kindOf(body)}.`);
  return body;
}

/** A string field: undefined when absent, null or blank; refused when of another type. */
export function optionalString(obj: JsonObject, key: string, path: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") unreadable(`"${path}" must be a string; got ${kindOf(value)}.`);
  return value.trim() === "" ? undefined : value;
}

/** A required, non-blank string field. */
export function requiredString(obj: JsonObject, key: string, path: string): string {
  const value = optionalString(obj, key, path);
  if (value === undefined) {
    unreadable(obj[key] === undefined || obj[key] === null ? `"${path}" is required.` : `"${path}" must not be blank.`);
  }
  return value;
}

/**
 * A map of string values (labels, annotations). Numbers and booleans are kept as their text — a
 * sender that templated `"value": 3` meant "3" — anything else is refused by its path.
 */
export function stringMap(obj: JsonObject, key: string, path: string): Record<string, string> {
  const value = obj[key];
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) unreadable(`"${path}" must be an object of strings; got ${kindOf(value)}.`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === "string") out[k] = v;
    else if (typeof v === "number" || typeof v === "boolean") out[k] = String(v);
    else if (v !== null) unreadable(`"${path}.${k}" must be a string; got ${kindOf(v)}.`);
  }
  return out;
}

// ISO 8601 / RFC 3339 date-times, with or without the colon in the offset ("+0000", as PagerDuty's
// examples write it). Date.parse alone would also take "March 7" or "7/3/24".
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A time field. Undefined when absent, blank or Go's zero time (Alertmanager's `endsAt` of an alert
 * still firing is "0001-01-01T00:00:00Z"); refused when it isn't an ISO 8601 time.
 */
export function optionalTime(obj: JsonObject, key: string, path: string): Date | undefined {
  const text = optionalString(obj, key, path);
  if (text === undefined) return undefined;
  const ms = ISO_TIME.test(text.trim()) ? Date.parse(text.trim()) : NaN;
  if (Number.isNaN(ms)) unreadable(`"${path}" must be an ISO 8601 time such as 2024-03-04T09:12:30Z; got "${clip(text, 40)}".`);
  const date = new Date(ms);
  return date.getUTCFullYear() <= 1 ? undefined : date;
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Cut to `max` characters, ending with "…" when cut, never splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** One line (runs of white space, new lines included, become one space), trimmed, within `max`. */
export function fitLine(text: string, max: number): string {
  return cutText(text.replace(/\s+/g, " ").trim(), max);
}

/** Whether fitting `original` to one line changed more than its white space (it was cut). */
export function wasCut(original: string, fitted: string): boolean {
  return original.replace(/\s+/g, " ").trim() !== fitted;
}

/** Text kept as written (new lines and all) but trimmed, within `max`. */
export function fitText(text: string, max: number): string {
  return cutText(text.trim(), max);
}

/** The incident title: one line within IncidentTitle's max. */
export function fitTitle(text: string): string {
  return fitLine(text, ALERT_LIMITS.title);
}

/** The incident summary within IncidentSummary's max; undefined when there is nothing to say. */
export function fitSummary(parts: (string | undefined)[]): string | undefined {
  const text = parts.filter((p): p is string => !!p && p.trim() !== "").map((p) => p.trim()).join("\n\n");
  return text ? fitText(text, ALERT_LIMITS.summary) : undefined;
}

/** JSON with object keys sorted at every level: the same value whatever order its keys came in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isRecord(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
  return out;
}

/** A stable hex digest of a value (SHA-256 of its canonical JSON), `length` hex characters long. */
export function stableHash(value: unknown, length = 16): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex").slice(0, length);
}

/** A link the alert offers: its title and whatever the payload put where a URL should be. */
export type LinkCandidate = { title: string; url: unknown };

/**
 * The links worth making related items: http(s) URLs within ItemValue.url's max, titles within
 * RelatedItem.title's max, each URL once, at most RelatedItemList's max. A bad link is dropped,
 * not a reason to refuse the alert: the alert matters more than its links.
 */
export function safeLinks(candidates: LinkCandidate[]): AlertLink[] {
  const out: AlertLink[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (!c || typeof c.url !== "string" || typeof c.title !== "string") continue;
    const url = c.url.trim();
    if (!url || url.length > ALERT_LIMITS.url || seen.has(url) || !isWebUrl(url)) continue;
    seen.add(url);
    const title = fitLine(c.title, ALERT_LIMITS.linkTitle) || fitLine(new URL(url).host, ALERT_LIMITS.linkTitle);
    out.push({ title, url });
    if (out.length === ALERT_LIMITS.links) break;
  }
  return out;
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "http:" || url.protocol === "https:") && url.host !== "";
  } catch {
    return false;
  }
}

/** "runbook_url" → "Runbook", "dashboard_url" → "Dashboard", "grafana_panel_url" → "Grafana panel". */
export function annotationLinkTitle(key: string): string {
  const words = key.replace(/_?url$/i, "").replace(/[_-]+/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "Link";
}

/**
 * The longest fingerprint kept as sent (PagerDuty's documented dedup_key maximum, which the other
 * kinds share so one column and one index serve all). A longer one from a group payload is
 * hashed; a PagerDuty or generic key that long is refused, as PagerDuty refuses it.
 */
export const FINGERPRINT_MAX = 255;

export function boundedFingerprint(fingerprint: string): string {
  return fingerprint.length <= FINGERPRINT_MAX ? fingerprint : `sha256:${stableHash(fingerprint, 64)}`;
}

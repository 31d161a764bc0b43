// The Alerts page's filters as they live in the URL (?integration=&status=&outcome=&since=&from=&to=
// &group=), so a filtered view can be linked (the plan page's "see its alerts", the incident's
// Alerts tab), survives a reload and the back button returns to it. Client-safe: the page's
// controls and the server's read parse the same way.
import { ALERT_OUTCOMES, ALERT_STATUSES, type AlertOutcome, type AlertStatus } from "./normalized";

/** "Received in the last …". */
export const RECEIVED_SINCE = {
  "1h": { label: "Last hour", ms: 3_600_000 },
  "24h": { label: "Last 24 hours", ms: 86_400_000 },
  "7d": { label: "Last 7 days", ms: 7 * 86_400_000 },
  "30d": { label: "Last 30 days", ms: 30 * 86_400_000 },
} as const;
export type ReceivedSince = keyof typeof RECEIVED_SINCE;

export type AlertFilter = {
  /** An integration's id. */
  integration?: string;
  status?: AlertStatus;
  outcome?: AlertOutcome;
  since?: ReceivedSince;
  /** Receive days (YYYY-MM-DD, UTC, both included). */
  from?: string;
  to?: string;
  /** An alert group's id: the alerts behind one line of an incident's Alerts tab. */
  group?: string;
};

type Params = { get(name: string): string | null };

/** Ids are UUIDs; anything much longer is no id. */
const MAX_ID = 64;

/** A real calendar day as YYYY-MM-DD, or undefined. */
function day(value: string | null): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? undefined : value;
}

function id(value: string | null): string | undefined {
  const v = value?.trim();
  return v && v.length <= MAX_ID ? v : undefined;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function parseAlertFilter(params: Params): AlertFilter {
  const since = params.get("since");
  const filter: AlertFilter = {
    integration: id(params.get("integration")),
    status: oneOf(ALERT_STATUSES, params.get("status")),
    outcome: oneOf(ALERT_OUTCOMES, params.get("outcome")),
    since: since && since in RECEIVED_SINCE ? (since as ReceivedSince) : undefined,
    from: day(params.get("from")),
    to: day(params.get("to")),
    group: id(params.get("group")),
  };
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)) as AlertFilter;
}

const ORDER = ["integration", "status", "outcome", "since", "from", "to", "group"] as const;

/** The filter as a query string ("" when nothing narrows the list). */
export function alertListSearch(filter: AlertFilter): string {
  const p = new URLSearchParams();
  for (const key of ORDER) if (filter[key]) p.set(key, filter[key]!);
  const s = p.toString();
  return s ? `?${s}` : "";
}

export function isAlertFilterActive(filter: AlertFilter): boolean {
  return ORDER.some((key) => filter[key] !== undefined);
}

/** The receive-time window a filter asks for: [gte, lt), either end open. */
export function receivedWindow(filter: AlertFilter, now: Date): { gte?: Date; lt?: Date } {
  const bounds: Date[] = [];
  if (filter.since) bounds.push(new Date(now.getTime() - RECEIVED_SINCE[filter.since].ms));
  if (filter.from) bounds.push(new Date(`${filter.from}T00:00:00Z`));
  const gte = bounds.length ? new Date(Math.max(...bounds.map((d) => d.getTime()))) : undefined;
  const lt = filter.to ? new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) : undefined;
  return { ...(gte ? { gte } : {}), ...(lt ? { lt } : {}) };
}

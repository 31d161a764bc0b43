// The incidents list's filters as they live in the URL (?status=&impact=&createdBy=&since=&q=), so
// a filtered view can be shared, survives a reload and the back button returns to it. Client-safe:
// the list's controls and the server's query parse the same way.
import type { IncidentStatus } from "./dto";

/** "Created in the last …": each maps to ListIncidentRecords' creationTime `after` condition. */
export const CREATED_SINCE = {
  "1h": { label: "Last hour", ms: 3_600_000 },
  "24h": { label: "Last 24 hours", ms: 86_400_000 },
  "7d": { label: "Last 7 days", ms: 7 * 86_400_000 },
  "30d": { label: "Last 30 days", ms: 30 * 86_400_000 },
} as const;
export type CreatedSince = keyof typeof CREATED_SINCE;

export type IncidentListFilter = {
  status: IncidentStatus;
  /** Impacts to show (empty: all). */
  impacts: number[];
  /** A principal ARN, or a console user's e-mail (the local model records it in an IAM user ARN). */
  createdBy?: string;
  since?: CreatedSince;
  /** A custom range of creation days (YYYY-MM-DD, UTC, both included): creationTime after / before. */
  from?: string;
  to?: string;
  /** Case-insensitive substring of the title (ListIncidentRecords has no title filter: see searchIncidents). */
  q?: string;
};

type Params = { get(name: string): string | null };

const MAX_QUERY = 200;

/** A real calendar day as YYYY-MM-DD, or undefined. */
function day(value: string | null): string | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? undefined : value;
}

export function parseIncidentListFilter(params: Params): IncidentListFilter {
  const impacts = [...new Set((params.get("impact") ?? "").split(",").map(Number))].filter((n) => Number.isInteger(n) && n >= 1 && n <= 5).sort();
  const since = params.get("since");
  const createdBy = params.get("createdBy")?.trim().slice(0, 1000);
  const q = params.get("q")?.trim().slice(0, MAX_QUERY);
  return {
    status: params.get("status") === "RESOLVED" ? "RESOLVED" : "OPEN",
    impacts,
    createdBy: createdBy || undefined,
    since: since && since in CREATED_SINCE ? (since as CreatedSince) : undefined,
    from: day(params.get("from")),
    to: day(params.get("to")),
    q: q || undefined,
  };
}

/** The filter as a query string; OPEN and empty filters are left out so the plain URL is `/incidents`. */
export function incidentListSearch(filter: IncidentListFilter): string {
  const p = new URLSearchParams();
  if (filter.status !== "OPEN") p.set("status", filter.status);
  if (filter.impacts.length) p.set("impact", filter.impacts.join(","));
  if (filter.createdBy) p.set("createdBy", filter.createdBy);
  if (filter.since) p.set("since", filter.since);
  if (filter.from) p.set("from", filter.from);
  if (filter.to) p.set("to", filter.to);
  if (filter.q) p.set("q", filter.q);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** Whether anything beyond the Open / Resolved view narrows the list. */
export function isFiltered(f: IncidentListFilter): boolean {
  return f.impacts.length > 0 || !!f.createdBy || !!f.since || !!f.from || !!f.to || !!f.q;
}

/**
 * How many filters beyond the title search narrow the list (impact counts once, whatever impacts
 * are ticked): the number on the phone's "Filters" button, which folds exactly those.
 */
export function foldedFilterCount(f: IncidentListFilter): number {
  return [f.impacts.length > 0, !!f.createdBy, !!f.since, !!f.from, !!f.to].filter(Boolean).length;
}

/** A record-like form of the params for a plain object (Next's searchParams). */
export function paramsFromRecord(record: Record<string, string | string[] | undefined>): Params {
  return { get: (name) => (typeof record[name] === "string" ? (record[name] as string) : null) };
}

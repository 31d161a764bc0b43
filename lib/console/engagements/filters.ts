// The Engagements list's filters as they travel in the URL (?incident=&range=&from=&to=) and as
// ListEngagements input. Client-safe: the filter form and the server page both read them.

/** Preset time ranges, and "custom" (from/to as ISO times). */
export const TIME_RANGES = [
  { value: "1h", label: "Last hour", ms: 3_600_000 },
  { value: "24h", label: "Last 24 hours", ms: 86_400_000 },
  { value: "7d", label: "Last 7 days", ms: 7 * 86_400_000 },
  { value: "30d", label: "Last 30 days", ms: 30 * 86_400_000 },
] as const;

export type EngagementListFilter = {
  /** IncidentId: an incident's ARN (or whatever IncidentId the engagement was started with). */
  incident?: string;
  /** A TIME_RANGES value or "custom". */
  range?: string;
  from?: string;
  to?: string;
};

type Params = { get(name: string): string | null };

const isoOrUndefined = (v: string | null) => (v && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : undefined);

export function parseEngagementListFilter(params: Params): EngagementListFilter {
  const incident = params.get("incident")?.trim() || undefined;
  const range = params.get("range") ?? undefined;
  if (range === "custom") return { incident, range, from: isoOrUndefined(params.get("from")), to: isoOrUndefined(params.get("to")) };
  return { incident, range: TIME_RANGES.some((r) => r.value === range) ? range : undefined };
}

export function engagementListSearch(f: EngagementListFilter): string {
  const p = new URLSearchParams();
  if (f.incident) p.set("incident", f.incident);
  if (f.range) p.set("range", f.range);
  if (f.range === "custom" && f.from) p.set("from", f.from);
  if (f.range === "custom" && f.to) p.set("to", f.to);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** ListEngagements' TimeRangeValue for a filter, relative presets measured from `now`. */
export function timeRangeValue(f: EngagementListFilter, now: number): { StartTime?: Date; EndTime?: Date } | undefined {
  if (f.range === "custom") {
    if (!f.from && !f.to) return undefined;
    return { StartTime: f.from ? new Date(f.from) : undefined, EndTime: f.to ? new Date(f.to) : undefined };
  }
  const preset = TIME_RANGES.find((r) => r.value === f.range);
  return preset ? { StartTime: new Date(now - preset.ms), EndTime: new Date(now) } : undefined;
}

"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/form-field";
import { engagementListSearch, TIME_RANGES, type EngagementListFilter } from "@/lib/console/engagements/filters";

/** ISO → the `YYYY-MM-DDTHH:mm` a datetime-local input shows, in the browser's time zone. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const fromLocalInput = (v: string) => (v ? new Date(v).toISOString() : undefined);

/**
 * The incident and time range filters of the Engagements list. Applying them is a new URL, so
 * the back button steps through them and a filtered view can be shared.
 */
export function EngagementFilters({ filter }: { filter: EngagementListFilter }) {
  const router = useRouter();
  const [incident, setIncident] = useState(filter.incident ?? "");
  const [range, setRange] = useState(filter.range ?? "");
  const [from, setFrom] = useState(toLocalInput(filter.from));
  const [to, setTo] = useState(toLocalInput(filter.to));
  const [pending, start] = useTransition();
  const go = (next: EngagementListFilter) => start(() => router.push(`/engagements${engagementListSearch(next)}`, { scroll: false }));
  const filtered = !!(filter.incident || filter.range);

  return (
    <form
      role="search"
      aria-label="Engagements"
      onSubmit={(e) => {
        e.preventDefault();
        go({ incident: incident.trim() || undefined, range: range || undefined, from: fromLocalInput(from), to: fromLocalInput(to) });
      }}
      className="flex flex-wrap items-end gap-3 px-5 pb-3"
    >
      <div className="min-w-48 flex-1">
        <label htmlFor="engagement-incident" className="mb-1 block font-bold">
          Incident
        </label>
        <Input id="engagement-incident" value={incident} onChange={(e) => setIncident(e.target.value)} placeholder="Incident ARN" />
      </div>
      <div className="min-w-40">
        <label htmlFor="engagement-range" className="mb-1 block font-bold">
          Time range
        </label>
        <Select id="engagement-range" value={range} onChange={(e) => setRange(e.target.value)}>
          <option value="">Any time</option>
          {TIME_RANGES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
          <option value="custom">Custom range</option>
        </Select>
      </div>
      {range === "custom" ? (
        <>
          <div>
            <label htmlFor="engagement-from" className="mb-1 block font-bold">
              From
            </label>
            <Input id="engagement-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
          </div>
          <div>
            <label htmlFor="engagement-to" className="mb-1 block font-bold">
              To
            </label>
            <Input id="engagement-to" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
          </div>
        </>
      ) : null}
      <Button type="submit" disabled={pending}>
        Apply filters
      </Button>
      {filtered ? (
        <Button
          variant="link"
          onClick={() => {
            setIncident("");
            setRange("");
            go({});
          }}
        >
          Clear filters
        </Button>
      ) : null}
    </form>
  );
}

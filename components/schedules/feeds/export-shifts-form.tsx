"use client";
// "Export CSV": the shifts starting in a range of days (UTC), for on-call pay.
import { addMonths, format, startOfMonth } from "date-fns";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { FormField, Input } from "@/components/ui/form-field";
import { exportMineHref, exportScheduleHref } from "@/lib/console/schedules/feeds/dto";
import type { FeedScope } from "./calendar-feeds";

const day = (d: Date) => format(d, "yyyy-MM-dd");

export function ExportShiftsForm({ scope }: { scope: FeedScope }) {
  const [from, setFrom] = useState(() => day(startOfMonth(new Date())));
  const [to, setTo] = useState(() => day(startOfMonth(addMonths(new Date(), 1))));
  const id = scope.kind === "MINE" ? "mine" : scope.alias;
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from < to;
  const href = scope.kind === "MINE" ? exportMineHref(from, to) : exportScheduleHref(scope.alias, from, to);
  return (
    <form aria-label="Export shifts as CSV" className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()}>
      <div className="w-44">
        <FormField id={`export-from-${id}`} label="From (UTC)">
          <Input id={`export-from-${id}`} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </FormField>
      </div>
      <div className="w-44">
        <FormField id={`export-to-${id}`} label="To (UTC, not included)" error={valid ? undefined : "Must be after From"}>
          <Input id={`export-to-${id}`} type="date" value={to} onChange={(e) => setTo(e.target.value)} aria-invalid={valid ? undefined : true} />
        </FormField>
      </div>
      {valid ? (
        <a className={buttonClass("normal")} href={href} download>
          Export CSV
        </a>
      ) : null}
      <p className="w-full text-sm text-muted">Shifts that start in the range, one row per person: schedule, rotation, person, start and end (UTC), the rotation&apos;s zone, hours, and whether it was an override.</p>
    </form>
  );
}

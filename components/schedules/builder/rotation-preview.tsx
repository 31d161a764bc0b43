"use client";
// The live preview of a rotation as the form holds it: ListPreviewRotationShifts of the coming
// weeks, asked 300 ms after the last change, listed in the rotation's zone with who is on call;
// when the model refuses the rotation, its messages instead.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { errorOf, readJson } from "@/lib/console/core/errors";
import type { RotationPreview as Preview } from "@/lib/console/schedules/builder/dto";
import type { RotationFormValues } from "@/lib/console/schedules/builder/schemas";
import { scheduleKeys } from "@/lib/console/schedules/keys";

const PREVIEW_DAYS = 28;
/** Shifts listed (the rest are counted). */
const LISTED = 14;
const DEBOUNCE_MS = 300;

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return settled;
}

/** The start of the current hour: the preview's window moves hourly, not on every render. */
function thisHour(): string {
  const d = new Date();
  d.setMinutes(0, 0, 0);
  return d.toISOString();
}

export function RotationPreview({ rotation, label, fieldLabel }: { rotation: RotationFormValues; label: string; fieldLabel: (field: string) => string }) {
  const spec = useDebounced(JSON.stringify(rotation), DEBOUNCE_MS);
  const [from] = useState(thisHour);
  const query = useQuery({
    queryKey: [...scheduleKeys.all, "preview", spec, from],
    queryFn: () => readJson<Preview>(`/api/schedules/preview?${new URLSearchParams({ rotation: spec, from, days: String(PREVIEW_DAYS) })}`),
    placeholderData: keepPreviousData,
  });
  const zone = rotation.timeZoneId;
  const format = (iso: string) => {
    try {
      return new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: zone }).format(new Date(iso));
    } catch {
      return new Date(iso).toISOString();
    }
  };
  const data = query.data;
  return (
    <section aria-label={label} aria-busy={query.isFetching || spec !== JSON.stringify(rotation)} className="min-w-0 space-y-2 rounded-xl bg-[#f4f4f4] p-3">
      <h3 className="font-bold">Preview: the next {PREVIEW_DAYS / 7} weeks</h3>
      {query.error ? <ErrorAlert error={errorOf(query.error)} /> : null}
      {!data ? (
        <p className="text-muted">Working out the shifts…</p>
      ) : data.problems.length ? (
        <div role="status">
          <p>The rotation can&apos;t make shifts yet:</p>
          <ul className="list-disc pl-5 text-error">
            {data.problems.map((p, i) => (
              <li key={i}>
                {fieldLabel(p.field)}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : data.shifts.length === 0 ? (
        <p role="status">No shifts in the coming {PREVIEW_DAYS / 7} weeks (check the start time and the coverage windows).</p>
      ) : (
        <>
          <p className="text-muted">Times in {zone}.</p>
          <ol aria-label={`Shifts of ${label.replace(/^Preview of /, "")}`} className="divide-y divide-[#e0e0e4]">
            {data.shifts.slice(0, LISTED).map((s) => (
              <li key={s.start} className="flex flex-wrap justify-between gap-x-3 py-1">
                <span className="tabular-nums">
                  {format(s.start)} → {format(s.end)}
                </span>
                <span className="font-bold">{s.people.map((p) => p.name).join(", ") || "Nobody"}</span>
              </li>
            ))}
          </ol>
          {data.shifts.length > LISTED ? <p className="text-muted">and {data.shifts.length - LISTED} more shifts in these weeks.</p> : null}
        </>
      )}
    </section>
  );
}

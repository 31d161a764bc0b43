"use client";
// The schedule's calendar: every rotation's shifts by day, week or month in the viewer's zone, one
// colour per person, overrides marked, coverage gaps in red, the current time as a red line. The
// view and the date are in the URL (?view=week&date=2026-12-07), so a link shows what the sender
// saw and Back steps through it. Laid out with CSS grid and percentages of each day
// (lib/console/schedules/calendar.ts); no calendar library.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import clsx from "clsx";
import dynamic from "next/dynamic";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useNow } from "@/components/ui/use-now";
import { errorOf, readJson } from "@/lib/console/core/errors";
import {
  coverageGaps,
  dayStart,
  legendOf,
  nowOffset,
  parseDate,
  parseView,
  placeShifts,
  shiftColour,
  stepDate,
  today,
  viewDays,
  type CalendarView,
  type Day,
  type Segment,
} from "@/lib/console/schedules/calendar";
import type { RotationView, ScheduleCalendarData, ShiftView } from "@/lib/console/schedules/dto";
import { scheduleKeys } from "@/lib/console/schedules/keys";
import { OverridesList } from "./overrides-list";
import { clockTime, dayLabel, dayTime, monthLabel, useViewerZone } from "./time-format";

// A shift's dialog (with the Cover this shift form) loads when a shift is chosen: its code stays
// out of the schedule page's first load.
const ShiftDialog = dynamic(() => import("./shift-dialog").then((m) => m.ShiftDialog));

const VIEW_LABELS: Record<CalendarView, string> = { day: "Day", week: "Week", month: "Month" };
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
/** Red diagonal stripes: a coverage gap reads as one without colour vision too. */
const GAP_STRIPES = "bg-[repeating-linear-gradient(45deg,#d91515_0_4px,#fde8e8_4px_8px)]";

export function ScheduleCalendar({ alias, rotations, canWrite }: { alias: string; rotations: RotationView[]; canWrite: boolean }) {
  const zone = useViewerZone();
  // The server can't know the viewer's zone, so the calendar draws in the browser only.
  if (!zone) return <p className="py-8 text-muted">Loading the calendar…</p>;
  return <Calendar alias={alias} rotations={rotations} canWrite={canWrite} zone={zone} />;
}

function Calendar({ alias, rotations, canWrite, zone }: { alias: string; rotations: RotationView[]; canWrite: boolean; zone: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const now = useNow(60_000);
  const view = parseView(params.get("view"));
  const date = parseDate(params.get("date")) ?? today(zone, now);
  // Cheap (a few dozen days, a few hundred shifts): computed each render, no memo to keep in step.
  const days = viewDays(view, date, zone);
  const from = new Date(days[0].start).toISOString();
  const to = new Date(days.at(-1)!.end).toISOString();
  const query = useQuery({
    queryKey: scheduleKeys.shifts(alias, from, to),
    queryFn: () => readJson<ScheduleCalendarData>(`/api/schedules/${encodeURIComponent(alias)}/shifts?${new URLSearchParams({ from, to })}`),
    placeholderData: keepPreviousData,
  });
  const [selected, setSelected] = useState<ShiftView | null>(null);

  const go = (next: { view?: CalendarView; date?: string }) => {
    const search = new URLSearchParams({ view: next.view ?? view, date: next.date ?? date });
    router.push(`${pathname}?${search}`, { scroll: false });
  };

  const data = query.data;
  const shifts = data?.shifts ?? [];
  const placed = placeShifts(shifts, days, rotations.map((r) => r.arn));
  // While another range loads, the last one's shifts stay (dimmed); their gaps over this range would be false.
  const gaps = data && !query.isPlaceholderData ? coverageGaps(shifts, days[0].start, days.at(-1)!.end) : [];
  const legend = legendOf(shifts);
  const rangeLabel = view === "day" ? dayLabel(days[0].start, zone) : view === "week" ? `${dayLabel(days[0].start, zone)} – ${dayLabel(days.at(-1)!.start, zone)}` : monthLabel(dayStart(date, zone), zone);
  const rotationName = (arn: string) => rotations.find((r) => r.arn === arn)?.name ?? "A rotation";

  return (
    <section aria-labelledby="calendar-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <Button onClick={() => go({ date: today(zone, now) })}>Today</Button>
          <Button variant="link" className="text-xl" aria-label={`Previous ${view}`} onClick={() => go({ date: stepDate(view, date, -1) })}>
            ‹
          </Button>
          <Button variant="link" className="text-xl" aria-label={`Next ${view}`} onClick={() => go({ date: stepDate(view, date, 1) })}>
            ›
          </Button>
          <h2 id="calendar-heading" className="text-lg font-bold" aria-live="polite">
            {rangeLabel}
          </h2>
        </div>
        <div role="group" aria-label="Calendar view" className="inline-flex overflow-hidden rounded-full border-2 border-link">
          {(Object.keys(VIEW_LABELS) as CalendarView[]).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={v === view}
              onClick={() => go({ view: v })}
              className={clsx("px-4 py-1 text-sm font-bold", v === view ? "bg-link text-white" : "bg-white text-link hover:bg-info-bg")}
            >
              {VIEW_LABELS[v]}
            </button>
          ))}
        </div>
      </div>
      <p className="text-muted">Times in your zone, {zone}.</p>

      {query.error ? <ErrorAlert error={errorOf(query.error)} /> : null}
      {!data ? <p className="py-8 text-muted">Loading shifts…</p> : null}

      {data ? (
        <>
          <Legend legend={legend} />
          <div className={clsx(query.isPlaceholderData && "opacity-60")} aria-busy={query.isFetching} data-testid="calendar">
            {view === "month" ? (
              <MonthGrid days={days} date={date} placed={placed} rotations={rotations} gaps={gaps} now={now} zone={zone} onSelect={setSelected} rotationName={rotationName} />
            ) : (
              <TimelineGrid days={days} placed={placed} rotations={rotations} gaps={gaps} now={now} zone={zone} onSelect={setSelected} rotationName={rotationName} wide={view === "day"} />
            )}
          </div>
          <OverridesList alias={alias} overrides={data.overrides} rotationName={rotationName} canWrite={canWrite} zone={zone} />
        </>
      ) : null}

      {selected && data ? (
        <ShiftDialog
          alias={alias}
          shift={selected}
          rotation={rotations.find((r) => r.arn === selected.rotationArn)}
          data={data}
          canWrite={canWrite}
          zone={zone}
          onClose={() => setSelected(null)}
        />
      ) : null}
    </section>
  );
}

function Legend({ legend }: { legend: ReturnType<typeof legendOf> }) {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
      {legend.map((p) => (
        <li key={p.arn} className="inline-flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3 w-5 rounded-sm" style={{ backgroundColor: p.colour }} />
          {p.name}
        </li>
      ))}
      <li className="inline-flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-4 w-8 rounded-sm bg-[#5f6b7a] outline-1 -outline-offset-3 outline-white outline-dashed" />
        ⇄ Override
      </li>
      <li className="inline-flex items-center gap-1.5">
        <span aria-hidden className={clsx(GAP_STRIPES, "inline-block h-3 w-5 rounded-sm")} />
        Coverage gap
      </li>
      <li className="inline-flex items-center gap-1.5">
        <span aria-hidden className="inline-block h-3 w-0.5 bg-error" />
        Now
      </li>
    </ul>
  );
}

type GridProps = {
  days: Day[];
  placed: Map<string, Map<string, Segment[]>>;
  rotations: RotationView[];
  gaps: { start: number; end: number }[];
  now: number;
  zone: string;
  onSelect: (shift: ShiftView) => void;
  rotationName: (arn: string) => string;
};

function shiftLabel(shift: ShiftView, rotationName: string, zone: string): string {
  const who = shift.people.length ? shift.people.map((p) => p.name).join(", ") : "Nobody";
  return `${who}, ${rotationName}, ${dayTime(shift.start, zone)} – ${dayTime(shift.end, zone)}${shift.type === "OVERRIDDEN" ? ", override" : ""}`;
}

function SegmentButton({ segment, label, onSelect, showName }: { segment: Segment; label: string; onSelect: () => void; showName: boolean }) {
  const { shift } = segment;
  const override = shift.type === "OVERRIDDEN";
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      data-override={override || undefined}
      onClick={onSelect}
      className={clsx(
        "absolute inset-y-0.5 overflow-hidden rounded px-1 text-left text-xs leading-5 font-bold whitespace-nowrap text-white focus-visible:z-10 focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-link",
        override && "outline-2 -outline-offset-2 outline-white outline-dashed",
      )}
      style={{ left: `${segment.left}%`, width: `${segment.width}%`, backgroundColor: shiftColour(shift) }}
    >
      {showName ? `${override ? "⇄ " : ""}${shift.people.map((p) => p.name).join(", ") || "Nobody"}` : null}
    </button>
  );
}

function GapBars({ gaps, day, zone }: { gaps: { start: number; end: number }[]; day: Day; zone: string }) {
  return (
    <>
      {gaps
        .filter((g) => g.start < day.end && g.end > day.start)
        .map((g) => {
          const s = Math.max(g.start, day.start);
          const e = Math.min(g.end, day.end);
          const label = `Coverage gap: nobody on call ${clockTime(g.start, zone)} ${dayLabel(g.start, zone)} – ${clockTime(g.end, zone)} ${dayLabel(g.end, zone)}`;
          return (
            <span
              key={g.start}
              role="img"
              aria-label={label}
              title={label}
              className={clsx(GAP_STRIPES, "absolute inset-y-0")}
              style={{ left: `${((s - day.start) / (day.end - day.start)) * 100}%`, width: `${((e - s) / (day.end - day.start)) * 100}%` }}
            />
          );
        })}
    </>
  );
}

function NowLine({ day, now, zone, labelled }: { day: Day; now: number; zone: string; labelled?: boolean }) {
  const at = nowOffset(day, now);
  if (at === undefined) return null;
  return (
    <span
      {...(labelled ? { role: "img", "aria-label": `Now, ${clockTime(now, zone)}`, "data-testid": "now-marker" } : { "aria-hidden": true })}
      className="pointer-events-none absolute inset-y-0 z-20 w-0.5 bg-error"
      style={{ left: `${at}%` }}
    />
  );
}

/** Day and week: a row per rotation across the days, and a row of coverage gaps. */
function TimelineGrid({ days, placed, rotations, gaps, now, zone, onSelect, rotationName, wide }: GridProps & { wide: boolean }) {
  const columns = { gridTemplateColumns: `minmax(6rem, 9rem) repeat(${days.length}, minmax(0, 1fr))` };
  const isToday = (d: Day) => nowOffset(d, now) !== undefined;
  return (
    <div className="overflow-x-auto rounded-2xl border border-line bg-white">
      <div className={clsx("grid", wide ? "min-w-[20rem]" : "min-w-[44rem]")} style={columns}>
        <div className="border-b border-line" />
        {days.map((d) => (
          <div key={d.date} className={clsx("relative border-b border-l border-line px-2 py-1 text-sm font-bold", isToday(d) && "bg-info-bg")}>
            {dayLabel(d.start, zone)}
            {wide ? (
              <div aria-hidden className="relative mt-1 h-4 text-xs font-normal text-muted">
                {[0, 6, 12, 18].map((h) => (
                  <span key={h} className="absolute" style={{ left: `${(h / 24) * 100}%` }}>
                    {String(h).padStart(2, "0")}:00
                  </span>
                ))}
              </div>
            ) : null}
          </div>
        ))}
        {rotations.map((r) => (
          <Row key={r.arn} label={r.name} sub={r.timeZoneId}>
            {days.map((d) => (
              <div key={d.date} className="relative h-12 border-b border-l border-line">
                {(placed.get(d.date)?.get(r.arn) ?? []).map((seg) => (
                  <SegmentButton key={seg.start} segment={seg} label={shiftLabel(seg.shift, rotationName(seg.shift.rotationArn), zone)} onSelect={() => onSelect(seg.shift)} showName={wide || seg.width > 30} />
                ))}
                <NowLine day={d} now={now} zone={zone} />
              </div>
            ))}
          </Row>
        ))}
        <Row label="Coverage gaps">
          {days.map((d) => (
            <div key={d.date} className="relative h-6 border-l border-line">
              <GapBars gaps={gaps} day={d} zone={zone} />
              <NowLine day={d} now={now} zone={zone} labelled />
            </div>
          ))}
        </Row>
      </div>
    </div>
  );
}

function Row({ label, sub, children }: { label: string; sub?: string; children: React.ReactNode }) {
  return (
    <>
      <div className="truncate border-b border-line px-2 py-1 text-sm" title={label}>
        <span className="font-bold">{label}</span>
        {sub ? <span className="block text-xs text-muted">{sub}</span> : null}
      </div>
      {children}
    </>
  );
}

/** Month: a week per row; each day a bar per rotation and a strip of coverage gaps. */
function MonthGrid({ days, date, placed, rotations, gaps, now, zone, onSelect, rotationName }: GridProps & { date: string }) {
  const month = date.slice(0, 7);
  return (
    <div className="overflow-hidden rounded-2xl border border-line bg-white">
      <div className="grid grid-cols-7">
        {WEEKDAYS.map((w) => (
          <div key={w} className="border-b border-line px-1 py-1 text-center text-sm font-bold">
            {w}
          </div>
        ))}
        {days.map((d) => {
          const todayCell = nowOffset(d, now) !== undefined;
          return (
            <div key={d.date} className={clsx("min-h-20 border-b border-l border-line p-0.5 sm:p-1", d.date.slice(0, 7) !== month && "bg-[#f4f4f4]", todayCell && "bg-info-bg")}>
              <div className={clsx("text-xs", todayCell ? "font-bold text-link" : "text-muted")}>
                <span className="sr-only">{dayLabel(d.start, zone)}</span>
                <span aria-hidden>{Number(d.date.slice(8))}</span>
              </div>
              <div className="relative space-y-0.5">
                {rotations.map((r) => (
                  <div key={r.arn} className="relative h-5">
                    {(placed.get(d.date)?.get(r.arn) ?? []).map((seg) => (
                      <SegmentButton key={seg.start} segment={seg} label={shiftLabel(seg.shift, rotationName(seg.shift.rotationArn), zone)} onSelect={() => onSelect(seg.shift)} showName={seg.width > 45} />
                    ))}
                  </div>
                ))}
                <div className="relative h-1.5">
                  <GapBars gaps={gaps} day={d} zone={zone} />
                </div>
                <NowLine day={d} now={now} zone={zone} labelled />
              </div>
            </div>
          );
        })}
      </div>
    </div>
  );
}


// The schedule calendar's layout, as pure functions the calendar component and its tests share:
// which days a view shows in the viewer's zone (day / week / month, weeks from Monday), where a
// shift sits on a day (percentages of that day, so the grid is CSS only), the coverage gaps (time
// no rotation covers), and one colour per person. Client-safe. Days are calendar days of the
// viewer's zone through Temporal: a day of a DST change is 23 or 25 hours long, and a shift is
// placed by its instants on it, never by hand-computed offsets.
import { Temporal } from "temporal-polyfill";
import type { Person, ShiftView } from "./dto";

export type CalendarView = "day" | "week" | "month";
export const CALENDAR_VIEWS: readonly CalendarView[] = ["day", "week", "month"];

export function parseView(raw: string | null | undefined): CalendarView {
  return CALENDAR_VIEWS.includes(raw as CalendarView) ? (raw as CalendarView) : "week";
}

/** A YYYY-MM-DD date, else undefined. */
export function parseDate(raw: string | null | undefined): Temporal.PlainDate | undefined {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  try {
    return Temporal.PlainDate.from(raw, { overflow: "reject" });
  } catch {
    return undefined;
  }
}

export function today(timeZone: string, now: number = Date.now()): Temporal.PlainDate {
  return Temporal.Instant.fromEpochMilliseconds(now).toZonedDateTimeISO(timeZone).toPlainDate();
}

/** A calendar day of the viewer's zone: its date and its instants [start, end). */
export type Day = { date: string; start: number; end: number };

function dayOf(date: Temporal.PlainDate, timeZone: string): Day {
  const start = date.toZonedDateTime({ timeZone }).epochMilliseconds;
  const end = date.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds;
  return { date: date.toString(), start, end };
}

const mondayOf = (d: Temporal.PlainDate) => d.subtract({ days: d.dayOfWeek - 1 });

/** The days a view shows around `date`: the day; its week (Mon–Sun); the whole weeks of its month. */
export function viewDays(view: CalendarView, date: Temporal.PlainDate, timeZone: string): Day[] {
  let first: Temporal.PlainDate;
  let count: number;
  if (view === "day") {
    first = date;
    count = 1;
  } else if (view === "week") {
    first = mondayOf(date);
    count = 7;
  } else {
    const start = date.with({ day: 1 });
    first = mondayOf(start);
    const last = start.with({ day: start.daysInMonth });
    const lastSunday = last.add({ days: 7 - last.dayOfWeek });
    count = first.until(lastSunday).days + 1;
  }
  return Array.from({ length: count }, (_, i) => dayOf(first.add({ days: i }), timeZone));
}

/** The date a view moves to: the previous or next day, week or month. */
export function stepDate(view: CalendarView, date: Temporal.PlainDate, direction: 1 | -1): Temporal.PlainDate {
  const unit = view === "day" ? { days: direction } : view === "week" ? { weeks: direction } : { months: direction };
  return date.add(unit);
}

/** A piece of a shift on one day: where it starts and how wide it is, in percent of that day. */
export type Segment = { shift: ShiftView; left: number; width: number; start: number; end: number };

/** The pieces of these shifts on [start, end), in time order; shifts outside it give none. */
export function segmentsOn(shifts: ShiftView[], start: number, end: number): Segment[] {
  const span = end - start;
  const out: Segment[] = [];
  for (const shift of shifts) {
    const s = Math.max(Date.parse(shift.start), start);
    const e = Math.min(Date.parse(shift.end), end);
    if (e <= s) continue;
    out.push({ shift, start: s, end: e, left: ((s - start) / span) * 100, width: ((e - s) / span) * 100 });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Each day's pieces of the shifts, per rotation (rotations in the order given). */
export function placeShifts(shifts: ShiftView[], days: Day[], rotationArns: string[]): Map<string, Map<string, Segment[]>> {
  const byRotation = new Map<string, ShiftView[]>(rotationArns.map((arn) => [arn, []]));
  for (const s of shifts) byRotation.get(s.rotationArn)?.push(s);
  const placed = new Map<string, Map<string, Segment[]>>();
  for (const day of days) {
    const lanes = new Map<string, Segment[]>();
    for (const [arn, list] of byRotation) lanes.set(arn, segmentsOn(list, day.start, day.end));
    placed.set(day.date, lanes);
  }
  return placed;
}

export type Interval = { start: number; end: number };

/**
 * The coverage gaps in [from, to): the times no shift of any rotation has someone on call (a shift
 * overridden with nobody is no cover). Adjacent and overlapping shifts merge.
 */
export function coverageGaps(shifts: ShiftView[], from: number, to: number): Interval[] {
  const covered = shifts
    .filter((s) => s.people.length > 0)
    .map((s) => ({ start: Math.max(Date.parse(s.start), from), end: Math.min(Date.parse(s.end), to) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  const gaps: Interval[] = [];
  let cursor = from;
  for (const c of covered) {
    if (c.start > cursor) gaps.push({ start: cursor, end: c.start });
    cursor = Math.max(cursor, c.end);
  }
  if (cursor < to) gaps.push({ start: cursor, end: to });
  return gaps;
}

/** Where the current time sits on a day, in percent, or undefined when it isn't that day. */
export function nowOffset(day: Day, now: number): number | undefined {
  return now >= day.start && now < day.end ? ((now - day.start) / (day.end - day.start)) * 100 : undefined;
}

/**
 * Person colours: backgrounds that white text reads on at WCAG AA (contrast ≥ 4.5:1, checked by
 * the tests), far enough apart in hue to tell neighbours apart.
 */
export const PERSON_COLOURS = [
  "#1f5fa8", // blue
  "#b3261e", // red
  "#1d7a3a", // green
  "#7a3aa8", // purple
  "#a3520f", // orange-brown
  "#0f6e75", // teal
  "#a12a6b", // magenta
  "#4a5a12", // olive
  "#3b4cc0", // indigo
  "#8a3b12", // rust
  "#2e6b5e", // pine
  "#5c4a9e", // violet
] as const;

/** FNV-1a over the person's ARN: the same person has the same colour on every page and every day. */
export function personColour(arn: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < arn.length; i++) {
    h ^= arn.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return PERSON_COLOURS[(h >>> 0) % PERSON_COLOURS.length];
}

/** The colour of a shift: its person's, or grey for nobody (a shift of several shows the first's and lists them all). */
export function shiftColour(shift: ShiftView): string {
  return shift.people.length ? personColour(shift.people[0].arn) : "#5f6b7a";
}

/** Everyone on the shifts shown, once, by name: the legend. */
export function legendOf(shifts: ShiftView[]): (Person & { colour: string })[] {
  const seen = new Map<string, Person>();
  for (const s of shifts) for (const p of s.people) if (!seen.has(p.arn)) seen.set(p.arn, p);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name)).map((p) => ({ ...p, colour: personColour(p.arn) }));
}

/** WCAG relative luminance contrast of white text on a #rrggbb background. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (l + 0.05);
}

/** A wall-clock "YYYY-MM-DDTHH:mm" of the viewer's zone → an instant (ISO); a skipped time moves later. */
export function wallClockToIso(local: string, timeZone: string): string | undefined {
  try {
    return Temporal.PlainDateTime.from(local).toZonedDateTime(timeZone, { disambiguation: "later" }).toInstant().toString();
  } catch {
    return undefined;
  }
}

/** An instant → the viewer's wall clock, "YYYY-MM-DDTHH:mm" (for a datetime-local input). */
export function isoToWallClock(iso: string | number, timeZone: string): string {
  const instant = typeof iso === "number" ? Temporal.Instant.fromEpochMilliseconds(iso) : Temporal.Instant.from(iso);
  return instant.toZonedDateTimeISO(timeZone).toPlainDateTime().toString({ smallestUnit: "minute" });
}

// The schedule calendar's layout, as pure functions the calendar component and its tests share:
// which days a view shows in the viewer's zone (day / week / month, weeks from Monday), where a
// shift sits on a day (percentages of that day, so the grid is CSS only), the coverage gaps (time
// no rotation covers), and one colour per person. Client-safe and light: dates are "YYYY-MM-DD"
// strings stepped with date-fns, and a day's instants in the viewer's zone come from the zone's
// UTC offsets (@date-fns/tz's tzOffset, the browser's Intl data), resolved by Temporal's rules
// (checked against Temporal in the tests): a day of a DST change is 23 or 25 hours long (23.5 on
// Lord Howe), a day whose midnight is skipped starts at the transition, and a shift is placed by
// its instants on it. Temporal itself stays on the server (rotation arithmetic): in the browser
// it would be most of the schedule page's JavaScript.
import { tzOffset } from "@date-fns/tz/tzOffset";
import { addDays, addMonths, addWeeks, eachDayOfInterval, endOfISOWeek, endOfMonth, startOfISOWeek, startOfMonth } from "date-fns";
import type { Person, ShiftView } from "./dto";

export type CalendarView = "day" | "week" | "month";
export const CALENDAR_VIEWS: readonly CalendarView[] = ["day", "week", "month"];

/** A calendar date, "YYYY-MM-DD" (no zone: a day of whoever reads it). */
export type CalendarDate = string;

const MINUTE = 60_000;
const DAY = 86_400_000;
const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function parseView(raw: string | null | undefined): CalendarView {
  return CALENDAR_VIEWS.includes(raw as CalendarView) ? (raw as CalendarView) : "week";
}

/** A local-noon Date of the date, for date-fns' calendar arithmetic (noon: no zone skips it). */
function toLocal(date: CalendarDate): Date {
  const [y, m, d] = date.split("-").map(Number);
  const local = new Date(2000, 0, 1, 12);
  local.setFullYear(y, m - 1, d);
  return local;
}

const fromLocal = (local: Date): CalendarDate => `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;

/** A YYYY-MM-DD date that exists, else undefined. */
export function parseDate(raw: string | null | undefined): CalendarDate | undefined {
  if (!raw || !/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  return fromLocal(toLocal(raw)) === raw ? raw : undefined;
}

/** The zone's UTC offset at an instant, in ms (NaN for a zone Intl doesn't know). */
const offsetAt = (timeZone: string, at: number) => Math.round(tzOffset(timeZone, new Date(at)) * MINUTE);

/** A wall clock as if it were UTC (ms) → its date and time fields. */
const wallFields = (wall: number) => new Date(wall).toISOString();

/** An instant → its wall clock in the zone, as ms of that wall clock read as UTC. */
const wallAt = (at: number, timeZone: string) => at + offsetAt(timeZone, at);

export function today(timeZone: string, now: number = Date.now()): CalendarDate {
  return wallFields(wallAt(now, timeZone)).slice(0, 10);
}

/**
 * The instants whose wall clock in the zone reads `wall` (ms of the wall clock read as UTC), in
 * order: one; two in an hour the clocks repeat; none in a skipped one. As Temporal finds them: the
 * zone's offsets a day either side are the candidates, and a candidate counts if it reads back.
 */
function instantsAt(wall: number, timeZone: string): { instants: number[]; before: number; after: number } {
  const before = offsetAt(timeZone, wall - DAY);
  const after = offsetAt(timeZone, wall + DAY);
  const instants = [...new Set([wall - before, wall - after])].filter((at) => offsetAt(timeZone, at) === wall - at).sort((a, b) => a - b);
  return { instants, before, after };
}

/** The first instant of a date in the zone (ms): its midnight (the first, if repeated), or the transition that skips it. */
export function dayStart(date: CalendarDate, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`);
  const { instants, before, after } = instantsAt(wall, timeZone);
  if (instants.length) return instants[0];
  if (Number.isNaN(before) || Number.isNaN(after)) return NaN;
  // Midnight is skipped: the day starts at the transition, somewhere in (wall − after, wall − before].
  let lo = wall - after;
  let hi = wall - before;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(timeZone, mid) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** A calendar day of the viewer's zone: its date and its instants [start, end). */
export type Day = { date: CalendarDate; start: number; end: number };

function dayOf(date: CalendarDate, timeZone: string): Day {
  return { date, start: dayStart(date, timeZone), end: dayStart(fromLocal(addDays(toLocal(date), 1)), timeZone) };
}

/** The days a view shows around `date`: the day; its week (Mon–Sun); the whole weeks of its month. */
export function viewDays(view: CalendarView, date: CalendarDate, timeZone: string): Day[] {
  const local = toLocal(date);
  const dates =
    view === "day"
      ? [local]
      : view === "week"
        ? eachDayOfInterval({ start: startOfISOWeek(local), end: endOfISOWeek(local) })
        : eachDayOfInterval({ start: startOfISOWeek(startOfMonth(local)), end: endOfISOWeek(endOfMonth(local)) });
  return dates.map((d) => dayOf(fromLocal(d), timeZone));
}

/** The date a view moves to: the previous or next day, week or month (the 31st → the month's last day). */
export function stepDate(view: CalendarView, date: CalendarDate, direction: 1 | -1): CalendarDate {
  const step = view === "day" ? addDays : view === "week" ? addWeeks : addMonths;
  return fromLocal(step(toLocal(date), direction));
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

/**
 * A wall-clock "YYYY-MM-DDTHH:mm" (seconds optional) of the viewer's zone → an instant (ISO); a
 * skipped time moves later by the length of the gap, a repeated one is its later reading
 * (Temporal's disambiguation "later").
 */
export function wallClockToIso(local: string, timeZone: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m || !parseDate(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return undefined;
  const wall = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? "00"}Z`);
  const { instants, before } = instantsAt(wall, timeZone);
  const at = instants.length ? instants.at(-1)! : wall - before;
  return Number.isNaN(at) ? undefined : new Date(at).toISOString().replace(".000Z", "Z");
}

/** An instant → the viewer's wall clock, "YYYY-MM-DDTHH:mm" (for a datetime-local input). */
export function isoToWallClock(iso: string | number, timeZone: string): string {
  const at = typeof iso === "number" ? iso : Date.parse(iso);
  return wallFields(wallAt(at, timeZone)).slice(0, 16);
}

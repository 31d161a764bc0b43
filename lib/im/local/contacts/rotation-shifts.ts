// On-call rotation arithmetic (issue 13): which shifts a rotation makes and who is on call when.
// Pure: no database, no clock; ListRotationShifts, ListPreviewRotationShifts and the engine's
// "who is on call now" all come through here, so the rules below hold everywhere.
//
// The rules (README, "On-call rotations"):
// - Recurrence kinds. Exactly one of DailySettings (hand-off times), WeeklySettings (day + time)
//   and MonthlySettings (day of month + time) is given, with at least one hand-off; the hand-offs of
//   a kind are distinct, and their order in the request doesn't matter. With several hand-offs in a
//   period, each hand-off starts the next shift: daily [09:00, 21:00] makes two 12-hour shifts a day.
// - TimeZoneId is an IANA zone id as the time zone database spells it (America/New_York, UTC):
//   fixed offsets (+05:00), abbreviations (PST) and other spellings (america/new_york) are refused.
// - Wall-clock hand-offs. Hand-off times are wall-clock times in the rotation's time zone: across a
//   daylight-saving change a 09:00 hand-off stays at 09:00, so that day's shift lasts 23 or 25 hours.
//   A hand-off in a skipped hour happens at the next valid instant, the transition itself (02:30 on
//   New York's spring-forward day is 03:00 EDT); one in a repeated hour happens at its first
//   occurrence. The rotation's StartTime is exact, seconds included.
// - Monthly on the 29th–31st falls on the month's last day when the month is shorter (the 31st is
//   28 or 29 February and 30 April).
// - The grid starts at StartTime. Shift 0 starts at StartTime, not at a hand-off; every hand-off
//   strictly after StartTime ends one hand-off period and starts the next. There are no shifts
//   before StartTime.
// - RecurrenceMultiplier N: a shift spans N consecutive hand-off periods, so shift i runs from the
//   (i·N)-th to the ((i+1)·N)-th hand-off after StartTime (shift 0 from StartTime: when StartTime is
//   itself on a hand-off, every shift is N whole periods).
// - NumberOfOnCalls k: shift i has the members at positions i·k … i·k+k−1 (modulo the member count),
//   in rotation order; k greater than the member count is a ValidationException.
// - Hand-offs that land on the same instant (two hand-offs in one skipped hour; monthly 30th and
//   31st in February) make a shift of no length: it isn't listed and nobody is on call in it, but
//   the rotation still moves past it — the counter follows the calendar's hand-offs.
// - ShiftCoverages (weekday → windows of Start–End wall-clock time): when the map has any entry,
//   on-call time exists only inside the windows; a weekday absent from the map (or with no windows)
//   has no on-call time. End 00:00 means midnight at the end of that day (so 00:00–00:00 is the
//   whole day). Each window of each day is its own listed shift piece (a window is never merged
//   with the next day's), and a hand-off inside a window splits it. Hand-offs still follow the
//   calendar: the rotation moves on at every hand-off, covered or not. A window whose Start is not
//   before its End (End 00:00 aside), two windows of a day that overlap, a window without Start or
//   End, and a map that covers no time at all are ValidationExceptions.
// - Overrides. An override [StartTime, EndTime) puts its NewContactIds on call instead of whoever
//   the rotation has then: listed shifts under it are OVERRIDDEN, with the override's contacts in
//   ContactIds and the contacts it replaced in ShiftDetails.OverriddenContactIds; an override over
//   part of a shift splits it into REGULAR / OVERRIDDEN / REGULAR pieces, and an override across a
//   hand-off makes one OVERRIDDEN piece per shift it covers. REGULAR shifts have no ShiftDetails.
//   Where overrides overlap, the one created last (CreateTime, then id) wins. Override time is
//   on-call time even where the rotation has nobody (a coverage gap, or before StartTime): the
//   override's contacts are on call, with OverriddenContactIds [] (one piece per rotation shift it
//   crosses, so pieces never straddle a hand-off). An override of no length changes nothing; one
//   with no NewContactIds puts nobody on call.
// - Listing. rotationShifts returns every listed shift that overlaps the half-open range
//   [from, to), whole (not cut at from or to), in time order: a shift that ends exactly at `from`
//   is left out, as is one that starts exactly at `to`. A call that would list more than
//   MAX_ROTATION_SHIFTS shifts throws TooManyShiftsError instead of running on.
// - onCallAt(at) is the ContactIds of the listed shift holding `at` (start ≤ at < end), [] when none
//   does, worked out for that instant alone.
// rotationShifts and onCallAt expect settings that recurrenceProblems passed: an unknown zone or
// a recurrence without hand-offs throws a RangeError.
import type * as C from "@aws-sdk/client-ssm-contacts";
import { Temporal } from "temporal-polyfill";

export type RotationSpec = { contactIds: string[]; startTime: Date; timeZoneId: string; recurrence: C.RecurrenceSettings };
export type OverrideSpec = { id: string; newContactIds: string[]; startTime: Date; endTime: Date; createTime: Date };

/** The most shifts one rotationShifts call lists (about 11 years of hourly shifts). */
export const MAX_ROTATION_SHIFTS = 100_000;

/** A range that would list more than MAX_ROTATION_SHIFTS shifts: the caller asks for a shorter one. */
export class TooManyShiftsError extends RangeError {
  constructor(readonly limit: number) {
    super(`The time range holds more than ${limit} shifts; ask for a shorter range`);
    this.name = "TooManyShiftsError";
  }
}

const DAY_MS = 86_400_000;
const MINUTES_PER_DAY = 1440;
/** Stands for "since forever": the start of the time before a rotation's StartTime. */
const BEFORE_ALL = -8.64e15;
const WEEKDAYS: C.DayOfWeek[] = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"];

/** Whether an IANA zone id is known (Temporal), for a ValidationException on TimeZoneId. */
export function isKnownTimeZone(id: string): boolean {
  // Temporal also takes fixed offsets ("+05:00"), which are no IANA zone, and matches ids without
  // regard to case; AWS wants the IANA name itself (CreateRotationRequest, TimeZoneId).
  if (typeof id !== "string" || !/^[A-Za-z]/.test(id)) return false;
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(id).timeZoneId === id;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Settings checks

type Problem = { name: string; message: string };

const hhmm = (t: C.HandOffTime | undefined) =>
  t ? `${String(t.HourOfDay).padStart(2, "0")}:${String(t.MinuteOfHour).padStart(2, "0")}` : "?";
const minutesOf = (t: Partial<C.HandOffTime>) => (t.HourOfDay ?? 0) * 60 + (t.MinuteOfHour ?? 0);

/**
 * Problems with a rotation's settings beyond the model's own limits (which are already checked),
 * each naming its member path, e.g. {name:"Recurrence.NumberOfOnCalls", message:"..."}; [] when fine.
 * `paths.members` names the member list in messages ("ContactIds", or "Members" for a preview).
 */
export function recurrenceProblems(
  spec: { contactIds: string[]; timeZoneId: string; recurrence: C.RecurrenceSettings },
  paths?: { members?: string },
): Problem[] {
  const problems: Problem[] = [];
  const r = spec.recurrence;
  const membersPath = paths?.members ?? "ContactIds";

  if (!isKnownTimeZone(spec.timeZoneId)) {
    problems.push({ name: "TimeZoneId", message: `${spec.timeZoneId} is not an IANA time zone id (e.g. America/New_York, UTC)` });
  }

  const kinds = (["DailySettings", "WeeklySettings", "MonthlySettings"] as const).filter((kind) => r[kind] !== undefined);
  if (kinds.length !== 1) {
    problems.push({
      name: "Recurrence",
      message:
        kinds.length === 0
          ? "Give the hand-offs as one of DailySettings, WeeklySettings or MonthlySettings"
          : `Give only one of DailySettings, WeeklySettings and MonthlySettings, not ${kinds.join(" and ")}`,
    });
  }
  for (const kind of kinds) {
    const list = r[kind] ?? [];
    if (list.length === 0) problems.push({ name: `Recurrence.${kind}`, message: "Give at least one hand-off" });
    const seen = new Map<string, number>();
    list.forEach((entry, index) => {
      const { key, label } = handOffKey(kind, entry);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else problems.push({ name: `Recurrence.${kind}[${index}]`, message: `Repeats the hand-off ${label} of ${kind}[${first}]` });
    });
  }

  const k = r.NumberOfOnCalls ?? 1;
  if (k > spec.contactIds.length) {
    problems.push({
      name: "Recurrence.NumberOfOnCalls",
      message: `${k} on call at once is more than the ${spec.contactIds.length} member(s) in ${membersPath}`,
    });
  }

  const coverages = r.ShiftCoverages;
  if (coverages && Object.keys(coverages).length > 0) {
    let windows = 0;
    for (const [day, list] of Object.entries(coverages)) {
      const parsed: { start: number; end: number; index: number }[] = [];
      (list ?? []).forEach((window, index) => {
        const name = `Recurrence.ShiftCoverages.${day}[${index}]`;
        if (!window.Start || !window.End) {
          problems.push({ name, message: "A coverage window needs both Start and End" });
          return;
        }
        const start = minutesOf(window.Start);
        const end = minutesOf(window.End) || MINUTES_PER_DAY;
        if (start >= end) {
          problems.push({ name, message: `Start ${hhmm(window.Start)} is not before End ${hhmm(window.End)} (End 00:00 means midnight at the end of the day)` });
          return;
        }
        parsed.push({ start, end, index });
      });
      parsed.sort((a, b) => a.start - b.start);
      for (let j = 1; j < parsed.length; j++) {
        if (parsed[j].start < parsed[j - 1].end) {
          problems.push({
            name: `Recurrence.ShiftCoverages.${day}[${parsed[j].index}]`,
            message: `Overlaps the window ${day}[${parsed[j - 1].index}] of the same day`,
          });
        }
      }
      windows += (list ?? []).length;
    }
    if (windows === 0) problems.push({ name: "Recurrence.ShiftCoverages", message: "The coverage windows cover no time: give at least one window, or no ShiftCoverages for round-the-clock on-call" });
  }
  return problems;
}

function handOffKey(kind: "DailySettings" | "WeeklySettings" | "MonthlySettings", entry: unknown): { key: string; label: string } {
  if (kind === "DailySettings") {
    const t = entry as C.HandOffTime;
    return { key: hhmm(t), label: hhmm(t) };
  }
  if (kind === "WeeklySettings") {
    const w = entry as C.WeeklySetting;
    return { key: `${w.DayOfWeek} ${hhmm(w.HandOffTime)}`, label: `${w.DayOfWeek} ${hhmm(w.HandOffTime)}` };
  }
  const m = entry as C.MonthlySetting;
  return { key: `${m.DayOfMonth} ${hhmm(m.HandOffTime)}`, label: `day ${m.DayOfMonth} ${hhmm(m.HandOffTime)}` };
}

// ---------------------------------------------------------------------------------------------
// The hand-off grid
//
// Hand-offs form a grid of periods (days, Monday-based weeks, months) with the same P slots in
// each; grid point g is slot g mod P of period ⌊g / P⌋, counted from 1970. A grid point's instant
// comes from Temporal (its wall clock in the zone); instants never decrease along the grid, so the
// shift holding any instant is found by jumping to its period and looking at a neighbour or two.

type Slot = { minute: number; weekday: number; dayOfMonth: number };
type Kind = "daily" | "weekly" | "monthly";
type Wall = { year: number; month: number; day: number; minute: number };

/** Days since 1970-01-01 of an ISO calendar date (calendar arithmetic only: no time zone involved). */
const epochDay = (year: number, month: number, day: number) => utcDate(year, month - 1, day).getTime() / DAY_MS;
/** Date.UTC reads years 0–99 as 1900–1999; setUTCFullYear doesn't. */
const utcDate = (year: number, monthIndex: number, day: number) => {
  const d = new Date(0);
  d.setUTCFullYear(year, monthIndex, day);
  return d;
};
const dateOfEpochDay = (days: number) => {
  const d = new Date(days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};
const daysInMonth = (year: number, month: number) => utcDate(year, month, 0).getUTCDate();
/** ISO weekday, 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
const weekdayOfEpochDay = (days: number) => (((days + 3) % 7) + 7) % 7 + 1;

/** The one wall time → instant rule: a skipped time at the transition, a repeated one at its first occurrence. */
export function resolveWallTime(timeZoneId: string, wall: Temporal.PlainDateTime): number {
  try {
    return wall.toZonedDateTime(timeZoneId, { disambiguation: "reject" }).epochMilliseconds;
  } catch {
    // Skipped or repeated. "earlier" takes a repeated time's first occurrence; a skipped time comes
    // back moved earlier by the gap, and then the hand-off is at the transition itself.
    const zoned = wall.toZonedDateTime(timeZoneId, { disambiguation: "earlier" });
    if (Temporal.PlainDateTime.compare(zoned.toPlainDateTime(), wall) === 0) return zoned.epochMilliseconds;
    return zoned.getTimeZoneTransition("next")?.epochMilliseconds ?? zoned.epochMilliseconds;
  }
}

/**
 * Wall times of one zone resolved to instants, fast. A rotation resolves thousands of hand-offs
 * and each Temporal resolution costs some 10 µs, so Temporal resolves one wall time per stretch
 * between two of the zone's transitions (which Temporal also gives): inside a stretch the offset
 * is constant, wall-clock minutes and real minutes run together, and other wall times in it are
 * counted from that one. Within two days of a transition (more than any offset change in the
 * time zone database) every wall time goes to Temporal itself, so skipped and repeated times
 * always follow resolveWallTime; the tests compare the two on random wall times.
 */
class ZoneClock {
  private readonly stretches: { lo: number; hi: number; anchorMs: number; anchorWall: number }[] = [];
  /** Wall-clock ranges (minutes) around transitions, resolved by Temporal one by one; and those resolutions. */
  private readonly nearTransitions: { lo: number; hi: number }[] = [];
  private readonly exact = new Map<number, number>();
  private static readonly MARGIN_MS = 2 * DAY_MS;

  constructor(readonly tz: string) {}

  /** `wall`: minutes since 1970-01-01T00:00 on the zone's wall clock. */
  resolve(wall: number): number {
    for (const s of this.stretches) {
      const candidate = s.anchorMs + (wall - s.anchorWall) * 60_000;
      if (s.lo <= candidate && candidate < s.hi) return candidate;
    }
    const known = this.exact.get(wall);
    if (known !== undefined) return known;
    const ms = resolveWallTime(this.tz, plainOf(wall));
    if (this.nearTransitions.some((r) => r.lo <= wall && wall < r.hi)) {
      if (this.exact.size < 100_000) this.exact.set(wall, ms);
      return ms;
    }
    const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(this.tz);
    const previous = Temporal.Instant.fromEpochMilliseconds(ms + 1).toZonedDateTimeISO(this.tz).getTimeZoneTransition("previous");
    const next = zoned.getTimeZoneTransition("next");
    const lo = previous ? previous.epochMilliseconds + ZoneClock.MARGIN_MS : -Infinity;
    const hi = next ? next.epochMilliseconds - ZoneClock.MARGIN_MS : Infinity;
    if (lo <= ms && ms < hi) {
      // Only an anchor inside its stretch reads the same on the wall clock as asked (not a skipped time).
      if (this.stretches.length < 1000) this.stretches.push({ lo, hi, anchorMs: ms, anchorWall: wall });
    } else {
      const transition = ms < lo ? previous : next;
      if (transition && this.nearTransitions.length < 1000) {
        const t = transition.epochMilliseconds;
        this.nearTransitions.push({ lo: wallMinutes(this.tz, t - ZoneClock.MARGIN_MS) - 1, hi: wallMinutes(this.tz, t + ZoneClock.MARGIN_MS) + 1 });
      }
      if (this.exact.size < 100_000) this.exact.set(wall, ms);
    }
    return ms;
  }
}

const plainOf = (wall: number) => {
  const day = Math.floor(wall / MINUTES_PER_DAY);
  const minute = wall - day * MINUTES_PER_DAY;
  const d = dateOfEpochDay(day);
  return new Temporal.PlainDateTime(d.year, d.month, d.day, Math.floor(minute / 60), minute % 60);
};

/** Minutes since 1970-01-01T00:00 on the zone's wall clock at instant `ms` (whole minutes, rounded down). */
function wallMinutes(tz: string, ms: number): number {
  const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(tz);
  return epochDay(z.year, z.month, z.day) * MINUTES_PER_DAY + z.hour * 60 + z.minute;
}

const clocks = new Map<string, ZoneClock>();
function zoneOf(tz: string): ZoneClock {
  let clock = clocks.get(tz);
  if (!clock) {
    clock = new ZoneClock(tz);
    if (clocks.size < 1000) clocks.set(tz, clock);
  }
  return clock;
}

class Rotation {
  readonly tz: string;
  readonly kind: Kind;
  readonly slots: Slot[];
  readonly perPeriod: number;
  readonly multiplier: number;
  readonly onCalls: number;
  readonly members: string[];
  readonly startMs: number;
  /** Coverage windows per ISO weekday (index 1–7), minutes of the day, sorted; null: round the clock. */
  readonly coverage: { start: number; end: number }[][] | null;
  readonly coversAnything: boolean;
  /** The first grid point strictly after StartTime. */
  readonly firstPoint: number;
  private readonly instants = new Map<number, number>();

  constructor(spec: RotationSpec) {
    this.tz = spec.timeZoneId;
    const r = spec.recurrence;
    this.members = spec.contactIds;
    this.multiplier = Math.max(1, r.RecurrenceMultiplier ?? 1);
    this.onCalls = Math.max(1, r.NumberOfOnCalls ?? 1);
    this.startMs = spec.startTime.getTime();
    if (r.DailySettings?.length) {
      this.kind = "daily";
      this.slots = r.DailySettings.map((t) => ({ minute: minutesOf(t), weekday: 0, dayOfMonth: 0 }));
    } else if (r.WeeklySettings?.length) {
      this.kind = "weekly";
      this.slots = r.WeeklySettings.map((w) => ({
        minute: minutesOf(w.HandOffTime ?? {}),
        weekday: WEEKDAYS.indexOf(w.DayOfWeek as C.DayOfWeek) + 1,
        dayOfMonth: 0,
      }));
    } else if (r.MonthlySettings?.length) {
      this.kind = "monthly";
      this.slots = r.MonthlySettings.map((m) => ({ minute: minutesOf(m.HandOffTime ?? {}), weekday: 0, dayOfMonth: m.DayOfMonth ?? 1 }));
    } else {
      throw new RangeError("A rotation needs daily, weekly or monthly hand-offs (see recurrenceProblems)");
    }
    this.slots.sort((a, b) => a.dayOfMonth - b.dayOfMonth || a.weekday - b.weekday || a.minute - b.minute);
    this.perPeriod = this.slots.length;

    const map = r.ShiftCoverages;
    if (map && Object.keys(map).length > 0) {
      this.coverage = [[], [], [], [], [], [], [], []];
      for (const [day, list] of Object.entries(map)) {
        const weekday = WEEKDAYS.indexOf(day as C.DayOfWeek) + 1;
        if (weekday === 0) continue;
        for (const w of list ?? []) {
          if (!w.Start || !w.End) continue;
          const start = minutesOf(w.Start);
          const end = minutesOf(w.End) || MINUTES_PER_DAY;
          if (start < end) this.coverage[weekday].push({ start, end });
        }
        this.coverage[weekday].sort((a, b) => a.start - b.start);
      }
      this.coversAnything = this.coverage.some((list) => list.length > 0);
    } else {
      this.coverage = null;
      this.coversAnything = true;
    }
    this.firstPoint = this.pointAtOrBefore(this.startMs) + 1;
  }

  /** The instant of a wall-clock time in the zone: a skipped time at the transition, a repeated one at its first occurrence. */
  resolve(year: number, month: number, day: number, minute: number): number {
    return zoneOf(this.tz).resolve(epochDay(year, month, day) * MINUTES_PER_DAY + minute);
  }

  wallAt(ms: number): Wall {
    const z = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(this.tz);
    return { year: z.year, month: z.month, day: z.day, minute: z.hour * 60 + z.minute + (z.second + z.millisecond / 1000) / 60 };
  }

  /** The instant of grid point g. */
  pointInstant(g: number): number {
    const known = this.instants.get(g);
    if (known !== undefined) return known;
    const period = Math.floor(g / this.perPeriod);
    const slot = this.slots[g - period * this.perPeriod];
    let ms: number;
    if (this.kind === "daily") {
      const d = dateOfEpochDay(period);
      ms = this.resolve(d.year, d.month, d.day, slot.minute);
    } else if (this.kind === "weekly") {
      const d = dateOfEpochDay(4 + 7 * period + slot.weekday - 1); // 1970-01-05 was a Monday
      ms = this.resolve(d.year, d.month, d.day, slot.minute);
    } else {
      const year = Math.floor(period / 12);
      const month = period - 12 * year + 1;
      ms = this.resolve(year, month, Math.min(slot.dayOfMonth, daysInMonth(year, month)), slot.minute);
    }
    this.instants.set(g, ms);
    return ms;
  }

  /** The last grid point at or before `ms`. */
  pointAtOrBefore(ms: number): number {
    const wall = this.wallAt(ms);
    const day = epochDay(wall.year, wall.month, wall.day);
    let period: number;
    let passed: (slot: Slot) => boolean;
    if (this.kind === "daily") {
      period = day;
      passed = (slot) => slot.minute <= wall.minute;
    } else if (this.kind === "weekly") {
      const weekday = weekdayOfEpochDay(day);
      period = Math.floor((day - weekday + 1 - 4) / 7);
      passed = (slot) => slot.weekday < weekday || (slot.weekday === weekday && slot.minute <= wall.minute);
    } else {
      period = wall.year * 12 + wall.month - 1;
      const length = daysInMonth(wall.year, wall.month);
      passed = (slot) => {
        const dom = Math.min(slot.dayOfMonth, length);
        return dom < wall.day || (dom === wall.day && slot.minute <= wall.minute);
      };
    }
    let g = period * this.perPeriod + this.slots.filter(passed).length - 1;
    // The wall clock is a guess near DST changes: settle on the instants themselves.
    for (let guard = 0; ; guard++) {
      if (guard > 4 * this.perPeriod + 8) throw new Error("rotation grid did not settle");
      if (this.pointInstant(g + 1) <= ms) g++;
      else if (this.pointInstant(g) > ms) g--;
      else return g;
    }
  }

  /** Boundary j of the rotation: StartTime for 0, then the j-th grid point after StartTime. */
  boundary(j: number): number {
    return j === 0 ? this.startMs : this.pointInstant(this.firstPoint + j - 1);
  }

  shiftStart(i: number): number {
    return this.boundary(i * this.multiplier);
  }

  shiftEnd(i: number): number {
    return this.boundary((i + 1) * this.multiplier);
  }

  /** The shift holding instant `ms` (at or after StartTime). */
  shiftAt(ms: number): number {
    return Math.floor((this.pointAtOrBefore(ms) - this.firstPoint + 1) / this.multiplier);
  }

  shiftMembers(i: number): string[] {
    const n = this.members.length;
    if (n === 0) return [];
    const k = Math.min(this.onCalls, n);
    const out: string[] = [];
    for (let j = 0; j < k; j++) out.push(this.members[(((i * k + j) % n) + n) % n]);
    return out;
  }

  /** The coverage windows (instants) of the wall dates from the one of `lo` to the one of `hi`, a day either side, in order. */
  windows(lo: number, hi: number): { start: number; end: number }[] {
    const coverage = this.coverage;
    if (!coverage) return [];
    const a = this.wallAt(lo);
    const b = this.wallAt(hi);
    const out: { start: number; end: number }[] = [];
    for (let day = epochDay(a.year, a.month, a.day) - 1, last = epochDay(b.year, b.month, b.day) + 1; day <= last; day++) {
      const list = coverage[weekdayOfEpochDay(day)];
      if (list.length === 0) continue;
      const d = dateOfEpochDay(day);
      for (const w of list) {
        const start = this.resolve(d.year, d.month, d.day, w.start);
        let end: number;
        if (w.end === MINUTES_PER_DAY) {
          const next = dateOfEpochDay(day + 1);
          end = this.resolve(next.year, next.month, next.day, 0);
        } else {
          end = this.resolve(d.year, d.month, d.day, w.end);
        }
        if (end > start) out.push({ start, end });
      }
      // Each window in the range is listed (as itself or overridden), so this many can't be listed anyway.
      if (out.length > MAX_ROTATION_SHIFTS + 64) throw new TooManyShiftsError(MAX_ROTATION_SHIFTS);
    }
    return out;
  }

  covered(ms: number): boolean {
    if (!this.coverage) return true;
    return this.windows(ms, ms).some((w) => w.start <= ms && ms < w.end);
  }
}

// ---------------------------------------------------------------------------------------------
// Overrides

type Ranked = { override: OverrideSpec; start: number; end: number };

/** Later-created wins: CreateTime, then id. */
const createdBefore = (a: OverrideSpec, b: OverrideSpec) =>
  a.createTime.getTime() - b.createTime.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The overrides' effective pieces over [lo, hi): disjoint, in order, each with the override that wins there. */
function overrideSegments(overrides: OverrideSpec[], lo: number, hi: number): Ranked[] {
  const relevant = overrides
    .map((override) => ({ override, start: override.startTime.getTime(), end: override.endTime.getTime() }))
    .filter((o) => o.end > o.start && o.end > lo && o.start < hi)
    .sort((a, b) => -createdBefore(a.override, b.override)); // newest first
  if (relevant.length === 0) return [];
  const cuts = [...new Set(relevant.flatMap((o) => [o.start, o.end]))].sort((a, b) => a - b);
  const segments: Ranked[] = [];
  for (let c = 0; c + 1 < cuts.length; c++) {
    const start = cuts[c];
    const end = cuts[c + 1];
    const winner = relevant.find((o) => o.start <= start && end <= o.end);
    if (!winner) continue;
    const last = segments[segments.length - 1];
    if (last && last.override === winner.override && last.end === start) last.end = end;
    else segments.push({ override: winner.override, start, end });
  }
  return segments;
}

function overrideAt(overrides: OverrideSpec[], ms: number): OverrideSpec | undefined {
  let winner: OverrideSpec | undefined;
  for (const o of overrides) {
    if (o.startTime.getTime() <= ms && ms < o.endTime.getTime() && (!winner || createdBefore(winner, o) < 0)) winner = o;
  }
  return winner;
}

// ---------------------------------------------------------------------------------------------
// Listing and resolving

/** A stretch of the rotation's own timeline: members on call (covered) or nobody (a gap). */
type BasePiece = { start: number; end: number; members: string[]; covered: boolean };

/** The shifts overlapping the half-open range [from, to), in time order (ties: stable, by start then end). */
export function rotationShifts(rotation: RotationSpec, overrides: OverrideSpec[], from: Date, to: Date): C.RotationShift[] {
  const lo = from.getTime();
  const hi = to.getTime();
  if (!(hi > lo)) return [];
  const r = new Rotation(rotation);

  // The rotation's timeline tiled from the piece holding `from` to the one holding the instant
  // before `to`, every piece whole, so that each listed shift overlapping the range is exact.
  const base: BasePiece[] = [];
  if (lo < r.startMs) base.push({ start: BEFORE_ALL, end: r.startMs, members: [], covered: false });
  const shifts: { i: number; start: number; end: number }[] = [];
  for (let i = lo < r.startMs ? 0 : r.shiftAt(lo); ; i++) {
    const start = r.shiftStart(i);
    if (start >= hi) break;
    if (shifts.length > MAX_ROTATION_SHIFTS) throw new TooManyShiftsError(MAX_ROTATION_SHIFTS);
    shifts.push({ i, start, end: r.shiftEnd(i) });
  }

  if (!r.coverage) {
    for (const s of shifts) if (s.end > s.start) base.push({ start: s.start, end: s.end, members: r.shiftMembers(s.i), covered: true });
  } else if (shifts.length > 0) {
    // A gap next to a window is at most a week long (when any window exists), so windows from nine
    // days before `from` to nine days after `to` pin down every piece that can overlap the range.
    const regionLo = Math.max(shifts[0].start, lo - 9 * DAY_MS);
    const regionHi = Math.min(shifts[shifts.length - 1].end, hi + 9 * DAY_MS);
    const windows = r.coversAnything ? r.windows(regionLo, regionHi) : [];
    let w = 0;
    for (const s of shifts) {
      if (s.end <= s.start) continue;
      const members = r.shiftMembers(s.i);
      const fromHere = r.coversAnything ? Math.max(s.start, regionLo) : s.start;
      const toHere = r.coversAnything ? Math.min(s.end, regionHi) : s.end;
      while (w < windows.length && windows[w].end <= fromHere) w++;
      let cursor = fromHere;
      for (let v = w; v < windows.length && windows[v].start < toHere; v++) {
        const start = Math.max(windows[v].start, s.start);
        const end = Math.min(windows[v].end, s.end);
        if (start > cursor) base.push({ start: cursor, end: start, members: [], covered: false });
        base.push({ start, end, members, covered: true });
        cursor = end;
      }
      if (cursor < toHere) base.push({ start: cursor, end: toHere, members: [], covered: false });
    }
  }
  if (base.length === 0) return [];

  const segments = overrideSegments(overrides, base[0].start, base[base.length - 1].end);
  const out: C.RotationShift[] = [];
  const emit = (start: number, end: number, contactIds: string[], overridden?: string[]) => {
    if (!(end > lo && start < hi && end > start)) return;
    if (out.length >= MAX_ROTATION_SHIFTS) throw new TooManyShiftsError(MAX_ROTATION_SHIFTS);
    out.push(
      overridden
        ? { ContactIds: contactIds.slice(), StartTime: new Date(start), EndTime: new Date(end), Type: "OVERRIDDEN", ShiftDetails: { OverriddenContactIds: overridden.slice() } }
        : { ContactIds: contactIds.slice(), StartTime: new Date(start), EndTime: new Date(end), Type: "REGULAR" },
    );
  };
  let s = 0;
  for (const piece of base) {
    while (s < segments.length && segments[s].end <= piece.start) s++;
    let cursor = piece.start;
    for (let t = s; t < segments.length && segments[t].start < piece.end; t++) {
      const seg = segments[t];
      const start = Math.max(seg.start, piece.start);
      const end = Math.min(seg.end, piece.end);
      if (piece.covered && start > cursor) emit(cursor, start, piece.members);
      emit(start, end, seg.override.newContactIds, piece.members);
      cursor = end;
    }
    if (piece.covered && cursor < piece.end) emit(cursor, piece.end, piece.members);
  }
  return out;
}

/** Who is on call at instant `at` (after overrides): contact ids in rotation order; [] in a coverage gap. */
export function onCallAt(rotation: RotationSpec, overrides: OverrideSpec[], at: Date): string[] {
  const ms = at.getTime();
  const override = overrideAt(overrides, ms);
  if (override) return [...override.newContactIds];
  if (ms < rotation.startTime.getTime()) return [];
  const r = new Rotation(rotation);
  if (!r.covered(ms)) return [];
  const i = r.shiftAt(ms);
  // A shift of no length holds no instant; shiftAt already moved past it.
  return r.shiftMembers(i);
}

/** Start and end of shift i of a rotation (no coverage or overrides applied): for tests and benchmarks. */
export function shiftBounds(rotation: RotationSpec, i: number): { start: Date; end: Date } {
  const r = new Rotation(rotation);
  return { start: new Date(r.shiftStart(i)), end: new Date(r.shiftEnd(i)) };
}

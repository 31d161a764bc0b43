// The rotation rules of rotation-shifts.ts, one by one, with instants written out in UTC so a
// reader can check them against a calendar; then onCallAt against rotationShifts, and the fast
// wall-clock resolution against Temporal itself, on seeded random instants.
import type * as C from "@aws-sdk/client-ssm-contacts";
import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  MAX_ROTATION_SHIFTS,
  TooManyShiftsError,
  isKnownTimeZone,
  onCallAt,
  recurrenceProblems,
  resolveWallTime,
  rotationShifts,
  shiftBounds,
  type OverrideSpec,
  type RotationSpec,
} from "./rotation-shifts";

const at = (hour: number, minute = 0): C.HandOffTime => ({ HourOfDay: hour, MinuteOfHour: minute });
const daily = (...times: C.HandOffTime[]): C.RecurrenceSettings => ({ DailySettings: times, NumberOfOnCalls: 1, RecurrenceMultiplier: 1 });
const weekly = (...days: [C.DayOfWeek, number, number?][]): C.RecurrenceSettings => ({
  WeeklySettings: days.map(([DayOfWeek, hour, minute]) => ({ DayOfWeek, HandOffTime: at(hour, minute ?? 0) })),
  NumberOfOnCalls: 1,
  RecurrenceMultiplier: 1,
});
const monthly = (...days: [number, number, number?][]): C.RecurrenceSettings => ({
  MonthlySettings: days.map(([DayOfMonth, hour, minute]) => ({ DayOfMonth, HandOffTime: at(hour, minute ?? 0) })),
  NumberOfOnCalls: 1,
  RecurrenceMultiplier: 1,
});
const window = (start: number, end: number): C.CoverageTime => ({ Start: at(start), End: at(end) });

const rotation = (timeZoneId: string, startTime: string, recurrence: C.RecurrenceSettings, contactIds = ["a", "b", "c"]): RotationSpec => ({
  contactIds,
  startTime: new Date(startTime),
  timeZoneId,
  recurrence,
});
const override = (id: string, newContactIds: string[], startTime: string, endTime: string, createTime = "2026-01-01T00:00:00Z"): OverrideSpec => ({
  id,
  newContactIds,
  startTime: new Date(startTime),
  endTime: new Date(endTime),
  createTime: new Date(createTime),
});

/** Shifts as "start → end contacts" lines (UTC, without seconds' zeros), OVERRIDDEN ones with what they replaced. */
function lines(spec: RotationSpec, from: string, to: string, overrides: OverrideSpec[] = []): string[] {
  return rotationShifts(spec, overrides, new Date(from), new Date(to)).map((s) => {
    const text = `${iso(s.StartTime!)} → ${iso(s.EndTime!)} ${s.ContactIds!.join(",")}`;
    if (s.Type === "REGULAR") {
      expect(s.ShiftDetails).toBeUndefined();
      return text;
    }
    expect(s.Type).toBe("OVERRIDDEN");
    return `${text} over ${s.ShiftDetails!.OverriddenContactIds!.join(",") || "nobody"}`;
  });
}
const iso = (d: Date) => d.toISOString().replace(":00.000Z", "Z").replace(".000Z", "Z");
const hours = (s: C.RotationShift) => (s.EndTime!.getTime() - s.StartTime!.getTime()) / 3_600_000;

describe("isKnownTimeZone", () => {
  it("knows IANA ids as IANA spells them", () => {
    for (const id of ["America/New_York", "Europe/Berlin", "Australia/Sydney", "UTC", "Asia/Seoul"]) expect(isKnownTimeZone(id)).toBe(true);
  });
  it("refuses offsets, abbreviations, unknown zones and other spellings", () => {
    for (const id of ["+05:00", "-08:00", "PST", "Mars/Olympus", "america/new_york", "", " UTC"]) expect(isKnownTimeZone(id)).toBe(false);
  });
});

describe("recurrenceProblems", () => {
  const members = ["a", "b", "c"];
  const problems = (recurrence: C.RecurrenceSettings, timeZoneId = "UTC", contactIds = members, paths?: { members?: string }) =>
    recurrenceProblems({ contactIds, timeZoneId, recurrence }, paths);

  it("finds nothing wrong with a well-formed rotation of each kind", () => {
    expect(problems(daily(at(9), at(21)))).toEqual([]);
    expect(problems(weekly(["MON", 9], ["FRI", 17, 30]))).toEqual([]);
    expect(problems(monthly([1, 9], [31, 9]))).toEqual([]);
    expect(problems({ ...daily(at(9)), ShiftCoverages: { MON: [window(9, 17)], SAT: [window(0, 0)], SUN: [window(22, 0), window(0, 6)] } })).toEqual([]);
  });

  it("wants exactly one kind of hand-offs, with at least one", () => {
    expect(problems({ NumberOfOnCalls: 1, RecurrenceMultiplier: 1 }).map((p) => p.name)).toEqual(["Recurrence"]);
    const two = problems({ ...daily(at(9)), WeeklySettings: [{ DayOfWeek: "MON", HandOffTime: at(9) }] });
    expect(two).toEqual([{ name: "Recurrence", message: expect.stringContaining("DailySettings and WeeklySettings") }]);
    expect(problems({ DailySettings: [], NumberOfOnCalls: 1, RecurrenceMultiplier: 1 })).toEqual([
      { name: "Recurrence.DailySettings", message: "Give at least one hand-off" },
    ]);
  });

  it("names a repeated hand-off of each kind", () => {
    expect(problems(daily(at(9), at(21), at(9)))).toEqual([{ name: "Recurrence.DailySettings[2]", message: expect.stringContaining("09:00") }]);
    expect(problems(weekly(["MON", 9], ["MON", 10], ["MON", 9])).map((p) => p.name)).toEqual(["Recurrence.WeeklySettings[2]"]);
    expect(problems(monthly([31, 9], [31, 9])).map((p) => p.name)).toEqual(["Recurrence.MonthlySettings[1]"]);
    // The same time on another day is another hand-off.
    expect(problems(weekly(["MON", 9], ["TUE", 9]))).toEqual([]);
  });

  it("refuses more on call at once than there are members, naming the member list", () => {
    const found = problems({ ...daily(at(9)), NumberOfOnCalls: 4 }, "UTC", members, { members: "Members" });
    expect(found).toEqual([{ name: "Recurrence.NumberOfOnCalls", message: expect.stringContaining("3 member(s) in Members") }]);
    expect(problems({ ...daily(at(9)), NumberOfOnCalls: 3 })).toEqual([]);
  });

  it("refuses an unknown time zone", () => {
    expect(problems(daily(at(9)), "PST").map((p) => p.name)).toEqual(["TimeZoneId"]);
  });

  it("checks coverage windows: Start before End (End 00:00 is midnight), no overlaps, both ends, some time covered", () => {
    const names = (ShiftCoverages: Partial<Record<C.DayOfWeek, C.CoverageTime[]>>) =>
      problems({ ...daily(at(9)), ShiftCoverages }).map((p) => p.name);
    expect(names({ MON: [window(17, 9)] })).toEqual(["Recurrence.ShiftCoverages.MON[0]"]);
    expect(names({ MON: [window(9, 9)] })).toEqual(["Recurrence.ShiftCoverages.MON[0]"]);
    expect(names({ MON: [window(9, 0)] })).toEqual([]);
    expect(names({ TUE: [window(12, 18), window(9, 13)] })).toEqual(["Recurrence.ShiftCoverages.TUE[0]"]);
    expect(names({ TUE: [window(9, 12), window(12, 18)] })).toEqual([]);
    expect(names({ WED: [{ Start: at(9) }] })).toEqual(["Recurrence.ShiftCoverages.WED[0]"]);
    expect(names({ WED: [] })).toEqual(["Recurrence.ShiftCoverages"]);
  });
});

describe("the hand-off grid", () => {
  it("starts shift 0 at StartTime and hands off at every daily hand-off after it, members in order", () => {
    const spec = rotation("UTC", "2026-05-04T09:00:00Z", daily(at(9)));
    expect(lines(spec, "2026-05-01T00:00:00Z", "2026-05-08T00:00:00Z")).toEqual([
      "2026-05-04T09:00Z → 2026-05-05T09:00Z a",
      "2026-05-05T09:00Z → 2026-05-06T09:00Z b",
      "2026-05-06T09:00Z → 2026-05-07T09:00Z c",
      "2026-05-07T09:00Z → 2026-05-08T09:00Z a",
    ]);
  });

  it("runs shift 0 from a StartTime inside a period, seconds kept, to the first hand-off after it", () => {
    const spec = rotation("UTC", "2026-05-06T14:07:31.250Z", daily(at(9)));
    const shifts = rotationShifts(spec, [], new Date("2026-05-01T00:00:00Z"), new Date("2026-05-08T00:00:00Z"));
    expect(shifts[0].StartTime).toEqual(new Date("2026-05-06T14:07:31.250Z"));
    expect(lines(spec, "2026-05-01T00:00:00Z", "2026-05-08T00:00:00Z")).toEqual([
      "2026-05-06T14:07:31.250Z → 2026-05-07T09:00Z a",
      "2026-05-07T09:00Z → 2026-05-08T09:00Z b",
    ]);
    // A StartTime a second before a hand-off makes a one-second shift 0.
    expect(lines(rotation("UTC", "2026-05-06T08:59:59Z", daily(at(9))), "2026-05-06T00:00:00Z", "2026-05-06T12:00:00Z")).toEqual([
      "2026-05-06T08:59:59Z → 2026-05-06T09:00Z a",
      "2026-05-06T09:00Z → 2026-05-07T09:00Z b",
    ]);
  });

  it("starts the next shift at each of several hand-offs in a day", () => {
    const spec = rotation("UTC", "2026-05-04T09:00:00Z", daily(at(21), at(9)));
    expect(lines(spec, "2026-05-04T00:00:00Z", "2026-05-06T00:00:00Z")).toEqual([
      "2026-05-04T09:00Z → 2026-05-04T21:00Z a",
      "2026-05-04T21:00Z → 2026-05-05T09:00Z b",
      "2026-05-05T09:00Z → 2026-05-05T21:00Z c",
      "2026-05-05T21:00Z → 2026-05-06T09:00Z a",
    ]);
  });

  it("hands off weekly on the given days and times, from a StartTime mid-week", () => {
    // 2026-05-06 is a Wednesday.
    const spec = rotation("UTC", "2026-05-06T12:00:00Z", weekly(["FRI", 17, 30], ["MON", 9]));
    expect(lines(spec, "2026-05-01T00:00:00Z", "2026-05-19T00:00:00Z")).toEqual([
      "2026-05-06T12:00Z → 2026-05-08T17:30Z a",
      "2026-05-08T17:30Z → 2026-05-11T09:00Z b",
      "2026-05-11T09:00Z → 2026-05-15T17:30Z c",
      "2026-05-15T17:30Z → 2026-05-18T09:00Z a",
      "2026-05-18T09:00Z → 2026-05-22T17:30Z b",
    ]);
  });

  it("spans RecurrenceMultiplier hand-off periods per shift", () => {
    const spec = rotation("UTC", "2026-05-04T09:00:00Z", { ...daily(at(9)), RecurrenceMultiplier: 3 });
    expect(lines(spec, "2026-05-04T00:00:00Z", "2026-05-12T00:00:00Z")).toEqual([
      "2026-05-04T09:00Z → 2026-05-07T09:00Z a",
      "2026-05-07T09:00Z → 2026-05-10T09:00Z b",
      "2026-05-10T09:00Z → 2026-05-13T09:00Z c",
    ]);
    // Weekly × 2: fortnightly shifts on Mondays.
    const fortnightly = rotation("UTC", "2026-05-04T09:00:00Z", { ...weekly(["MON", 9]), RecurrenceMultiplier: 2 }, ["a", "b"]);
    expect(lines(fortnightly, "2026-05-04T00:00:00Z", "2026-06-01T00:00:00Z")).toEqual([
      "2026-05-04T09:00Z → 2026-05-18T09:00Z a",
      "2026-05-18T09:00Z → 2026-06-01T09:00Z b",
    ]);
    // With a StartTime inside a period, shift 0 runs to the N-th hand-off after it.
    const mid = rotation("UTC", "2026-05-04T12:00:00Z", { ...daily(at(9)), RecurrenceMultiplier: 2 });
    expect(lines(mid, "2026-05-04T00:00:00Z", "2026-05-07T00:00:00Z")).toEqual([
      "2026-05-04T12:00Z → 2026-05-06T09:00Z a",
      "2026-05-06T09:00Z → 2026-05-08T09:00Z b",
    ]);
  });

  it("puts the next NumberOfOnCalls members on call together, cycling in order", () => {
    const spec = rotation("UTC", "2026-05-04T09:00:00Z", { ...daily(at(9)), NumberOfOnCalls: 2 }, ["a", "b", "c", "d", "e"]);
    expect(lines(spec, "2026-05-04T00:00:00Z", "2026-05-09T00:00:00Z")).toEqual([
      "2026-05-04T09:00Z → 2026-05-05T09:00Z a,b",
      "2026-05-05T09:00Z → 2026-05-06T09:00Z c,d",
      "2026-05-06T09:00Z → 2026-05-07T09:00Z e,a",
      "2026-05-07T09:00Z → 2026-05-08T09:00Z b,c",
      "2026-05-08T09:00Z → 2026-05-09T09:00Z d,e",
    ]);
    expect(onCallAt(spec, [], new Date("2026-05-06T12:00:00Z"))).toEqual(["e", "a"]);
    // Everyone on call at once.
    const all = rotation("UTC", "2026-05-04T09:00:00Z", { ...daily(at(9)), NumberOfOnCalls: 3 });
    expect(lines(all, "2026-05-04T00:00:00Z", "2026-05-05T12:00:00Z")).toEqual([
      "2026-05-04T09:00Z → 2026-05-05T09:00Z a,b,c",
      "2026-05-05T09:00Z → 2026-05-06T09:00Z a,b,c",
    ]);
  });

  it("keeps counting far from StartTime", () => {
    const spec = rotation("UTC", "2026-05-04T09:00:00Z", daily(at(9)), ["a", "b", "c", "d", "e", "f", "g"]);
    // 3653 days later (2036-05-04): 3653 mod 7 = 6.
    expect(lines(spec, "2036-05-04T10:00:00Z", "2036-05-04T11:00:00Z")).toEqual(["2036-05-04T09:00Z → 2036-05-05T09:00Z g"]);
    expect(shiftBounds(spec, 3653)).toEqual({ start: new Date("2036-05-04T09:00:00Z"), end: new Date("2036-05-05T09:00:00Z") });
  });
});

describe("dates far from today", () => {
  it("counts before 1970 and in the first century as well", () => {
    const old = rotation("UTC", "1965-03-01T09:00:00Z", monthly([31, 9]), ["a", "b"]);
    expect(lines(old, "1965-04-01T00:00:00Z", "1965-05-01T00:00:00Z")).toEqual([
      "1965-03-31T09:00Z → 1965-04-30T09:00Z b",
      "1965-04-30T09:00Z → 1965-05-31T09:00Z a",
    ]);
    const ancient = rotation("UTC", "0050-01-01T00:00:00Z", weekly(["MON", 0]), ["a", "b"]);
    // 1 January 50 was a Saturday (proleptic Gregorian); the first Monday is the 3rd.
    expect(lines(ancient, "0050-01-01T00:00:00Z", "0050-01-06T00:00:00Z")).toEqual([
      "0050-01-01T00:00Z → 0050-01-03T00:00Z a",
      "0050-01-03T00:00Z → 0050-01-10T00:00Z b",
    ]);
  });
});

describe("monthly hand-offs", () => {
  it("hands off on the 31st, or the month's last day when it is shorter", () => {
    const spec = rotation("UTC", "2026-01-31T09:00:00Z", monthly([31, 9]), ["a", "b"]);
    expect(lines(spec, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z")).toEqual([
      "2026-01-31T09:00Z → 2026-02-28T09:00Z a",
      "2026-02-28T09:00Z → 2026-03-31T09:00Z b",
      "2026-03-31T09:00Z → 2026-04-30T09:00Z a",
      "2026-04-30T09:00Z → 2026-05-31T09:00Z b",
      "2026-05-31T09:00Z → 2026-06-30T09:00Z a",
    ]);
    // A leap year's February has a 29th.
    const leap = rotation("UTC", "2028-01-31T09:00:00Z", monthly([30, 9]), ["a", "b"]);
    expect(lines(leap, "2028-02-01T00:00:00Z", "2028-03-01T00:00:00Z")).toEqual([
      "2028-01-31T09:00Z → 2028-02-29T09:00Z a",
      "2028-02-29T09:00Z → 2028-03-30T09:00Z b",
    ]);
  });

  it("moves past a shift of no length when two hand-offs fall on the same last day", () => {
    // The 30th and the 31st are both 28 February: that shift has no time and isn't listed,
    // but the rotation moves on (member c's turn passes).
    const spec = rotation("UTC", "2026-01-30T09:00:00Z", monthly([31, 9], [30, 9]));
    expect(lines(spec, "2026-01-01T00:00:00Z", "2026-04-01T00:00:00Z")).toEqual([
      "2026-01-30T09:00Z → 2026-01-31T09:00Z a",
      "2026-01-31T09:00Z → 2026-02-28T09:00Z b",
      "2026-02-28T09:00Z → 2026-03-30T09:00Z a",
      "2026-03-30T09:00Z → 2026-03-31T09:00Z b",
      "2026-03-31T09:00Z → 2026-04-30T09:00Z c",
    ]);
    expect(onCallAt(spec, [], new Date("2026-02-28T09:00:00Z"))).toEqual(["a"]);
  });

  it("multiplies monthly periods", () => {
    const spec = rotation("UTC", "2026-01-15T00:00:00Z", { ...monthly([1, 0]), RecurrenceMultiplier: 3 }, ["a", "b"]);
    expect(lines(spec, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z")).toEqual([
      "2026-01-15T00:00Z → 2026-04-01T00:00Z a",
      "2026-04-01T00:00Z → 2026-07-01T00:00Z b",
    ]);
  });
});

describe("wall-clock hand-offs across daylight-saving changes", () => {
  it("America/New_York: 09:00 stays 09:00, making a 23-hour and a 25-hour shift", () => {
    const spec = rotation("America/New_York", "2026-03-06T14:00:00Z", daily(at(9)));
    const spring = rotationShifts(spec, [], new Date("2026-03-07T00:00:00Z"), new Date("2026-03-08T12:00:00Z"));
    expect(lines(spec, "2026-03-07T00:00:00Z", "2026-03-08T12:00:00Z")).toEqual([
      "2026-03-06T14:00Z → 2026-03-07T14:00Z a",
      "2026-03-07T14:00Z → 2026-03-08T13:00Z b",
    ]);
    expect(spring.map(hours)).toEqual([24, 23]);
    const autumn = rotationShifts(spec, [], new Date("2026-10-31T13:00:00Z"), new Date("2026-11-01T15:00:00Z"));
    expect(autumn.map((s) => iso(s.StartTime!))).toEqual(["2026-10-31T13:00Z", "2026-11-01T14:00Z"]);
    expect(autumn.map(hours)).toEqual([25, 24]);
  });

  it("Europe/Berlin: the last Sundays of March and October", () => {
    const spec = rotation("Europe/Berlin", "2026-03-01T08:00:00Z", daily(at(9)));
    expect(lines(spec, "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z").map((l) => l.slice(0, 37))).toEqual([
      "2026-03-28T08:00Z → 2026-03-29T07:00Z",
      "2026-03-29T07:00Z → 2026-03-30T07:00Z",
    ]);
    expect(lines(spec, "2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z").map((l) => l.slice(0, 37))).toEqual([
      "2026-10-24T07:00Z → 2026-10-25T08:00Z",
      "2026-10-25T08:00Z → 2026-10-26T08:00Z",
    ]);
  });

  it("Australia/Sydney: summer time ends in April (25 h) and starts in October (23 h)", () => {
    const spec = rotation("Australia/Sydney", "2026-01-01T22:00:00Z", daily(at(9)));
    const april = rotationShifts(spec, [], new Date("2026-04-04T00:00:00Z"), new Date("2026-04-05T00:00:00Z"));
    expect(april.map((s) => `${iso(s.StartTime!)} ${hours(s)}`)).toEqual(["2026-04-03T22:00Z 25", "2026-04-04T23:00Z 24"]);
    const october = rotationShifts(spec, [], new Date("2026-10-03T00:00:00Z"), new Date("2026-10-04T00:00:00Z"));
    expect(october.map((s) => `${iso(s.StartTime!)} ${hours(s)}`)).toEqual(["2026-10-02T23:00Z 23", "2026-10-03T22:00Z 24"]);
  });

  it("hands off at the transition when the hand-off time is skipped", () => {
    // 02:30 doesn't exist on 8 March 2026 in New York: clocks go from 02:00 EST to 03:00 EDT.
    const ny = rotation("America/New_York", "2026-03-06T07:30:00Z", daily(at(2, 30)));
    expect(lines(ny, "2026-03-07T12:00:00Z", "2026-03-09T00:00:00Z").map((l) => l.slice(0, 37))).toEqual([
      "2026-03-07T07:30Z → 2026-03-08T07:00Z",
      "2026-03-08T07:00Z → 2026-03-09T06:30Z",
    ]);
    // Berlin, 29 March 2026, 02:00 CET → 03:00 CEST; Sydney, 4 October 2026, 02:00 AEST → 03:00 AEDT.
    const berlin = rotation("Europe/Berlin", "2026-03-01T01:30:00Z", daily(at(2, 30)));
    expect(rotationShifts(berlin, [], new Date("2026-03-29T00:00:00Z"), new Date("2026-03-29T01:00:00Z")).map((s) => iso(s.EndTime!))).toEqual([
      "2026-03-29T01:00Z",
    ]);
    const sydney = rotation("Australia/Sydney", "2026-09-01T00:00:00Z", daily(at(2, 30)));
    expect(rotationShifts(sydney, [], new Date("2026-10-03T15:00:00Z"), new Date("2026-10-03T16:00:00Z")).map((s) => iso(s.EndTime!))).toEqual([
      "2026-10-03T16:00Z",
    ]);
  });

  it("hands off at the first occurrence of a repeated hand-off time", () => {
    // 01:30 happens twice on 1 November 2026 in New York: first at 01:30 EDT (05:30Z).
    const ny = rotation("America/New_York", "2026-10-30T05:30:00Z", daily(at(1, 30)));
    expect(lines(ny, "2026-10-31T12:00:00Z", "2026-11-02T00:00:00Z").map((l) => l.slice(0, 37))).toEqual([
      "2026-10-31T05:30Z → 2026-11-01T05:30Z",
      "2026-11-01T05:30Z → 2026-11-02T06:30Z",
    ]);
    // Sydney, 5 April 2026: 02:30 first at AEDT (+11), 15:30Z the day before.
    const sydney = rotation("Australia/Sydney", "2026-03-01T00:00:00Z", daily(at(2, 30)));
    expect(rotationShifts(sydney, [], new Date("2026-04-04T15:00:00Z"), new Date("2026-04-04T15:10:00Z")).map((s) => iso(s.EndTime!))).toEqual([
      "2026-04-04T15:30Z",
    ]);
  });

  it("moves past a shift of no length when two hand-offs fall in one skipped hour", () => {
    const spec = rotation("America/New_York", "2026-03-07T07:00:00Z", daily(at(2), at(2, 30)));
    expect(lines(spec, "2026-03-08T00:00:00Z", "2026-03-08T08:00:00Z")).toEqual([
      "2026-03-07T07:30Z → 2026-03-08T07:00Z b",
      // 02:00 and 02:30 are both 03:00 EDT (07:00Z): c's shift has no time.
      "2026-03-08T07:00Z → 2026-03-09T06:00Z a",
    ]);
  });
});

describe("coverage windows", () => {
  const businessHours = { MON: [window(9, 17)], TUE: [window(9, 17)], WED: [window(9, 17)], THU: [window(9, 17)], FRI: [window(9, 17)] };

  it("lists on-call time only inside the windows; hand-offs still follow the calendar", () => {
    // 2026-05-08 is a Friday. Daily hand-off at 09:00: the weekend's shifts (b on Saturday, c on
    // Sunday) have no covered time, and Monday is a's again.
    const spec = rotation("UTC", "2026-05-08T09:00:00Z", { ...daily(at(9)), ShiftCoverages: businessHours });
    expect(lines(spec, "2026-05-08T00:00:00Z", "2026-05-13T00:00:00Z")).toEqual([
      "2026-05-08T09:00Z → 2026-05-08T17:00Z a",
      "2026-05-11T09:00Z → 2026-05-11T17:00Z a",
      "2026-05-12T09:00Z → 2026-05-12T17:00Z b",
    ]);
    expect(onCallAt(spec, [], new Date("2026-05-09T12:00:00Z"))).toEqual([]);
    expect(onCallAt(spec, [], new Date("2026-05-08T17:00:00Z"))).toEqual([]);
    expect(onCallAt(spec, [], new Date("2026-05-08T16:59:59Z"))).toEqual(["a"]);
  });

  it("splits a window at a hand-off inside it, and lists one piece per window", () => {
    const spec = rotation("UTC", "2026-05-11T12:00:00Z", {
      ...daily(at(12)),
      ShiftCoverages: { MON: [window(8, 10), window(11, 15)], TUE: [window(11, 15)] },
    });
    expect(lines(spec, "2026-05-11T00:00:00Z", "2026-05-13T00:00:00Z")).toEqual([
      "2026-05-11T12:00Z → 2026-05-11T15:00Z a",
      "2026-05-12T11:00Z → 2026-05-12T12:00Z a",
      "2026-05-12T12:00Z → 2026-05-12T15:00Z b",
    ]);
  });

  it("reads End 00:00 as midnight at the end of the day, each day's window its own piece", () => {
    const spec = rotation("UTC", "2026-05-04T00:00:00Z", {
      ...weekly(["MON", 0]),
      ShiftCoverages: { SAT: [window(20, 0)], SUN: [window(0, 0)], MON: [window(0, 6)] },
    });
    expect(lines(spec, "2026-05-09T00:00:00Z", "2026-05-12T00:00:00Z")).toEqual([
      "2026-05-09T20:00Z → 2026-05-10T00:00Z a",
      "2026-05-10T00:00Z → 2026-05-11T00:00Z a",
      "2026-05-11T00:00Z → 2026-05-11T06:00Z b",
    ]);
  });

  it("keeps windows on the wall clock across a daylight-saving change", () => {
    // New York, business hours 09:00–17:00: 14:00–22:00Z in winter, 13:00–21:00Z in summer.
    const spec = rotation("America/New_York", "2026-03-02T14:00:00Z", { ...weekly(["MON", 9]), ShiftCoverages: businessHours });
    const found = lines(spec, "2026-03-06T00:00:00Z", "2026-03-10T00:00:00Z");
    expect(found).toEqual(["2026-03-06T14:00Z → 2026-03-06T22:00Z a", "2026-03-09T13:00Z → 2026-03-09T21:00Z b"]);
  });

  it("lists nothing for a rotation whose windows fall outside the range, however long its shifts", () => {
    const spec = rotation("UTC", "2026-01-01T00:00:00Z", { ...monthly([1, 0]), RecurrenceMultiplier: 100, ShiftCoverages: { WED: [window(9, 10)] } });
    // 2026-05-04 is a Monday; the range is Monday and Tuesday.
    expect(lines(spec, "2026-05-04T00:00:00Z", "2026-05-06T00:00:00Z")).toEqual([]);
    expect(lines(spec, "2026-05-04T00:00:00Z", "2026-05-06T09:30:00Z")).toEqual(["2026-05-06T09:00Z → 2026-05-06T10:00Z a"]);
  });
});

describe("overrides", () => {
  const spec = rotation("UTC", "2026-05-04T09:00:00Z", daily(at(9)));

  it("splits a shift it covers in part into REGULAR, OVERRIDDEN and REGULAR pieces", () => {
    const o = override("o1", ["z"], "2026-05-04T12:00:00Z", "2026-05-04T18:00:00Z");
    expect(lines(spec, "2026-05-04T00:00:00Z", "2026-05-05T00:00:00Z", [o])).toEqual([
      "2026-05-04T09:00Z → 2026-05-04T12:00Z a",
      "2026-05-04T12:00Z → 2026-05-04T18:00Z z over a",
      "2026-05-04T18:00Z → 2026-05-05T09:00Z a",
    ]);
    expect(onCallAt(spec, [o], new Date("2026-05-04T12:00:00Z"))).toEqual(["z"]);
    expect(onCallAt(spec, [o], new Date("2026-05-04T18:00:00Z"))).toEqual(["a"]);
    // Without the override the regular shift is back.
    expect(lines(spec, "2026-05-04T00:00:00Z", "2026-05-05T00:00:00Z")).toEqual(["2026-05-04T09:00Z → 2026-05-05T09:00Z a"]);
  });

  it("makes one OVERRIDDEN piece per shift it crosses, each naming whom it replaced", () => {
    const o = override("o1", ["y", "z"], "2026-05-04T20:00:00Z", "2026-05-06T09:00:00Z");
    expect(lines(spec, "2026-05-04T00:00:00Z", "2026-05-07T00:00:00Z", [o])).toEqual([
      "2026-05-04T09:00Z → 2026-05-04T20:00Z a",
      "2026-05-04T20:00Z → 2026-05-05T09:00Z y,z over a",
      "2026-05-05T09:00Z → 2026-05-06T09:00Z y,z over b",
      "2026-05-06T09:00Z → 2026-05-07T09:00Z c",
    ]);
  });

  it("lets the override created last win where overrides overlap (then the greater id)", () => {
    const early = override("o1", ["x"], "2026-05-04T10:00:00Z", "2026-05-04T16:00:00Z", "2026-04-01T00:00:00Z");
    const late = override("o0", ["y"], "2026-05-04T12:00:00Z", "2026-05-04T14:00:00Z", "2026-04-02T00:00:00Z");
    const expected = [
      "2026-05-04T09:00Z → 2026-05-04T10:00Z a",
      "2026-05-04T10:00Z → 2026-05-04T12:00Z x over a",
      "2026-05-04T12:00Z → 2026-05-04T14:00Z y over a",
      "2026-05-04T14:00Z → 2026-05-04T16:00Z x over a",
      "2026-05-04T16:00Z → 2026-05-05T09:00Z a",
    ];
    expect(lines(spec, "2026-05-04T00:00:00Z", "2026-05-05T00:00:00Z", [early, late])).toEqual(expected);
    expect(lines(spec, "2026-05-04T00:00:00Z", "2026-05-05T00:00:00Z", [late, early])).toEqual(expected);
    // The earlier override created last covers the later one entirely.
    const wide = override("o2", ["w"], "2026-05-04T11:00:00Z", "2026-05-04T15:00:00Z", "2026-04-03T00:00:00Z");
    expect(lines(spec, "2026-05-04T11:30:00Z", "2026-05-04T14:30:00Z", [early, late, wide])).toEqual(["2026-05-04T11:00Z → 2026-05-04T15:00Z w over a"]);
    // Same CreateTime: the greater id wins.
    const tieA = override("a-1", ["p"], "2026-05-04T10:00:00Z", "2026-05-04T12:00:00Z");
    const tieB = override("b-1", ["q"], "2026-05-04T11:00:00Z", "2026-05-04T13:00:00Z");
    expect(onCallAt(spec, [tieB, tieA], new Date("2026-05-04T11:30:00Z"))).toEqual(["q"]);
    expect(lines(spec, "2026-05-04T10:30:00Z", "2026-05-04T12:30:00Z", [tieB, tieA])).toEqual([
      "2026-05-04T10:00Z → 2026-05-04T11:00Z p over a",
      "2026-05-04T11:00Z → 2026-05-04T13:00Z q over a",
    ]);
  });

  it("puts the override's people on call in a coverage gap and before StartTime, replacing nobody", () => {
    const covered = rotation("UTC", "2026-05-08T09:00:00Z", { ...daily(at(9)), ShiftCoverages: { FRI: [window(9, 17)], MON: [window(9, 17)] } });
    const weekend = override("o1", ["z"], "2026-05-08T16:00:00Z", "2026-05-09T12:00:00Z");
    expect(lines(covered, "2026-05-08T00:00:00Z", "2026-05-10T00:00:00Z", [weekend])).toEqual([
      "2026-05-08T09:00Z → 2026-05-08T16:00Z a",
      "2026-05-08T16:00Z → 2026-05-08T17:00Z z over a",
      "2026-05-08T17:00Z → 2026-05-09T09:00Z z over nobody",
      "2026-05-09T09:00Z → 2026-05-09T12:00Z z over nobody",
    ]);
    expect(onCallAt(covered, [weekend], new Date("2026-05-09T10:00:00Z"))).toEqual(["z"]);
    const before = override("o2", ["z"], "2026-05-08T06:00:00Z", "2026-05-08T10:00:00Z");
    expect(lines(covered, "2026-05-08T00:00:00Z", "2026-05-08T12:00:00Z", [before])).toEqual([
      "2026-05-08T06:00Z → 2026-05-08T09:00Z z over nobody",
      "2026-05-08T09:00Z → 2026-05-08T10:00Z z over a",
      "2026-05-08T10:00Z → 2026-05-08T17:00Z a",
    ]);
    expect(onCallAt(covered, [before], new Date("2026-05-08T07:00:00Z"))).toEqual(["z"]);
  });

  it("lists an override over a long coverage gap whole, from a narrow range in the middle of it", () => {
    // Weekly shifts from Monday 09:00, covered Mondays 09:00–17:00 only: the gap runs 6 days.
    const covered = rotation("UTC", "2026-05-04T09:00:00Z", { ...weekly(["MON", 9]), ShiftCoverages: { MON: [window(9, 17)] } });
    const o = override("o1", ["z"], "2026-05-04T16:00:00Z", "2026-05-11T08:00:00Z");
    const whole = ["2026-05-04T17:00Z → 2026-05-11T08:00Z z over nobody"];
    expect(lines(covered, "2026-05-09T12:00:00Z", "2026-05-09T12:00:01Z", [o])).toEqual(whole);
    expect(lines(covered, "2026-05-11T07:00:00Z", "2026-05-11T08:30:00Z", [o])).toEqual(whole);
    expect(lines(covered, "2026-05-04T00:00:00Z", "2026-05-12T00:00:00Z", [o])).toEqual([
      "2026-05-04T09:00Z → 2026-05-04T16:00Z a",
      "2026-05-04T16:00Z → 2026-05-04T17:00Z z over a",
      ...whole,
      "2026-05-11T09:00Z → 2026-05-11T17:00Z b",
    ]);
  });

  it("lists a piece whole although a later override outside the range shapes it", () => {
    const o1 = override("o1", ["x"], "2026-05-04T10:00:00Z", "2026-05-04T20:00:00Z", "2026-04-01T00:00:00Z");
    const o2 = override("o2", ["y"], "2026-05-04T09:30:00Z", "2026-05-04T11:00:00Z", "2026-04-02T00:00:00Z");
    expect(lines(spec, "2026-05-04T15:00:00Z", "2026-05-04T16:00:00Z", [o1, o2])).toEqual(["2026-05-04T11:00Z → 2026-05-04T20:00Z x over a"]);
  });

  it("ignores overrides of no length, and an override may put nobody on call", () => {
    const empty = override("o1", [], "2026-05-04T12:00:00Z", "2026-05-04T13:00:00Z");
    const none = override("o2", ["z"], "2026-05-04T14:00:00Z", "2026-05-04T14:00:00Z");
    expect(lines(spec, "2026-05-04T12:00:00Z", "2026-05-04T15:00:00Z", [empty, none])).toEqual([
      "2026-05-04T12:00Z → 2026-05-04T13:00Z  over a",
      "2026-05-04T13:00Z → 2026-05-05T09:00Z a",
    ]);
    expect(onCallAt(spec, [empty, none], new Date("2026-05-04T12:30:00Z"))).toEqual([]);
    expect(onCallAt(spec, [empty, none], new Date("2026-05-04T14:00:00Z"))).toEqual(["a"]);
  });
});

describe("the range", () => {
  const spec = rotation("UTC", "2026-05-04T09:00:00Z", daily(at(9)));

  it("is half-open: a shift ending at `from` or starting at `to` is out", () => {
    expect(lines(spec, "2026-05-05T09:00:00Z", "2026-05-06T09:00:00Z")).toEqual(["2026-05-05T09:00Z → 2026-05-06T09:00Z b"]);
    expect(lines(spec, "2026-05-05T08:59:59Z", "2026-05-06T09:00:01Z")).toEqual([
      "2026-05-04T09:00Z → 2026-05-05T09:00Z a",
      "2026-05-05T09:00Z → 2026-05-06T09:00Z b",
      "2026-05-06T09:00Z → 2026-05-07T09:00Z c",
    ]);
  });

  it("has no shifts before StartTime, and nothing in an empty or reversed range", () => {
    expect(lines(spec, "2026-05-01T00:00:00Z", "2026-05-04T09:00:00Z")).toEqual([]);
    expect(onCallAt(spec, [], new Date("2026-05-04T08:59:59Z"))).toEqual([]);
    expect(lines(spec, "2026-05-05T00:00:00Z", "2026-05-05T00:00:00Z")).toEqual([]);
    expect(lines(spec, "2026-05-06T00:00:00Z", "2026-05-05T00:00:00Z")).toEqual([]);
  });

  it("lists shifts whole, not cut at the range's ends", () => {
    expect(lines(spec, "2026-05-05T12:00:00Z", "2026-05-05T13:00:00Z")).toEqual(["2026-05-05T09:00Z → 2026-05-06T09:00Z b"]);
  });

  it("lists a year of half-hourly shifts, and refuses a range holding more than MAX_ROTATION_SHIFTS", () => {
    const halfHourly = rotation("Europe/Berlin", "2026-01-01T00:00:00Z", daily(...Array.from({ length: 48 }, (_, i) => at(Math.floor(i / 2), (i % 2) * 30))));
    const year = rotationShifts(halfHourly, [], new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z"));
    // 365 days × 48, less the two that a spring-forward hour skips (they are one instant with
    // 03:00 and make shifts of no length); the autumn's repeated hour adds none (its two half
    // hours' first occurrences are hand-offs, the second occurrences are inside a 90-minute shift).
    expect(year.length).toBe(365 * 48 - 2);
    for (let i = 1; i < year.length; i++) expect(year[i].StartTime).toEqual(year[i - 1].EndTime);
    expect(() => rotationShifts(halfHourly, [], new Date("2026-01-01T00:00:00Z"), new Date("2032-01-01T00:00:00Z"))).toThrow(TooManyShiftsError);
    expect(MAX_ROTATION_SHIFTS).toBeLessThan(6 * 365 * 48);
    // Long shifts, but more coverage windows than that in the range.
    const windows = rotation("UTC", "2026-01-01T00:00:00Z", {
      ...monthly([1, 0]),
      RecurrenceMultiplier: 100,
      ShiftCoverages: Object.fromEntries(["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"].map((d) => [d, [window(0, 6), window(6, 12), window(12, 18), window(18, 0)]])),
    });
    expect(() => rotationShifts(windows, [], new Date("2026-01-01T00:00:00Z"), new Date("2096-01-01T00:00:00Z"))).toThrow(TooManyShiftsError);
  });
});

/** A small seeded PRNG (mulberry32), so a failure repeats. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("onCallAt agrees with rotationShifts", () => {
  const members = Array.from({ length: 7 }, (_, i) => `m${i}`);
  const cases: [string, RotationSpec][] = [
    ["daily, New York", rotation("America/New_York", "2026-01-15T17:23:45Z", daily(at(9), at(2, 30), at(17)), members)],
    ["weekly ×2, k=3, Sydney", rotation("Australia/Sydney", "2026-02-02T00:00:00Z", { ...weekly(["MON", 9], ["THU", 1, 30]), RecurrenceMultiplier: 2, NumberOfOnCalls: 3 }, members)],
    ["monthly 31st, Berlin", rotation("Europe/Berlin", "2026-01-31T08:00:00Z", monthly([31, 9], [15, 2, 30]), members)],
    [
      "daily with coverage, Berlin",
      rotation("Europe/Berlin", "2026-03-01T10:00:00Z", {
        ...daily(at(10)),
        NumberOfOnCalls: 2,
        ShiftCoverages: { MON: [window(8, 12), window(13, 18)], WED: [window(22, 0)], THU: [window(0, 6)], SAT: [window(0, 0)] },
      }, members),
    ],
  ];

  for (const [name, spec] of cases) {
    it(name, () => {
      const random = prng(name.length * 7919);
      const from = new Date("2026-01-01T00:00:00Z").getTime();
      const span = 365 * 86_400_000;
      const overrides = Array.from({ length: 40 }, (_, i) => {
        const start = from + Math.floor(random() * span);
        return override(
          `o${i}`,
          random() < 0.1 ? [] : [`x${i}`],
          new Date(start).toISOString(),
          new Date(start + Math.floor(random() * 5 * 86_400_000)).toISOString(),
          new Date(from + Math.floor(random() * 1000) * 60_000).toISOString(),
        );
      });
      const shifts = rotationShifts(spec, overrides, new Date(from), new Date(from + span));
      for (let i = 1; i < shifts.length; i++) expect(shifts[i].StartTime!.getTime()).toBeGreaterThanOrEqual(shifts[i - 1].EndTime!.getTime());
      const instants = Array.from({ length: 400 }, () => from + Math.floor(random() * span));
      // Also every shift's first and last millisecond.
      for (const s of shifts.slice(0, 200)) instants.push(s.StartTime!.getTime(), s.EndTime!.getTime() - 1, s.EndTime!.getTime());
      for (const t of instants.filter((t) => t < from + span)) {
        const holding = shifts.find((s) => s.StartTime!.getTime() <= t && t < s.EndTime!.getTime());
        expect(onCallAt(spec, overrides, new Date(t)), new Date(t).toISOString()).toEqual(holding?.ContactIds ?? []);
        // A narrow range around the instant lists the same shift, whole.
        const near = rotationShifts(spec, overrides, new Date(t), new Date(t + 1));
        expect(near, new Date(t).toISOString()).toEqual(holding ? [holding] : []);
      }
    });
  }
});

describe("wall-clock resolution", () => {
  it("matches Temporal's own answer for random wall times, near transitions and far from them", () => {
    const random = prng(42);
    for (const tz of ["America/New_York", "Europe/Berlin", "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Kolkata"]) {
      const spec = (minute: number): RotationSpec => rotation(tz, "2009-01-01T00:00:00Z", daily(at(Math.floor(minute / 60), minute % 60)), ["a"]);
      for (let i = 0; i < 150; i++) {
        const day = Temporal.PlainDate.from("2010-01-01").add({ days: Math.floor(random() * 365 * 6) });
        const minute = Math.floor(random() * 48) * 30;
        const wall = day.toPlainDateTime({ hour: Math.floor(minute / 60), minute: minute % 60 });
        const expected = resolveWallTime(tz, wall);
        // The hand-off on `day` ends the shift that starts at the day before's.
        const previous = resolveWallTime(tz, wall.subtract({ days: 1 }));
        const listed = rotationShifts(spec(minute), [], new Date(previous), new Date(previous + 1));
        expect(listed.map((s) => s.EndTime!.getTime()), `${tz} ${wall}`).toEqual([expected]);
      }
    }
  });

  it("resolves skipped times to the transition and repeated ones to their first occurrence", () => {
    expect(resolveWallTime("America/New_York", Temporal.PlainDateTime.from("2026-03-08T02:30"))).toBe(Date.parse("2026-03-08T07:00:00Z"));
    expect(resolveWallTime("America/New_York", Temporal.PlainDateTime.from("2026-11-01T01:30"))).toBe(Date.parse("2026-11-01T05:30:00Z"));
    expect(resolveWallTime("Europe/Berlin", Temporal.PlainDateTime.from("2026-10-25T02:30"))).toBe(Date.parse("2026-10-25T00:30:00Z"));
    // Samoa skipped 30 December 2011 altogether.
    expect(resolveWallTime("Pacific/Apia", Temporal.PlainDateTime.from("2011-12-30T09:00"))).toBe(Date.parse("2011-12-30T10:00:00Z"));
  });
});

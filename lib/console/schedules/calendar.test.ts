import { Temporal } from "temporal-polyfill";
import { describe, expect, it } from "vitest";
import {
  contrastWithWhite,
  coverageGaps,
  isoToWallClock,
  legendOf,
  nowOffset,
  parseDate,
  parseView,
  PERSON_COLOURS,
  personColour,
  placeShifts,
  segmentsOn,
  stepDate,
  today,
  viewDays,
  wallClockToIso,
} from "./calendar";
import type { Person, ShiftView } from "./dto";

const person = (alias: string): Person => ({ arn: `arn:aws:ssm-contacts:us-east-1:000000000000:contact/${alias}`, alias, name: alias[0].toUpperCase() + alias.slice(1) });
const ann = person("ann");
const ben = person("ben");
const shift = (rotationArn: string, start: string, end: string, people: Person[] = [ann]): ShiftView => ({ rotationArn, start, end, type: "REGULAR", people, replaced: [] });
const t = (iso: string) => Date.parse(iso);

describe("viewDays", () => {
  it("shows a day, its Monday-to-Sunday week, and the whole weeks of its month", () => {
    const date = parseDate("2026-12-09")!; // a Wednesday
    expect(viewDays("day", date, "UTC").map((d) => d.date)).toEqual(["2026-12-09"]);
    expect(viewDays("week", date, "UTC").map((d) => d.date)).toEqual(["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11", "2026-12-12", "2026-12-13"]);
    const month = viewDays("month", date, "UTC");
    // December 2026: Tuesday the 1st to Thursday the 31st → Mon 30 Nov to Sun 3 Jan, five weeks.
    expect(month).toHaveLength(35);
    expect(month[0].date).toBe("2026-11-30");
    expect(month.at(-1)!.date).toBe("2027-01-03");
  });

  it("gives each day its instants in the viewer's zone, 23 hours on the day clocks go forward", () => {
    const [day] = viewDays("day", parseDate("2026-03-29")!, "Europe/Berlin");
    expect(new Date(day.start).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(day.end - day.start).toBe(23 * 3_600_000);
    const [nextDay] = viewDays("day", parseDate("2026-03-30")!, "Europe/Berlin");
    expect(nextDay.start).toBe(day.end);
  });
});

describe("stepDate and parsing", () => {
  it("moves by a day, a week or a month", () => {
    const d = parseDate("2026-01-31")!;
    expect(stepDate("day", d, 1).toString()).toBe("2026-02-01");
    expect(stepDate("week", d, -1).toString()).toBe("2026-01-24");
    expect(stepDate("month", d, 1).toString()).toBe("2026-02-28");
  });
  it("refuses dates that aren't and defaults the view to week", () => {
    expect(parseDate("2026-02-30")).toBeUndefined();
    expect(parseDate("tomorrow")).toBeUndefined();
    expect(parseView("month")).toBe("month");
    expect(parseView("year")).toBe("week");
    expect(parseView(null)).toBe("week");
  });
});

describe("segmentsOn and placeShifts", () => {
  it("clips shifts to the day in percent of it, in time order, and leaves out shifts of other days", () => {
    const start = t("2026-12-07T00:00:00Z");
    const end = t("2026-12-08T00:00:00Z");
    const segs = segmentsOn(
      [shift("r1", "2026-12-07T18:00:00Z", "2026-12-08T06:00:00Z", [ben]), shift("r1", "2026-12-06T18:00:00Z", "2026-12-07T06:00:00Z"), shift("r1", "2026-12-08T06:00:00Z", "2026-12-08T18:00:00Z")],
      start,
      end,
    );
    expect(segs.map((s) => [s.shift.people[0].alias, s.left, s.width])).toEqual([
      ["ann", 0, 25],
      ["ben", 75, 25],
    ]);
  });

  it("puts each rotation's shifts in its own lane on each day", () => {
    const days = viewDays("week", parseDate("2026-12-07")!, "UTC");
    const placed = placeShifts([shift("r1", "2026-12-07T00:00:00Z", "2026-12-09T00:00:00Z"), shift("r2", "2026-12-08T12:00:00Z", "2026-12-08T13:00:00Z", [ben]), shift("r3", "2026-12-08T12:00:00Z", "2026-12-08T13:00:00Z")], days, ["r1", "r2"]);
    expect(placed.get("2026-12-07")!.get("r1")!.map((s) => s.width)).toEqual([100]);
    expect(placed.get("2026-12-08")!.get("r2")!.map((s) => s.left)).toEqual([50]);
    expect(placed.get("2026-12-09")!.get("r1")).toEqual([]);
    // A rotation the schedule doesn't list isn't drawn.
    expect(placed.get("2026-12-08")!.has("r3")).toBe(false);
  });
});

describe("coverageGaps", () => {
  it("finds the time no rotation covers, merging overlapping shifts of several rotations", () => {
    const gaps = coverageGaps(
      [shift("r1", "2026-12-07T09:00:00Z", "2026-12-07T17:00:00Z"), shift("r2", "2026-12-07T16:00:00Z", "2026-12-07T20:00:00Z", [ben]), shift("r1", "2026-12-07T22:00:00Z", "2026-12-08T09:00:00Z")],
      t("2026-12-07T00:00:00Z"),
      t("2026-12-08T00:00:00Z"),
    );
    expect(gaps.map((g) => [new Date(g.start).toISOString(), new Date(g.end).toISOString()])).toEqual([
      ["2026-12-07T00:00:00.000Z", "2026-12-07T09:00:00.000Z"],
      ["2026-12-07T20:00:00.000Z", "2026-12-07T22:00:00.000Z"],
    ]);
  });
  it("counts a shift overridden with nobody as a gap, and a range with no shifts as one gap", () => {
    const from = t("2026-12-07T00:00:00Z");
    const to = t("2026-12-07T12:00:00Z");
    expect(coverageGaps([shift("r1", "2026-12-06T00:00:00Z", "2026-12-08T00:00:00Z", [])], from, to)).toEqual([{ start: from, end: to }]);
    expect(coverageGaps([], from, to)).toEqual([{ start: from, end: to }]);
    expect(coverageGaps([shift("r1", "2026-12-06T00:00:00Z", "2026-12-08T00:00:00Z")], from, to)).toEqual([]);
  });
});

describe("colours", () => {
  it("gives a person the same colour every time, white text on it readable (WCAG AA)", () => {
    expect(personColour(ann.arn)).toBe(personColour(ann.arn));
    for (const c of PERSON_COLOURS) expect(contrastWithWhite(c), c).toBeGreaterThanOrEqual(4.5);
    // Thirty people spread over the palette rather than on a few colours.
    const used = new Set(Array.from({ length: 30 }, (_, i) => personColour(person(`member-${i}`).arn)));
    expect(used.size).toBeGreaterThanOrEqual(8);
  });
  it("lists everyone shown once, by name, with their colour", () => {
    const legend = legendOf([shift("r1", "2026-12-07T00:00:00Z", "2026-12-08T00:00:00Z", [ben]), shift("r1", "2026-12-08T00:00:00Z", "2026-12-09T00:00:00Z", [ann, ben])]);
    expect(legend.map((p) => [p.name, p.colour])).toEqual([
      ["Ann", personColour(ann.arn)],
      ["Ben", personColour(ben.arn)],
    ]);
  });
});

describe("now and wall clocks", () => {
  it("marks now on its day only", () => {
    const [day] = viewDays("day", parseDate("2026-12-07")!, "UTC");
    expect(nowOffset(day, t("2026-12-07T06:00:00Z"))).toBe(25);
    expect(nowOffset(day, t("2026-12-08T00:00:00Z"))).toBeUndefined();
  });
  it("turns the viewer's wall-clock minutes into instants and back, in their zone", () => {
    expect(wallClockToIso("2026-12-07T09:30", "America/New_York")).toBe("2026-12-07T14:30:00Z");
    expect(isoToWallClock("2026-12-07T14:30:00Z", "America/New_York")).toBe("2026-12-07T09:30");
    // 02:30 doesn't exist on 8 March 2026 in New York: the later reading, 03:30 EDT.
    expect(wallClockToIso("2026-03-08T02:30", "America/New_York")).toBe("2026-03-08T07:30:00Z");
    expect(wallClockToIso("not a time", "UTC")).toBeUndefined();
  });
});

describe("days of zones whose clocks change oddly", () => {
  const HOUR = 3_600_000;
  const iso = (ms: number) => new Date(ms).toISOString();

  it("gives Lord Howe's half-hour DST days 23.5 and 24.5 hours", () => {
    // 4 Oct 2026: 02:00 (+10:30) becomes 02:30 (+11:00); 5 Apr 2026: 02:00 (+11:00) becomes 01:30 (+10:30).
    const [forward] = viewDays("day", parseDate("2026-10-04")!, "Australia/Lord_Howe");
    expect(iso(forward.start)).toBe("2026-10-03T13:30:00.000Z");
    expect(forward.end - forward.start).toBe(23.5 * HOUR);
    const [back] = viewDays("day", parseDate("2026-04-05")!, "Australia/Lord_Howe");
    expect(iso(back.start)).toBe("2026-04-04T13:00:00.000Z");
    expect(back.end - back.start).toBe(24.5 * HOUR);
    // A shift of the whole 24.5-hour day fills it; its first half-hour is 2.04 % of it, not 2.08 %.
    const [seg] = segmentsOn([shift("r1", iso(back.start), iso(back.end))], back.start, back.end);
    expect(seg.width).toBe(100);
    expect(segmentsOn([shift("r1", iso(back.start), iso(back.start + HOUR / 2))], back.start, back.end)[0].width).toBeCloseTo((0.5 / 24.5) * 100, 10);
    // Wall clocks in the skipped half-hour move later; in the repeated one they are the later reading.
    expect(wallClockToIso("2026-10-04T02:15", "Australia/Lord_Howe")).toBe("2026-10-03T15:45:00Z"); // 02:45 +11:00
    expect(wallClockToIso("2026-04-05T01:45", "Australia/Lord_Howe")).toBe("2026-04-04T15:15:00Z"); // 01:45 +10:30
    expect(isoToWallClock("2026-04-04T14:45:00Z", "Australia/Lord_Howe")).toBe("2026-04-05T01:45"); // 01:45 +11:00
  });

  it("starts a day whose midnight is skipped at the transition, and a day whose midnight repeats at its first midnight", () => {
    // São Paulo, 4 Nov 2018: 00:00 (−03:00) became 01:00 (−02:00): the day starts at 01:00 and lasts 23 hours.
    const [skipped] = viewDays("day", parseDate("2018-11-04")!, "America/Sao_Paulo");
    expect(iso(skipped.start)).toBe("2018-11-04T03:00:00.000Z");
    expect(skipped.end - skipped.start).toBe(23 * HOUR);
    // 16 Feb 2019: 24:00 (−02:00) became 23:00 (−03:00): the 16th lasts 25 hours, the 17th starts once.
    const [longDay, nextDay] = viewDays("week", parseDate("2019-02-16")!, "America/Sao_Paulo").slice(5);
    expect(longDay.end - longDay.start).toBe(25 * HOUR);
    expect(iso(nextDay.start)).toBe("2019-02-17T03:00:00.000Z");
    // Havana, 1 Nov 2026: 01:00 (−04:00) becomes 00:00 (−05:00), so midnight comes twice: the day starts at the first.
    const [havana] = viewDays("day", parseDate("2026-11-01")!, "America/Havana");
    expect(iso(havana.start)).toBe("2026-11-01T04:00:00.000Z");
    expect(havana.end - havana.start).toBe(25 * HOUR);
    // Santiago, 6 Sep 2026: 00:00 (−04:00) becomes 01:00 (−03:00).
    const [santiago] = viewDays("day", parseDate("2026-09-06")!, "America/Santiago");
    expect(iso(santiago.start)).toBe("2026-09-06T04:00:00.000Z");
    expect(santiago.end - santiago.start).toBe(23 * HOUR);
  });

  // Temporal (the server's library) as the oracle: every day of a year with changes and of this
  // one, and every quarter-hour of the change days, in zones whose clocks change in every way.
  const zones = ["UTC", "Europe/Berlin", "America/New_York", "America/Sao_Paulo", "America/Havana", "America/Santiago", "Australia/Lord_Howe", "Pacific/Chatham", "Asia/Kathmandu", "Pacific/Apia"];
  const checkAgainstTemporal = () => {
    for (const zone of zones) {
      for (const year of [2018, 2026]) {
        let date = Temporal.PlainDate.from(`${year}-01-01`);
        while (date.year === year) {
          const [day] = viewDays("day", date.toString(), zone);
          const start = date.toZonedDateTime({ timeZone: zone });
          const end = date.add({ days: 1 }).toZonedDateTime({ timeZone: zone });
          expect([zone, day.date, day.start, day.end]).toEqual([zone, date.toString(), start.epochMilliseconds, end.epochMilliseconds]);
          expect(today(zone, day.start)).toBe(date.toString());
          if (end.epochMilliseconds - start.epochMilliseconds !== 24 * HOUR || start.hour !== 0) {
            for (let minutes = -120; minutes < 27 * 60; minutes += 15) {
              const wall = date.toPlainDateTime().add({ minutes });
              const local = wall.toString({ smallestUnit: "minute" });
              expect([zone, local, wallClockToIso(local, zone)]).toEqual([zone, local, wall.toZonedDateTime(zone, { disambiguation: "later" }).toInstant().toString()]);
              const at = start.epochMilliseconds + minutes * 60_000;
              expect([zone, at, isoToWallClock(at, zone)]).toEqual([zone, at, Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).toPlainDateTime().toString({ smallestUnit: "minute" })]);
            }
          }
          date = date.add({ days: 1 });
        }
      }
    }
  };

  it("agrees with Temporal on every day's instants and every wall clock of the change days", () => {
    checkAgainstTemporal();
  });

  it("does not depend on the zone the browser itself runs in", () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ["America/Sao_Paulo", "Australia/Lord_Howe"]) {
        process.env.TZ = tz;
        expect(new Date(2026, 0, 1).getTimezoneOffset()).not.toBe(0);
        checkAgainstTemporal();
        expect(stepDate("month", parseDate("2026-01-31")!, 1)).toBe("2026-02-28");
        expect(viewDays("month", parseDate("2018-11-04")!, "America/Sao_Paulo").map((d) => d.date).slice(0, 2)).toEqual(["2018-10-29", "2018-10-30"]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

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

import { describe, expect, it } from "vitest";
import { onCallFrom, personOf, type Person, type ShiftView } from "./dto";

const ann: Person = { arn: "arn:aws:ssm-contacts:us-east-1:000000000000:contact/ann", alias: "ann", name: "Ann" };
const ben: Person = { arn: "arn:aws:ssm-contacts:us-east-1:000000000000:contact/ben", alias: "ben", name: "Ben" };
const shift = (rotationArn: string, start: string, end: string, people: Person[]): ShiftView => ({ rotationArn, start, end, type: "REGULAR", people, replaced: [] });

describe("onCallFrom", () => {
  it("names who is on call now and the next change of people, in the zone of the rotation that changes", () => {
    const shifts = [
      shift("r1", "2026-12-07T09:00:00.000Z", "2026-12-08T09:00:00.000Z", [ann]),
      shift("r1", "2026-12-08T09:00:00.000Z", "2026-12-09T09:00:00.000Z", [ben]),
    ];
    expect(onCallFrom(shifts, new Date("2026-12-07T12:00:00Z"), () => "Europe/Berlin")).toEqual({
      now: [ann],
      next: { at: "2026-12-08T09:00:00.000Z", people: [ben], timeZoneId: "Europe/Berlin" },
    });
  });

  it("skips a hand-off to the same people, and says nobody in a gap", () => {
    const shifts = [
      shift("r1", "2026-12-07T09:00:00.000Z", "2026-12-07T17:00:00.000Z", [ann]),
      shift("r1", "2026-12-07T17:00:00.000Z", "2026-12-07T20:00:00.000Z", [ann]),
    ];
    const view = onCallFrom(shifts, new Date("2026-12-07T10:00:00Z"), () => "UTC");
    expect(view).toEqual({ now: [ann], next: { at: "2026-12-07T20:00:00.000Z", people: [], timeZoneId: "UTC" } });
    expect(onCallFrom(shifts, new Date("2026-12-07T21:00:00Z"), () => "UTC")).toEqual({ now: [] });
  });
});

describe("personOf", () => {
  it("names a known person, else the alias in the ARN", () => {
    expect(personOf(ann.arn, new Map([[ann.arn, ann]]))).toBe(ann);
    expect(personOf(ben.arn, new Map())).toEqual({ arn: ben.arn, alias: "ben", name: "ben" });
  });
});

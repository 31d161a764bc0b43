import { describe, expect, it } from "vitest";
import type { OverrideView, Person, ShiftView } from "./dto";
import { overrideWarnings } from "./overrides-warnings";

const person = (alias: string): Person => ({ arn: `arn:aws:ssm-contacts:us-east-1:000000000000:contact/${alias}`, alias, name: alias });
const ann = person("ann");
const ben = person("ben");
const shift = (rotationArn: string, start: string, end: string, people: Person[] = [ann]): ShiftView => ({ rotationArn, start, end, type: "REGULAR", people, replaced: [] });
const override = (id: string, rotationArn: string, start: string, end: string): OverrideView => ({ id, rotationArn, people: [ben], start, end, created: start });
const t = (iso: string) => Date.parse(iso);

const shifts = [shift("r1", "2026-12-07T00:00:00Z", "2026-12-08T00:00:00Z"), shift("r2", "2026-12-07T09:00:00Z", "2026-12-07T17:00:00Z", [ben])];

describe("overrideWarnings", () => {
  it("says nothing of an override that someone covers and that overlaps no other", () => {
    expect(overrideWarnings({ rotationArn: "r1", people: [ben.arn], start: t("2026-12-07T10:00:00Z"), end: t("2026-12-07T20:00:00Z") }, shifts, [])).toEqual([]);
  });

  it("warns that an override of nobody leaves a gap, except where another rotation covers", () => {
    const warnings = overrideWarnings({ rotationArn: "r1", people: [], start: t("2026-12-07T06:00:00Z"), end: t("2026-12-07T20:00:00Z") }, shifts, []);
    expect(warnings).toEqual([
      {
        kind: "gap",
        gaps: [
          { start: t("2026-12-07T06:00:00Z"), end: t("2026-12-07T09:00:00Z") },
          { start: t("2026-12-07T17:00:00Z"), end: t("2026-12-07T20:00:00Z") },
        ],
      },
    ]);
  });

  it("does not warn of a gap when another rotation covers the whole time", () => {
    expect(overrideWarnings({ rotationArn: "r1", people: [], start: t("2026-12-07T10:00:00Z"), end: t("2026-12-07T12:00:00Z") }, shifts, [])).toEqual([]);
  });

  it("names the overrides of the same rotation it overlaps (half-open: touching isn't overlapping)", () => {
    const overrides = [override("o1", "r1", "2026-12-07T08:00:00Z", "2026-12-07T10:00:00Z"), override("o2", "r2", "2026-12-07T08:00:00Z", "2026-12-07T12:00:00Z"), override("o3", "r1", "2026-12-07T12:00:00Z", "2026-12-07T13:00:00Z")];
    const warnings = overrideWarnings({ rotationArn: "r1", people: [ben.arn], start: t("2026-12-07T09:00:00Z"), end: t("2026-12-07T12:00:00Z") }, shifts, overrides);
    expect(warnings).toEqual([{ kind: "overlap", overrides: [overrides[0]] }]);
  });

  it("says nothing of a draft whose end isn't after its start (the form says that)", () => {
    expect(overrideWarnings({ rotationArn: "r1", people: [], start: t("2026-12-07T12:00:00Z"), end: t("2026-12-07T12:00:00Z") }, shifts, [])).toEqual([]);
  });
});

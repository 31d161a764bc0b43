import { describe, expect, it } from "vitest";
import { ALERT_KINDS } from "./normalized";
import { impactFor, readSeverityMap, suggestedSeverityMap, SUGGESTED_SEVERITY_MAPS } from "./severity";

describe("impactFor", () => {
  const map = { critical: 1, warning: 3 };

  it("takes the alert's own impact first", () => {
    expect(impactFor({ impact: 2, severity: "critical" }, map, 4)).toBe(2);
  });

  it("maps the severity, in any case, when the alert names no valid impact", () => {
    expect(impactFor({ severity: "critical" }, map, 4)).toBe(1);
    expect(impactFor({ severity: " WARNING " }, map, 4)).toBe(3);
    expect(impactFor({ impact: 9, severity: "warning" }, map, 4)).toBe(3);
    expect(impactFor({ impact: 1.5, severity: "warning" }, map, 4)).toBe(3);
  });

  it("falls back to the plan's impact for an unmapped or missing severity", () => {
    expect(impactFor({ severity: "info" }, map, 4)).toBe(4);
    expect(impactFor({}, map, 5)).toBe(5);
    expect(impactFor({ severity: "constructor" }, map, 4)).toBe(4);
    expect(impactFor({ severity: "__proto__" }, map, 4)).toBe(4);
  });

  it("ignores a map entry that is not a valid impact", () => {
    expect(impactFor({ severity: "critical" }, { critical: 0 }, 3)).toBe(3);
    expect(impactFor({ severity: "critical" }, { critical: "1" as unknown as number }, 3)).toBe(3);
  });
});

describe("suggested severity maps", () => {
  it("has one per kind, every impact valid, PagerDuty's four severities", () => {
    for (const kind of ALERT_KINDS) {
      const { map, problems } = readSeverityMap(SUGGESTED_SEVERITY_MAPS[kind]);
      expect(problems).toEqual([]);
      expect(map).toEqual(SUGGESTED_SEVERITY_MAPS[kind]);
    }
    expect(SUGGESTED_SEVERITY_MAPS.PAGERDUTY).toEqual({ critical: 1, error: 2, warning: 3, info: 4 });
    expect(SUGGESTED_SEVERITY_MAPS.ALERTMANAGER).toMatchObject({ critical: 1, warning: 3, info: 4 });
  });

  it("hands out a copy a form may change", () => {
    const copy = suggestedSeverityMap("GENERIC");
    copy.critical = 2;
    expect(SUGGESTED_SEVERITY_MAPS.GENERIC.critical).toBe(1);
  });
});

describe("readSeverityMap", () => {
  it("lower-cases and trims keys and names each bad entry", () => {
    expect(readSeverityMap({ " Critical ": 1, warning: 7, "": 2, info: 4 })).toEqual({
      map: { critical: 1, info: 4 },
      problems: ['Severity "warning": the impact must be a whole number from 1 to 5.', "A severity must not be blank."],
    });
    expect(readSeverityMap([])).toEqual({ map: {}, problems: ["The severity map must be an object of severity → impact."] });
  });
});

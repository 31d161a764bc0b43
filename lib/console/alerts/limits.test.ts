import { describe, expect, it } from "vitest";
import incidents from "@/lib/im/model/ssm-incidents.json";
import { ALERT_LIMITS, isCustomSource, isImpact } from "./limits";

describe("alert limits", () => {
  it("are the AWS model's", () => {
    expect(ALERT_LIMITS).toEqual({
      title: incidents.shapes.IncidentTitle.max,
      summary: incidents.shapes.IncidentSummary.max,
      rawData: incidents.shapes.RawData.max,
      source: incidents.shapes.IncidentSource.max,
      url: incidents.shapes.Url.max,
      linkTitle: incidents.shapes.RelatedItemTitleString.max,
      links: incidents.shapes.RelatedItemList.max,
      impactMin: incidents.shapes.Impact.min,
      impactMax: incidents.shapes.Impact.max,
    });
  });

  it("take a customer source, never one of AWS's own", () => {
    expect(isCustomSource("io.prometheus.alertmanager")).toBe(true);
    expect(isCustomSource("aws.cloudwatch")).toBe(false);
    expect(isCustomSource("")).toBe(false);
    expect(isCustomSource("x".repeat(ALERT_LIMITS.source + 1))).toBe(false);
  });

  it("take impacts 1 to 5, whole", () => {
    expect([1, 5].every(isImpact)).toBe(true);
    expect([0, 6, 2.5, "2", null, undefined].some(isImpact)).toBe(false);
  });
});

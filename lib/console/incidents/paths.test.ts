import { describe, expect, it } from "vitest";
import { incidentPath, incidentPathParts } from "./paths";

const ARN = "arn:aws:ssm-incidents::123456789012:incident-record/checkout-plan/4b5c8e0a-9d8e-4f6f-9b1e-2d1a6f0c9e11";

describe("incident URLs", () => {
  it("are short: the plan and the id, with a tab when asked", () => {
    expect(incidentPath(ARN)).toBe("/incidents/checkout-plan/4b5c8e0a-9d8e-4f6f-9b1e-2d1a6f0c9e11");
    expect(incidentPath(ARN, "engagements")).toBe("/incidents/checkout-plan/4b5c8e0a-9d8e-4f6f-9b1e-2d1a6f0c9e11?tab=engagements");
    expect(incidentPathParts(ARN)).toEqual({ plan: "checkout-plan", id: "4b5c8e0a-9d8e-4f6f-9b1e-2d1a6f0c9e11" });
  });

  it("keep the long form for anything that isn't an incident record ARN", () => {
    const odd = "arn:aws:ssm-incidents::123456789012:response-plan/checkout-plan";
    expect(incidentPathParts(odd)).toBeUndefined();
    expect(incidentPath(odd, "timeline")).toBe(`/incidents/detail?arn=${encodeURIComponent(odd)}&tab=timeline`);
    expect(incidentPathParts("not an arn")).toBeUndefined();
  });
});

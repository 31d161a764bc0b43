import { describe, expect, it } from "vitest";
import { emptyResponsePlanForm, responsePlanFieldFor, responsePlanFormSchema, toCreateResponsePlanInput } from "./response-plan";
import { startIncidentFormSchema } from "./incident";

const valid = { ...emptyResponsePlanForm, name: "db-outage", title: "Database down", impact: "2" };

function issues(values: object) {
  const r = responsePlanFormSchema.safeParse(values);
  return r.success ? [] : r.error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
}

describe("response plan form rules (from the service model)", () => {
  it("accepts a minimal plan and builds CreateResponsePlanInput from it", () => {
    expect(issues(valid)).toEqual([]);
    expect(toCreateResponsePlanInput({ ...valid, engagements: "\n arn:aws:ssm-contacts:us-east-1:000000000000:contact/oncall \n", tags: "team = core\nenv=prod" })).toEqual({
      name: "db-outage",
      displayName: undefined,
      incidentTemplate: { title: "Database down", impact: 2, summary: undefined, dedupeString: undefined },
      engagements: ["arn:aws:ssm-contacts:us-east-1:000000000000:contact/oncall"],
      tags: { team: "core", env: "prod" },
    });
  });

  it("puts each model problem on its field", () => {
    const found = issues({ ...valid, name: "bad name", title: "", impact: "9", engagements: "not-an-arn", tags: "aws:x=1\nnovalue" });
    expect(found).toEqual(
      expect.arrayContaining([
        { field: "name", message: expect.stringContaining("regular expression pattern") },
        { field: "title", message: "Required." },
        { field: "impact", message: "Must have value less than or equal to 5." },
        { field: "engagements", message: expect.stringMatching(/^Line 1: Must satisfy regular expression pattern/) },
        { field: "tags", message: expect.stringMatching(/^Key "aws:x": Must satisfy regular expression pattern/) },
        { field: "tags", message: "Line 2: write key=value." },
      ]),
    );
  });

  it("takes limits from the model, not from the form (name: at most 200 characters)", () => {
    expect(issues({ ...valid, name: "a".repeat(200) })).toEqual([]);
    expect(issues({ ...valid, name: "a".repeat(201) })).toEqual([{ field: "name", message: "Must have length less than or equal to 200." }]);
  });

  it("maps a server ValidationException's member paths to form fields", () => {
    expect(responsePlanFieldFor("incidentTemplate.summary")).toBe("summary");
    expect(responsePlanFieldFor("incidentTemplate")).toBe("title");
    expect(responsePlanFieldFor("engagements[3]")).toBe("engagements");
    expect(responsePlanFieldFor("tags.env(key)")).toBe("tags");
    expect(responsePlanFieldFor("actions[0].ssmAutomation.roleArn")).toBeUndefined();
  });
});

describe("start incident form rules", () => {
  it("requires a response plan and leaves title and impact to the template when empty", () => {
    const r = startIncidentFormSchema.safeParse({ responsePlanArn: "", title: "", impact: "" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["responsePlanArn", "Required."]]);
    expect(startIncidentFormSchema.safeParse({ responsePlanArn: "arn:aws:ssm-incidents::000000000000:response-plan/x", title: "", impact: "" }).success).toBe(true);
  });
});

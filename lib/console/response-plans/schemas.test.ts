import { describe, expect, it } from "vitest";
import { startIncidentFormSchema } from "@/lib/console/incidents/schemas";
import { emptyResponsePlanForm, responsePlanFieldFor, responsePlanFormSchema, sectionFormSchema, toCreateResponsePlanInput, toResponsePlanFormValues, toUpdateResponsePlanInput, updateResponsePlanSchema, type ResponsePlanFormValues } from "./schemas";

const valid: ResponsePlanFormValues = { ...emptyResponsePlanForm, name: "db-outage", title: "Database down", impact: "2" };
const contact = "arn:aws:ssm-contacts:us-east-1:000000000000:contact/oncall";
const ARN = "arn:aws:ssm-incidents::000000000000:response-plan/db-outage";

const full: ResponsePlanFormValues = {
  ...valid,
  displayName: "Database outage",
  summary: "Primary is down",
  dedupeString: "db",
  incidentTags: [{ key: "service", value: "db" }],
  notificationTargets: [{ arn: "arn:aws:sns:us-east-1:000000000000:alerts" }],
  chatChannel: "sns",
  chatSnsTopics: [{ arn: "arn:aws:sns:us-east-1:000000000000:chat" }],
  engagements: [contact],
  runbook: "ssm",
  documentName: "AWSIncidents-CriticalIncidentRunbookTemplate",
  documentVersion: "",
  roleArn: "arn:aws:iam::000000000000:role/runbook",
  targetAccount: "IMPACTED_ACCOUNT",
  parameters: [{ key: "InstanceIds", values: "i-1\n\n i-2 " }],
  dynamicParameters: [{ key: "IncidentArn", variable: "INCIDENT_RECORD_ARN" }],
  pagerDuty: "pagerDuty",
  pagerDutyName: "pd",
  pagerDutyServiceId: "P123",
  pagerDutySecretId: "pd-secret",
  tags: [{ key: "team", value: " core " }],
};

function issues(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, values: object) {
  const r = schema.safeParse(values);
  return r.success ? [] : r.error!.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
}

describe("response plan form rules (from the service model)", () => {
  it("accepts a minimal plan and builds CreateResponsePlanInput from it", () => {
    expect(issues(responsePlanFormSchema, valid)).toEqual([]);
    expect(toCreateResponsePlanInput(valid)).toEqual({
      name: "db-outage",
      incidentTemplate: { title: "Database down", impact: 2 },
      displayName: undefined,
      chatChannel: undefined,
      engagements: undefined,
      actions: undefined,
      integrations: undefined,
      tags: undefined,
    });
  });

  it("builds every section of CreateResponsePlanInput, and reads it back", () => {
    expect(issues(responsePlanFormSchema, full)).toEqual([]);
    const input = toCreateResponsePlanInput(full);
    expect(input).toMatchObject({
      incidentTemplate: {
        incidentTags: { service: "db" },
        notificationTargets: [{ snsTopicArn: "arn:aws:sns:us-east-1:000000000000:alerts" }],
      },
      chatChannel: { chatbotSns: ["arn:aws:sns:us-east-1:000000000000:chat"] },
      engagements: [contact],
      actions: [
        {
          ssmAutomation: {
            documentName: "AWSIncidents-CriticalIncidentRunbookTemplate",
            documentVersion: undefined,
            targetAccount: "IMPACTED_ACCOUNT",
            parameters: { InstanceIds: ["i-1", "i-2"] },
            dynamicParameters: { IncidentArn: { variable: "INCIDENT_RECORD_ARN" } },
          },
        },
      ],
      integrations: [{ pagerDutyConfiguration: { name: "pd", secretId: "pd-secret", pagerDutyIncidentConfiguration: { serviceId: "P123" } } }],
      tags: { team: "core" },
    });
    const { tags, ...plan } = input;
    const back = toResponsePlanFormValues({ ...plan, arn: ARN }, tags);
    expect(back).toEqual({ ...full, parameters: [{ key: "InstanceIds", values: "i-1\ni-2" }], tags: [{ key: "team", value: "core" }] });
  });

  it("puts each model problem on its field, rows included", () => {
    const found = issues(responsePlanFormSchema, {
      ...full,
      name: "bad name",
      title: "",
      impact: "9",
      engagements: ["not-an-arn"],
      incidentTags: [{ key: "ok", value: "" }, { key: "aws:x", value: "1" }],
      notificationTargets: [{ arn: "" }, { arn: "sns-topic" }],
      roleArn: "arn:aws:iam::000000000000:user/x",
      parameters: [{ key: "p", values: "x".repeat(513) }],
      dynamicParameters: [{ key: "d", variable: "" }],
      pagerDutySecretId: "",
      tags: [{ key: "team", value: "a" }, { key: "team", value: "b" }],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        { field: "name", message: expect.stringContaining("regular expression pattern") },
        { field: "title", message: "Required." },
        { field: "impact", message: "Must have value less than or equal to 5." },
        { field: "engagements", message: expect.stringMatching(/^Engagement 1: Must satisfy regular expression pattern/) },
        { field: "incidentTags.1.key", message: expect.stringMatching(/^Must satisfy regular expression pattern/) },
        { field: "notificationTargets.0.arn", message: "Required." },
        { field: "notificationTargets.1.arn", message: expect.stringContaining("regular expression pattern") },
        { field: "roleArn", message: expect.stringContaining("regular expression pattern") },
        { field: "parameters.0.values", message: "Line 1: Must have length less than or equal to 512." },
        { field: "dynamicParameters.0.variable", message: "Choose a value." },
        { field: "pagerDutySecretId", message: "Required." },
        { field: "tags.1.key", message: 'The key "team" is used twice.' },
      ]),
    );
    expect(found.filter((f) => f.field === "notificationTargets.0.arn")).toHaveLength(1);
  });

  it("checks a chosen option's own members, and leaves out the ones not chosen", () => {
    const chat = issues(responsePlanFormSchema, { ...valid, chatChannel: "sns", chatSnsTopics: [] });
    expect(chat).toEqual([{ field: "chatSnsTopics", message: "Must have length greater than or equal to 1." }]);
    const runbook = issues(responsePlanFormSchema, { ...valid, runbook: "ssm" });
    expect(runbook).toEqual([
      { field: "documentName", message: "Required." },
      { field: "roleArn", message: "Required." },
    ]);
    // Not chosen: whatever is left in the hidden fields is not sent and not checked.
    expect(issues(responsePlanFormSchema, { ...valid, runbook: "none", documentName: "x", dynamicParameters: [{ key: "", variable: "" }] })).toEqual([]);
    expect(toCreateResponsePlanInput({ ...valid, runbook: "none", documentName: "x" }).actions).toBeUndefined();
  });

  it("takes limits from the model, not from the form (name: at most 200 characters, at most 5 engagements)", () => {
    expect(issues(responsePlanFormSchema, { ...valid, name: "a".repeat(200) })).toEqual([]);
    expect(issues(responsePlanFormSchema, { ...valid, name: "a".repeat(201) })).toEqual([{ field: "name", message: "Must have length less than or equal to 200." }]);
    const six = Array.from({ length: 6 }, (_, i) => `${contact}${i}`);
    expect(issues(responsePlanFormSchema, { ...valid, engagements: six })).toEqual([{ field: "engagements", message: "Must have length less than or equal to 5." }]);
  });

  it("maps a server ValidationException's member paths to form fields", () => {
    expect(responsePlanFieldFor("incidentTemplate.summary")).toBe("summary");
    expect(responsePlanFieldFor("incidentTemplateSummary")).toBe("summary");
    expect(responsePlanFieldFor("incidentTemplate")).toBe("title");
    expect(responsePlanFieldFor("engagements[3]")).toBe("engagements");
    expect(responsePlanFieldFor("tags.env(key)")).toBe("tags");
    expect(responsePlanFieldFor("incidentTemplateNotificationTargets[1].snsTopicArn")).toBe("notificationTargets.1.arn");
    expect(responsePlanFieldFor("actions[0].ssmAutomation.roleArn")).toBe("roleArn");
    expect(responsePlanFieldFor("integrations[0].pagerDutyConfiguration.pagerDutyIncidentConfiguration.serviceId")).toBe("pagerDutyServiceId");
    expect(responsePlanFieldFor("clientToken")).toBeUndefined();
  });
});

describe("editing one section (UpdateResponsePlan)", () => {
  it("sends only the section's members; an emptied list, map or chat channel clears it", () => {
    expect(toUpdateResponsePlanInput(ARN, "defaults", { ...full, summary: " ", incidentTags: [] })).toEqual({
      arn: ARN,
      incidentTemplateTitle: "Database down",
      incidentTemplateImpact: 2,
      incidentTemplateSummary: "",
      incidentTemplateDedupeString: "db",
      incidentTemplateTags: {},
    });
    expect(toUpdateResponsePlanInput(ARN, "chat", { ...full, chatChannel: "none" })).toEqual({ arn: ARN, chatChannel: { empty: {} } });
    expect(toUpdateResponsePlanInput(ARN, "runbook", { ...full, runbook: "none" })).toEqual({ arn: ARN, actions: [] });
    expect(toUpdateResponsePlanInput(ARN, "integrations", { ...full, pagerDuty: "none" })).toEqual({ arn: ARN, integrations: [] });
    expect(toUpdateResponsePlanInput(ARN, "engagements", full)).toEqual({ arn: ARN, engagements: [contact] });
  });

  it("checks only the section being edited", () => {
    const broken = { ...full, name: "bad name", roleArn: "nope" };
    expect(issues(sectionFormSchema(ARN, "defaults"), broken)).toEqual([]);
    expect(issues(sectionFormSchema(ARN, "runbook"), broken)).toEqual([{ field: "roleArn", message: expect.stringContaining("regular expression pattern") }]);
    // The template's title can be changed, not blanked (every incident takes it).
    expect(issues(sectionFormSchema(ARN, "defaults"), { ...full, title: " " })).toEqual([{ field: "title", message: "Required." }]);
  });

  it("tags: every row checked against TagResource's model; no rows at all is allowed (UntagResource alone)", () => {
    expect(issues(sectionFormSchema(ARN, "tags"), { ...full, tags: [] })).toEqual([]);
    expect(issues(sectionFormSchema(ARN, "tags"), { ...full, tags: [{ key: "ok", value: "bad\u0000value" }] })).toEqual([
      { field: "tags.0.value", message: expect.stringContaining("regular expression pattern") },
    ]);
  });

  it("the action's schema takes the ARN and the section with the values", () => {
    expect(updateResponsePlanSchema.safeParse({ ...full, arn: ARN, section: "runbook" }).success).toBe(true);
    expect(updateResponsePlanSchema.safeParse({ ...full, arn: ARN, section: "everything" }).success).toBe(false);
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

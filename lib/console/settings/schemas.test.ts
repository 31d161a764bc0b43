// The Settings forms' rules (replication set, resource policies, tags), as the browser and the
// server actions both apply them: model limits and patterns on the field they belong to.
import { describe, expect, it } from "vitest";
import { addRegionFormSchema, createReplicationSetFormSchema, deleteReplicationSetFormSchema, toCreateReplicationSetInput, prettyPolicy, resourcePolicyFormSchema, resourceTagsFormSchema } from "./schemas";

function issues(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, values: object) {
  const r = schema.safeParse(values);
  return r.success ? [] : r.error!.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message }));
}

const SET = "arn:aws:ssm-incidents::000000000000:replication-set/abc";
const PLAN = "arn:aws:ssm-incidents::000000000000:response-plan/db";
const CONTACT = "arn:aws:ssm-contacts:us-east-1:000000000000:contact/ana";

describe("replication set forms", () => {
  it("adds a Region by name, with the KMS key's length from the model", () => {
    expect(issues(addRegionFormSchema, { arn: SET, regionName: "eu-west-1", sseKmsKeyId: "" })).toEqual([]);
    expect(issues(addRegionFormSchema, { arn: SET, regionName: "", sseKmsKeyId: "" })).toEqual([{ field: "regionName", message: "Choose a Region." }]);
    expect(issues(addRegionFormSchema, { arn: SET, regionName: "eu-west-1", sseKmsKeyId: "k".repeat(2049) })).toEqual([
      { field: "sseKmsKeyId", message: "Must have length less than or equal to 2048." },
    ]);
  });

  it("creates a set over one to three Regions, each key on its own field", () => {
    const regions = (...names: string[]) => names.map((regionName) => ({ regionName, sseKmsKeyId: "" }));
    expect(issues(createReplicationSetFormSchema, { regions: regions("us-east-1", "eu-west-1") })).toEqual([]);
    expect(issues(createReplicationSetFormSchema, { regions: [] })).toEqual(expect.arrayContaining([{ field: "regions", message: "Choose at least one Region." }]));
    expect(issues(createReplicationSetFormSchema, { regions: regions("us-east-1", "us-east-2", "us-west-1", "us-west-2") })).toEqual([
      { field: "regions", message: "Must have size less than or equal to 3." },
    ]);
    expect(issues(createReplicationSetFormSchema, { regions: [{ regionName: "us-east-1", sseKmsKeyId: "" }, { regionName: "eu-west-1", sseKmsKeyId: "k".repeat(2049) }] })).toEqual([
      { field: "regions.1.sseKmsKeyId", message: "Must have length less than or equal to 2048." },
    ]);
    expect(toCreateReplicationSetInput({ regions: [{ regionName: "us-east-1", sseKmsKeyId: " alias/im " }, { regionName: "eu-west-1", sseKmsKeyId: "" }] })).toEqual({
      regions: { "us-east-1": { sseKmsKeyId: "alias/im" }, "eu-west-1": { sseKmsKeyId: undefined } },
    });
  });

  it("deletes the set only with the typed confirmation", () => {
    expect(issues(deleteReplicationSetFormSchema, { arn: SET, confirmation: "delete" })).toEqual([]);
    expect(issues(deleteReplicationSetFormSchema, { arn: SET, confirmation: "yes" })).toEqual([{ field: "confirmation", message: "Type delete to confirm." }]);
  });
});

describe("resource policy form", () => {
  it("wants a JSON object within the model's 4000 characters", () => {
    const policy = JSON.stringify({ Version: "2012-10-17", Statement: [] });
    expect(issues(resourcePolicyFormSchema, { resourceArn: PLAN, policy })).toEqual([]);
    expect(issues(resourcePolicyFormSchema, { resourceArn: PLAN, policy: "{not json" })).toEqual([{ field: "policy", message: expect.stringMatching(/^Not valid JSON: /) }]);
    expect(issues(resourcePolicyFormSchema, { resourceArn: PLAN, policy: "[1]" })).toEqual([{ field: "policy", message: "Must be a JSON object (a policy document)." }]);
    expect(issues(resourcePolicyFormSchema, { resourceArn: PLAN, policy: JSON.stringify({ Statement: "x".repeat(4000) }) })).toEqual([
      { field: "policy", message: "Must have length less than or equal to 4000." },
    ]);
  });

  it("shows a stored policy indented, or as stored when it isn't JSON", () => {
    expect(prettyPolicy('{"a":{"b":1}}')).toBe('{\n  "a": {\n    "b": 1\n  }\n}');
    expect(prettyPolicy("not json")).toBe("not json");
  });
});

describe("resource tags form", () => {
  const form = (arn: string, tags: { key: string; value: string }[]) => ({ arn, tags, loadedKeys: [] });

  it("checks ssm-incidents tags against its TagMap, each problem on its row", () => {
    expect(issues(resourceTagsFormSchema, form(PLAN, [{ key: "team", value: "" }]))).toEqual([]);
    expect(issues(resourceTagsFormSchema, form(PLAN, [{ key: "team", value: "ok" }, { key: "aws:owner", value: "x" }, { key: "env", value: "prod!" }]))).toEqual([
      { field: "tags.1.key", message: expect.stringMatching(/^Key "aws:owner": Must satisfy regular expression pattern/) },
      { field: "tags.2.value", message: expect.stringMatching(/^Must satisfy regular expression pattern/) },
    ]);
  });

  it("checks ssm-contacts tags against its own rules: a value is required", () => {
    expect(issues(resourceTagsFormSchema, form(CONTACT, [{ key: "team", value: "core" }]))).toEqual([]);
    expect(issues(resourceTagsFormSchema, form(CONTACT, [{ key: "team", value: "" }, { key: "a b", value: "x" }]))).toEqual([
      { field: "tags.0.value", message: "Must have length greater than or equal to 1." },
      { field: "tags.1.key", message: expect.stringMatching(/^Must satisfy regular expression pattern/) },
    ]);
  });

  it("refuses empty and repeated keys, and ARNs outside Incident Manager", () => {
    expect(issues(resourceTagsFormSchema, form(PLAN, [{ key: "", value: "x" }, { key: "a", value: "1" }, { key: "a", value: "2" }]))).toEqual(
      expect.arrayContaining([
        { field: "tags.0.key", message: "Required." },
        { field: "tags.2.key", message: 'The key "a" is used twice.' },
      ]),
    );
    expect(issues(resourceTagsFormSchema, form("arn:aws:s3:::bucket", []))).toEqual([{ field: "arn", message: expect.stringMatching(/^Enter the ARN of an Incident Manager resource/) }]);
  });

  it("takes 50 tags on a resource and refuses the 51st", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: "v" }));
    expect(issues(resourceTagsFormSchema, form(PLAN, many(50)))).toEqual([]);
    expect(issues(resourceTagsFormSchema, form(PLAN, many(51)))).toEqual([{ field: "tags", message: "Must have size less than or equal to 50." }]);
    expect(issues(resourceTagsFormSchema, form(CONTACT, many(51)))).toEqual([{ field: "tags", message: "Must have length less than or equal to 50." }]);
  });
});

// The restJson1 router and input reader on their own: every model operation is reachable, and
// URI labels are percent-decoded (an ARN's '/' arrives as %2F).
import { describe, expect, it } from "vitest";
import { INCIDENTS_OPERATIONS } from "@/lib/im/contract";
import { serviceModel } from "@/lib/im/model";
import { matchRestOperation, readRestInput } from "@/lib/wire/rest-json";
import { readJsonShape, writeJsonShape } from "@/lib/wire/shapes";

describe("restJson1 routing", () => {
  it("reaches every ssm-incidents operation from its own method and path", () => {
    const ops = serviceModel("ssm-incidents").operations;
    for (const name of INCIDENTS_OPERATIONS) {
      const { method, requestUri } = ops[name].http;
      const path = requestUri.replace("{resourceArn}", "arn%3Aaws%3Assm-incidents%3A%3A123456789012%3Aresponse-plan%2Fp");
      expect(matchRestOperation("ssm-incidents", method, path).operation).toBe(name);
    }
  });

  it("decodes URI labels and reads query lists", () => {
    const arn = "arn:aws:ssm-incidents::123456789012:incident-record/plan/0f1e2d3c";
    const m = matchRestOperation("ssm-incidents", "DELETE", `/tags/${encodeURIComponent(arn)}`);
    expect(m).toEqual({ operation: "UntagResource", labels: { resourceArn: arn } });
    const input = readRestInput("ssm-incidents", m.operation, {
      method: "DELETE",
      labels: m.labels,
      query: [["tagKeys", "a"], ["other", "x"], ["tagKeys", "b c"]],
      headers: new Headers(),
      body: new Uint8Array(),
    });
    expect(input).toEqual({ resourceArn: arn, tagKeys: ["a", "b c"] });
  });
});

describe("shape conversion", () => {
  it("turns timestamps into Dates and back into epoch seconds", () => {
    const problems: { name: string; message: string }[] = [];
    const input = readJsonShape(
      "ssm-incidents",
      "ListIncidentRecordsInput",
      { filters: [{ key: "creationTime", condition: { after: 1700000000.5 } }, { key: "creationTime", condition: { before: "2024-01-01T00:00:00Z" } }] },
      "",
      problems,
    ) as { filters: { condition: { after?: Date; before?: Date } }[] };
    expect(problems).toEqual([]);
    expect(input.filters[0].condition.after).toEqual(new Date(1700000000500));
    expect(input.filters[1].condition.before).toEqual(new Date("2024-01-01T00:00:00Z"));
    const out = writeJsonShape("ssm-incidents", "IncidentRecordSummary", { arn: "a", creationTime: new Date(1700000000500), extra: 1 }, { wholeSeconds: false });
    expect(out).toEqual({ arn: "a", creationTime: 1700000000.5 });
    const whole = writeJsonShape("ssm-contacts", "Receipt", { ReceiptType: "SENT", ReceiptTime: new Date(1700000000900) }, { wholeSeconds: true });
    expect(whole).toEqual({ ReceiptType: "SENT", ReceiptTime: 1700000000 });
  });

  it("keeps map keys such as __proto__ as plain data", () => {
    const problems: { name: string; message: string }[] = [];
    const tags = readJsonShape("ssm-incidents", "TagMap", JSON.parse('{"__proto__": "x", "a": "b"}'), "tags", problems) as Record<string, string>;
    expect(problems).toEqual([]);
    expect(Object.keys(tags).sort()).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(tags)).toBe(Object.prototype);
  });
});

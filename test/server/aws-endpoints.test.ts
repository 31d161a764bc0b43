// The production server's routing and header view (server/aws-endpoints.ts): which paths go to the
// wire layer instead of Next, and headers read as a Web Headers object would read them.
import { describe, expect, it } from "vitest";
import { awsServiceFor, nodeHeaders } from "@/server/aws-endpoints";

describe("awsServiceFor", () => {
  it("takes each endpoint's own path and everything under it, with or without a query", () => {
    expect(awsServiceFor("/api/aws/ssm-incidents/getIncidentRecord?arn=x")).toBe("ssm-incidents");
    expect(awsServiceFor("/api/aws/ssm-incidents/tags/arn%3Aaws%3Ax")).toBe("ssm-incidents");
    expect(awsServiceFor("/api/aws/ssm-incidents")).toBe("ssm-incidents");
    expect(awsServiceFor("/api/aws/ssm-contacts/")).toBe("ssm-contacts");
    expect(awsServiceFor("/api/aws/ssm-contacts")).toBe("ssm-contacts");
    expect(awsServiceFor("/api/aws/ssm-contacts?x=1")).toBe("ssm-contacts");
  });

  it("leaves every other path to Next", () => {
    for (const url of ["/", "/incidents", "/api/health", "/api/aws", "/api/aws/ssm-incidentsX", "/api/aws/ssm-contacts-old/", "/x/api/aws/ssm-incidents", undefined]) {
      expect(awsServiceFor(url)).toBeUndefined();
    }
  });
});

describe("nodeHeaders", () => {
  it("reads node's parsed headers as Headers.get/has/forEach do", () => {
    const raw = { host: "localhost:3000", "x-amz-date": "20260101T000000Z", "x-custom": ["a", "b"] };
    const headers = nodeHeaders(raw);
    const web = new Headers([["host", "localhost:3000"], ["x-amz-date", "20260101T000000Z"], ["x-custom", "a"], ["x-custom", "b"]]);
    for (const name of ["Host", "x-amz-date", "X-Custom", "missing"]) {
      expect(headers.get(name)).toBe(web.get(name));
      expect(headers.has(name)).toBe(web.has(name));
    }
    const seen: [string, string][] = [];
    headers.forEach((v, k) => seen.push([k, v]));
    const expected: [string, string][] = [];
    web.forEach((v, k) => expected.push([k, v]));
    expect(seen.sort()).toEqual(expected.sort());
  });
});

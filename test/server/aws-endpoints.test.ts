// The production server's routing, header view and body reading (server/aws-endpoints.ts): which
// paths go to the wire layer instead of Next, headers read as a Web Headers object would read
// them, and bodies read whole, within the limit, on a real server.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WireResponse } from "@/lib/wire/wire-error";
import { awsEndpoints, awsServiceFor, nodeHeaders } from "@/server/aws-endpoints";

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

describe("awsEndpoints' request bodies", () => {
  // A handler that reads the body within 16 bytes and answers with what it read, on a real server.
  const LIMIT = 16;
  let url: string;
  let server: Server;
  beforeAll(async () => {
    const endpoints = awsEndpoints({
      "ssm-incidents": async (req): Promise<WireResponse> => {
        // As the wire handler does, the body is read after an await (when a request without a
        // body has already arrived whole) — or, at /now, at once.
        if (!req.url.endsWith("/now")) await new Promise((resolve) => setImmediate(resolve));
        try {
          const body = await req.readBody(LIMIT);
          return { status: 200, headers: { "content-type": "text/plain" }, body: `${body.byteLength}:${Buffer.from(body).toString("utf8")}` };
        } catch (e) {
          return { status: (e as { status?: number }).status ?? 500, headers: {}, body: (e as Error).message };
        }
      },
    });
    server = createServer((req, res) => void endpoints("ssm-incidents", req, res));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/aws/ssm-incidents/x`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const call = (method: string, body?: BodyInit, headers?: Record<string, string>, path = "later") =>
    fetch(`${url}/${path}`, { method, body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit).then(async (r) => [r.status, await r.text()]);

  it("reads none from a request without one, and each byte of one that has one, sent whole or in chunks", async () => {
    for (const path of ["later", "now"]) {
      expect(await call("GET", undefined, undefined, path)).toEqual([200, "0:"]);
      expect(await call("POST", "", { "content-length": "0" }, path)).toEqual([200, "0:"]);
      expect(await call("POST", "{\"a\":1}", undefined, path)).toEqual([200, '7:{"a":1}']);
    }
    const chunked = new ReadableStream<Uint8Array>({
      start(c) {
        for (const part of ["ab", "cd", "ef"]) c.enqueue(new TextEncoder().encode(part));
        c.close();
      },
    });
    expect(await call("POST", chunked)).toEqual([200, "6:abcdef"]);
    // Several at once on kept-alive connections: each gets its own body.
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? call("POST", `body ${i}`) : call("GET"))));
    expect(answers).toEqual(Array.from({ length: 20 }, (_, i) => (i % 2 ? [200, `${`body ${i}`.length}:body ${i}`] : [200, "0:"])));
  });

  it("refuses a body over the limit, declared or streamed, with 413", async () => {
    expect((await call("POST", "x".repeat(LIMIT + 1)))[0]).toBe(413);
    const streamed = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 4; i++) c.enqueue(new TextEncoder().encode("x".repeat(8)));
        c.close();
      },
    });
    expect((await call("POST", streamed))[0]).toBe(413);
  });
});

// "No request, valid or not, produces a 500": every operation of both services is sent a few
// hundred hostile inputs through the real wire handler (signed, so they reach the operations):
// wrong types, out-of-range values, nulls, huge strings, real and unknown ARNs in every slot,
// malformed JSON. Every answer must be a 2xx or a 4xx with a named error, and the handler must
// not have logged an unexpected failure. (Operations not built yet answer 501 by name.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceModel, shape, type ServiceId } from "@/lib/im/model";
import { PROVIDERS } from "../support/databases";
import { rawCall, startWireFixture, type Credentials, type WireFixture } from "./fixture";

/** A small deterministic PRNG, so a failure reproduces. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe.each(PROVIDERS)("hostile input through the wire on %s", (provider) => {
  let f: WireFixture;
  let key: Credentials;
  const pool: unknown[] = [
    null, "", " ", "x".repeat(5000), "\u0000\u0001", "🔥", -1, 0, 1, 6, 2 ** 53, 1e308, -0.5, true, false, [], [null], {}, { a: 1 },
    "arn:aws:ssm-incidents::123456789012:incident-record/none/none", "arn:aws:ssm-incidents::123456789012:response-plan/none",
    "arn:aws:ssm-contacts:us-east-1:123456789012:contact/none", "not-an-arn", "2026-01-01T00:00:00Z", 1700000000.5, "OPEN", "RESOLVED",
    "Custom Event", "ASCENDING", "EVENT_TIME", [{}], [{ key: "status", condition: {} }], { equals: { stringValues: ["OPEN"] } },
  ];

  const realArns: string[] = [];

  beforeAll(async () => {
    f = await startWireFixture(provider);
    key = await f.key("admin", "fuzzer");
    const sdk = f.incidents(key);
    await sdk.createReplicationSet({ regions: { "us-east-1": {} } });
    const { arn } = await sdk.createResponsePlan({ name: "fuzz", incidentTemplate: { title: "fuzz", impact: 3 } });
    const { incidentRecordArn } = await sdk.startIncident({ responsePlanArn: arn });
    // Real resources in the pool, so some inputs reach deep into the operations.
    pool.push(arn, incidentRecordArn, `arn:aws:ssm-incidents::123456789012:replication-set/x`);
    realArns.push(arn!, incidentRecordArn!);
  });
  afterAll(async () => {
    await f.close();
  });

  /** A value for a member of shape `name`: often the right type but wrong, sometimes anything. */
  function value(service: ServiceId, name: string, r: () => number, depth: number): unknown {
    if (r() < 0.15 || depth > 4) return pool[Math.floor(r() * pool.length)];
    const s = shape(service, name);
    switch (s.type) {
      case "structure": {
        const out: Record<string, unknown> = {};
        for (const [m, ref] of Object.entries(s.members ?? {})) if (r() < 0.6) out[m] = value(service, ref.shape, r, depth + 1);
        return out;
      }
      case "list":
        return Array.from({ length: Math.floor(r() * 4) }, () => value(service, s.member!.shape, r, depth + 1));
      case "map":
        return Object.fromEntries(Array.from({ length: Math.floor(r() * 3) }, (_, i) => [`k${i}`, value(service, s.value!.shape, r, depth + 1)]));
      case "string":
        // ARNs of things that exist, mostly: only then does an input get past the lookups.
        if (name === "Arn" && r() < 0.7) return realArns[Math.floor(r() * realArns.length)];
        return s.enum && r() < 0.5 ? s.enum[Math.floor(r() * s.enum.length)] : pool[Math.floor(r() * pool.length)];
      case "integer":
      case "long":
        return r() < 0.7 && s.min !== undefined && s.max !== undefined
          ? s.min + Math.floor(r() * Math.min(s.max - s.min + 1, 200))
          : Math.floor(r() * 12) - 3;
      case "timestamp":
        return r() < 0.5 ? Date.now() / 1000 : "yesterday";
      default:
        return pool[Math.floor(r() * pool.length)];
    }
  }

  function incidentsRequest(op: string, input: Record<string, unknown>) {
    const o = serviceModel("ssm-incidents").operations[op];
    const s = shape("ssm-incidents", o.input!.shape);
    let path = o.http.requestUri;
    const query: string[] = [];
    const body: Record<string, unknown> = {};
    for (const [m, ref] of Object.entries(s.members ?? {})) {
      const v = input[m];
      if (v === undefined) continue;
      const text = typeof v === "string" ? v : JSON.stringify(v);
      if (ref.location === "uri") path = path.replace(`{${ref.locationName ?? m}}`, encodeURIComponent(text));
      else if (ref.location === "querystring") query.push(`${encodeURIComponent(ref.locationName ?? m)}=${encodeURIComponent(text)}`);
      else body[m] = v;
    }
    path = path.replace(/\{[^}]+\}/g, "missing");
    return { method: o.http.method, path: `/api/aws/ssm-incidents${path}${query.length ? `?${query.join("&")}` : ""}`, body: o.http.method === "GET" ? undefined : JSON.stringify(body) };
  }

  const ok = (status: number, json: Record<string, unknown> | null, headers: Headers) => {
    if (status === 501) return true; // an operation not built yet, refused by name
    if (status >= 500) return false;
    if (status >= 400) return Boolean(headers.get("x-amzn-errortype") ?? json?.__type);
    return true;
  };

  it.each(Object.keys(serviceModel("ssm-incidents").operations))("ssm-incidents %s never fails with a 5xx", async (op) => {
    const r = rng([...op].reduce((a, c) => a * 31 + c.charCodeAt(0), 7));
    const inputShape = serviceModel("ssm-incidents").operations[op].input!.shape;
    for (let i = 0; i < 40; i++) {
      const input = value("ssm-incidents", inputShape, r, 0);
      const req = incidentsRequest(op, (input && typeof input === "object" && !Array.isArray(input) ? input : {}) as Record<string, unknown>);
      const res = await rawCall(f.host.origin, { ...req, credentials: key, headers: { "content-type": "application/json" } });
      expect(ok(res.status, res.json, res.headers), `${op} ${req.method} ${req.path} ${req.body ?? ""} → ${res.status} ${res.text.slice(0, 300)}`).toBe(true);
    }
    for (const body of ["{", "[]", "null", "42", '"x"', '{"a":', "\u0000", "{}".repeat(1000)]) {
      const { method, path } = incidentsRequest(op, {});
      if (method === "GET") continue;
      const res = await rawCall(f.host.origin, { method, path, body, credentials: key, headers: { "content-type": "application/json" } });
      expect(ok(res.status, res.json, res.headers), `${op} body ${body.slice(0, 20)} → ${res.status} ${res.text.slice(0, 300)}`).toBe(true);
    }
    expect(f.errors).toEqual([]);
  });

  it.each(Object.keys(serviceModel("ssm-contacts").operations))("ssm-contacts %s never fails with a 5xx", async (op) => {
    const r = rng([...op].reduce((a, c) => a * 17 + c.charCodeAt(0), 3));
    const inputShape = serviceModel("ssm-contacts").operations[op].input!.shape;
    const bodies = Array.from({ length: 20 }, () => JSON.stringify(value("ssm-contacts", inputShape, r, 0)));
    for (const body of [...bodies, "{", "[]", "null"]) {
      const res = await rawCall(f.host.origin, {
        path: "/api/aws/ssm-contacts/",
        body,
        credentials: key,
        service: "ssm-contacts",
        headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": `SSMContacts.${op}` },
      });
      expect(ok(res.status, res.json, res.headers), `${op} ${body.slice(0, 200)} → ${res.status} ${res.text.slice(0, 300)}`).toBe(true);
    }
    expect(f.errors).toEqual([]);
  });
});

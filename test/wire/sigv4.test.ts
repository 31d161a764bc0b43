// SigV4 verification end to end: the real SDK, hand-signed requests in the header sets other
// clients use, and every way a signature can be wrong.
import { createHash } from "node:crypto";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { HttpRequest } from "@smithy/protocol-http";
import { SignatureV4 } from "@smithy/signature-v4";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dbKeyStore, revokeApiKey, signingKeyHash, type CreatedApiKey } from "@/lib/api-keys";
import { localServices } from "@/lib/im/local";
import { createRawWireHandler } from "@/lib/wire/handler";
import { principalArn } from "@/lib/im/arns";
import { amzDateMs, computeSignature, parseAuthorization, type SignedRequest } from "@/lib/wire/sigv4";
import { PROVIDERS } from "../support/databases";
import { ACCOUNT_ID, errorOf, rawCall, REGION, signRequest, startWireFixture, type WireFixture } from "./fixture";

const LIST = "/api/aws/ssm-incidents/listIncidentRecords";
const JSON_HEADERS = { "content-type": "application/json" };
const BOOTSTRAP = { accessKeyId: "BOOTSTRAPKEY", secretAccessKey: "short-secret" };

describe.each(PROVIDERS)("SigV4 verification on %s", (provider) => {
  let f: WireFixture;
  let admin: CreatedApiKey;
  let viewer: CreatedApiKey;
  let planArn: string;

  beforeAll(async () => {
    f = await startWireFixture(provider, { bootstrap: BOOTSTRAP });
    admin = await f.key("admin", "admin-key");
    viewer = await f.key("viewer", "viewer-key");
    const sdk = f.incidents(admin);
    await sdk.createReplicationSet({ regions: { "us-east-1": {} } });
    planArn = (await sdk.createResponsePlan({ name: "plan", incidentTemplate: { title: "T", impact: 3 } })).arn!;
  });
  afterAll(async () => {
    expect(f.errors).toEqual([]);
    await f.close();
  });

  const list = (over: Partial<Parameters<typeof rawCall>[1]> = {}) =>
    rawCall(f.host.origin, { path: LIST, body: "{}", headers: JSON_HEADERS, credentials: admin, ...over });

  it("accepts the JS SDK's signature", async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.json).toHaveProperty("incidentRecordSummaries");
  });

  it("accepts a request signed like the AWS CLI: only host;x-amz-date, no x-amz-content-sha256", async () => {
    const { headers } = await signRequest(f.host.origin, { path: LIST, body: "{}", headers: JSON_HEADERS, credentials: admin, style: "cli" });
    expect(parseAuthorization(headers.authorization).signedHeaders).toEqual(["host", "x-amz-date"]);
    expect(headers).not.toHaveProperty("x-amz-content-sha256");
    expect((await list({ style: "cli" })).status).toBe(200);
  });

  it("accepts a GET with a query string, signed either way", async () => {
    const arn = (await f.incidents(admin).startIncident({ responsePlanArn: planArn, title: "Q" })).incidentRecordArn!;
    for (const style of ["sdk", "cli"] as const) {
      const res = await rawCall(f.host.origin, { method: "GET", path: `/api/aws/ssm-incidents/getIncidentRecord?arn=${encodeURIComponent(arn)}`, credentials: admin, style });
      expect(res.status).toBe(200);
      expect((res.json?.incidentRecord as { title: string }).title).toBe("Q");
    }
  });

  it("rejects an unsigned request", async () => {
    const res = await list({ credentials: undefined });
    expect(res.status).toBe(403);
    expect(res.headers.get("x-amzn-errortype")).toBe("MissingAuthenticationTokenException");
  });

  it("rejects a wrong secret", async () => {
    const res = await list({ credentials: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey.replace(/^./, (c) => (c === "A" ? "B" : "A")) } });
    expect(res.status).toBe(403);
    expect(res.headers.get("x-amzn-errortype")).toBe("InvalidSignatureException");
    const e = await errorOf(f.incidents({ accessKeyId: admin.accessKeyId, secretAccessKey: "x".repeat(64) }).listResponsePlans({}));
    expect(e.name).toBe("InvalidSignatureException");
    expect((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(403);
  });

  it("rejects an unknown access key", async () => {
    const res = await list({ credentials: { accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: admin.secretAccessKey } });
    expect(res.status).toBe(403);
    expect(res.headers.get("x-amzn-errortype")).toBe("UnrecognizedClientException");
  });

  it("rejects a revoked key", async () => {
    const key = await f.key("responder", "soon-revoked");
    expect((await list({ credentials: key })).status).toBe(200);
    await revokeApiKey(f.t.db, key.accessKeyId);
    const res = await list({ credentials: key });
    expect(res.status).toBe(403);
    expect(res.json?.message).toMatch(/revoked/);
    const e = await errorOf(f.incidents(key).listIncidentRecords({}));
    expect(e.name).toBe("UnrecognizedClientException");
  });

  it("rejects a body changed after signing, with or without x-amz-content-sha256", async () => {
    const tamper = (b: Uint8Array) => new TextEncoder().encode(new TextDecoder().decode(b).replace("{}", '{"maxResults":1}'));
    for (const style of ["sdk", "cli"] as const) {
      const res = await list({ style, tamper });
      expect(res.status).toBe(403);
      expect(res.headers.get("x-amzn-errortype")).toBe("InvalidSignatureException");
    }
  });

  it("rejects a stale or future x-amz-date", async () => {
    const stale = await list({ signingDate: new Date(Date.now() - 16 * 60_000) });
    expect(stale.status).toBe(403);
    expect(stale.json?.message).toMatch(/Signature expired/);
    const future = await list({ signingDate: new Date(Date.now() + 16 * 60_000) });
    expect(future.status).toBe(403);
    // Within the 15-minute window both ways.
    expect((await list({ signingDate: new Date(Date.now() - 14 * 60_000) })).status).toBe(200);
  });

  it("rejects a server clock far from the signature's (the SDK path)", async () => {
    f.clock.offsetMs = 20 * 60_000;
    try {
      const e = await errorOf(f.incidents(admin).listResponsePlans({}));
      expect((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(403);
    } finally {
      f.clock.offsetMs = 0;
    }
  });

  it("rejects a signature scoped to another service", async () => {
    const res = await list({ service: "ssm-contacts" });
    expect(res.status).toBe(403);
    expect(res.json?.message).toMatch(/scoped to correct service/);
  });

  it("rejects a signature scoped to another region, as AWS does", async () => {
    const res = await list({ region: "eu-west-1" });
    expect(res.status).toBe(403);
    expect(res.json?.message).toMatch(/scoped to a valid region: 'us-east-1', not 'eu-west-1'/);
    const sdk = new SSMIncidents({ endpoint: f.endpoints["ssm-incidents"], region: "eu-west-1", credentials: admin, maxAttempts: 1 });
    expect((await errorOf(sdk.listResponsePlans({}))).name).toBe("InvalidSignatureException");
  });

  it("refuses UNSIGNED-PAYLOAD: a captured request's body can't be swapped", async () => {
    const path = "/api/aws/ssm-incidents/startIncident";
    const signedBody = JSON.stringify({ responsePlanArn: planArn, title: "signed" });
    const swap = () => new TextEncoder().encode(JSON.stringify({ responsePlanArn: planArn, title: "swapped" }));
    for (const payload of ["UNSIGNED-PAYLOAD", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"]) {
      const res = await rawCall(f.host.origin, { path, body: signedBody, headers: { ...JSON_HEADERS, "x-amz-content-sha256": payload }, credentials: admin, tamper: swap });
      expect(res.status).toBe(403);
      expect(res.headers.get("x-amzn-errortype")).toBe("InvalidSignatureException");
      expect(res.json?.message).toContain("sign the SHA-256 of the request body");
    }
    const { incidentRecordSummaries } = await f.incidents(admin).listIncidentRecords({});
    expect(incidentRecordSummaries?.map((s) => s.title)).not.toContain("swapped");
  });

  /** The endpoint over raw requests, to see what it reads; services are never reached unless given. */
  const rawHandler = (over: Partial<Parameters<typeof createRawWireHandler>[0]> = {}) =>
    createRawWireHandler({
      service: "ssm-incidents",
      keys: dbKeyStore(f.t.db, { bootstrap: BOOTSTRAP }),
      accountId: ACCOUNT_ID,
      region: REGION,
      resolveServices: () => {
        throw new Error("not reached");
      },
      ...over,
    });

  it("refuses unsigned, stale, unknown-key and unsigned-payload requests before reading their bodies", async () => {
    const handler = rawHandler();
    const send = async (r: Parameters<typeof signRequest>[1]) => {
      const { url, method, headers } = await signRequest(f.host.origin, r);
      const readBody = vi.fn(async () => new Uint8Array());
      const res = await handler({ method, url, headers: new Headers({ ...headers, host: new URL(url).host }), readBody });
      return { status: res.status, readBody };
    };
    const base = { path: LIST, body: "{}", headers: JSON_HEADERS };
    const refused = [
      await send({ ...base }),
      await send({ ...base, credentials: admin, signingDate: new Date(Date.now() - 16 * 60_000) }),
      await send({ ...base, credentials: { accessKeyId: "AKIAUNKNOWNUNKNOWN00", secretAccessKey: admin.secretAccessKey } }),
      await send({ ...base, credentials: admin, headers: { ...JSON_HEADERS, "x-amz-content-sha256": "UNSIGNED-PAYLOAD" } }),
      await send({ ...base, credentials: admin, region: "eu-west-1" }),
    ];
    for (const r of refused) {
      expect(r.status).toBe(403);
      expect(r.readBody).not.toHaveBeenCalled();
    }
    // A good signature needs the body, and reads it.
    const { url, method, headers, body } = await signRequest(f.host.origin, { ...base, credentials: admin });
    const readBody = vi.fn(async () => body ?? new Uint8Array());
    const ok = await rawHandler({ resolveServices: (caller) => localServices(caller, { db: f.t.db, accountId: ACCOUNT_ID, region: REGION }) })({ method, url, headers: new Headers({ ...headers, host: new URL(url).host }), readBody });
    expect(ok.status).toBe(200);
    expect(readBody).toHaveBeenCalledOnce();
  });

  it("answers 404 to everything while the endpoint is unavailable (aws mode), signed or not", async () => {
    const handler = rawHandler({ service: "ssm-contacts", unavailable: "served only in local mode" });
    const { url, method, headers } = await signRequest(f.host.origin, { path: "/api/aws/ssm-contacts/", body: "{}", headers: { "x-amz-target": "SSMContacts.ListContacts" }, credentials: admin, service: "ssm-contacts" });
    const readBody = vi.fn(async () => new Uint8Array());
    const res = await handler({ method, url, headers: new Headers({ ...headers, host: new URL(url).host }), readBody });
    expect(res.status).toBe(404);
    expect(res.body).toContain("served only in local mode");
    expect(readBody).not.toHaveBeenCalled();
  });

  it("tagging needs the right to change the tagged resource: a responder tags incidents, not the replication set", async () => {
    const responder = await f.key("responder", "tagging-responder");
    const sdk = f.incidents(responder);
    const [setArn] = (await sdk.listReplicationSets({})).replicationSetArns!;
    const e = await errorOf(sdk.tagResource({ resourceArn: setArn, tags: { owner: "responder" } }));
    expect(e.name).toBe("AccessDeniedException");
    expect(e.message).toMatch(/on this resource: it needs settings.write/);
    expect((await errorOf(sdk.untagResource({ resourceArn: setArn, tagKeys: ["x"] }))).name).toBe("AccessDeniedException");
    expect((await f.incidents(admin).listTagsForResource({ resourceArn: setArn })).tags).not.toHaveProperty("owner");
    // Their own kind of resource: incidents and response plans.
    const incident = (await f.incidents(admin).startIncident({ responsePlanArn: planArn, title: "tagged" })).incidentRecordArn!;
    await sdk.tagResource({ resourceArn: incident, tags: { owner: "responder" } });
    await sdk.tagResource({ resourceArn: planArn, tags: { owner: "responder" } });
    // An admin may tag the set.
    await f.incidents(admin).tagResource({ resourceArn: setArn, tags: { owner: "admin" } });
    expect((await f.incidents(admin).listTagsForResource({ resourceArn: setArn })).tags).toEqual({ owner: "admin" });
    await f.incidents(admin).untagResource({ resourceArn: setArn, tagKeys: ["owner"] });
  });

  it("rejects a request whose path differs from the signed one", async () => {
    const { headers } = await signRequest(f.host.origin, { path: LIST, body: "{}", headers: JSON_HEADERS, credentials: admin });
    const res = await fetch(`${f.host.origin}/api/aws/ssm-incidents/listResponsePlans`, { method: "POST", headers, body: "{}" });
    expect(res.status).toBe(403);
  });

  it("rejects malformed Authorization headers with 403, never 500", async () => {
    for (const authorization of ["Bearer abc", "AWS4-HMAC-SHA256 Credential=x", "AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=host, Signature=zz"]) {
      const res = await fetch(`${f.host.origin}${LIST}`, { method: "POST", headers: { authorization, "x-amz-date": "20240101T000000Z" }, body: "{}" });
      expect(res.status).toBe(403);
    }
  });

  it("lets a viewer list but not start an incident", async () => {
    const sdk = f.incidents(viewer);
    expect((await sdk.listIncidentRecords({})).incidentRecordSummaries).toBeDefined();
    const e = await errorOf(sdk.startIncident({ responsePlanArn: planArn }));
    expect(e.name).toBe("AccessDeniedException");
    expect((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(403);
    const e2 = await errorOf(sdk.createResponsePlan({ name: "nope", incidentTemplate: { title: "T", impact: 3 } }));
    expect(e2.name).toBe("AccessDeniedException");
  });

  it("accepts the bootstrap key (any length secret) as an admin named bootstrap", async () => {
    const sdk = f.incidents(BOOTSTRAP);
    const { incidentRecordArn } = await sdk.startIncident({ responsePlanArn: planArn, title: "From bootstrap" });
    const rec = (await sdk.getIncidentRecord({ arn: incidentRecordArn })).incidentRecord!;
    expect(rec.incidentRecordSource?.createdBy).toBe(principalArn(ACCOUNT_ID, "bootstrap"));
    const e = await errorOf(f.incidents({ ...BOOTSTRAP, secretAccessKey: "wrong" }).listResponsePlans({}));
    expect(e.name).toBe("InvalidSignatureException");
  });

  it("records when a key was last used", async () => {
    const key = await f.key("viewer", "usage");
    await f.incidents(key).listIncidentRecords({});
    const row = await f.t.db.apiKey.findUnique({ where: { accessKeyId: key.accessKeyId } });
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
  });
});

describe("hashed signing keys", () => {
  it("verify exactly like the raw secret", async () => {
    const secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEYwJalrXUtnFEMI/K7MDENG+bP";
    expect(secret).toHaveLength(64);
    const credentials = { accessKeyId: "AKIAEXAMPLE000000000", secretAccessKey: secret };
    for (const style of ["sdk", "cli"] as const) {
      const signed = await signRequest("http://127.0.0.1:1234", {
        path: "/api/aws/ssm-incidents/tags/arn%3Aaws%3Assm-incidents%3A%3A123456789012%3Aresponse-plan%2Fp?x=1&x=2",
        method: "GET",
        credentials,
        style,
      });
      const url = new URL(signed.url);
      const request: SignedRequest = {
        method: "GET",
        path: url.pathname,
        query: [...url.searchParams.entries()],
        headers: new Headers({ ...signed.headers, host: url.host }),
        body: new Uint8Array(),
      };
      const auth = parseAuthorization(signed.headers.authorization);
      const date = signed.headers["x-amz-date"];
      const raw = computeSignature(request, auth, { kind: "secret", secretAccessKey: secret }, date);
      const hashed = computeSignature(request, auth, { kind: "hashed", signingKeyHash: Buffer.from(signingKeyHash(secret), "hex") }, date);
      expect(raw).toBe(auth.signature);
      expect(hashed).toBe(raw);
      const other = computeSignature(request, auth, { kind: "hashed", signingKeyHash: Buffer.from(signingKeyHash(secret.replace("w", "v")), "hex") }, date);
      expect(other).not.toBe(raw);
    }
  });

  it("refuse secrets too short to be hashed by HMAC", () => {
    expect(() => signingKeyHash("short")).toThrow(/longer than/);
  });
});

/** Headers read straight from an object of lowercase names, as server/aws-endpoints.ts reads node's. */
function plainHeaders(headers: Record<string, string>): SignedRequest["headers"] {
  return {
    get: (name) => headers[name.toLowerCase()] ?? null,
    has: (name) => name.toLowerCase() in headers,
    forEach: (callback) => Object.entries(headers).forEach(([k, v]) => callback(v, k)),
  };
}

describe("amzDateMs", () => {
  it("reads YYYYMMDDTHHMMSSZ as UTC and refuses any field out of range", () => {
    expect(amzDateMs("20261207T123456Z")).toBe(Date.UTC(2026, 11, 7, 12, 34, 56));
    expect(amzDateMs("20240229T235959Z")).toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
    expect(amzDateMs("20000229T000000Z")).toBe(Date.UTC(2000, 1, 29));
    for (const bad of ["20250229T000000Z", "19000229T000000Z", "20261301T000000Z", "20260001T000000Z", "20260431T000000Z", "20261200T000000Z",
      "20261207T240000Z", "20261207T126000Z", "20261207T123460Z", "2026-12-07T12:34:56Z", "20261207T123456", "20261207T123456z", " 20261207T123456Z", ""]) {
      expect(amzDateMs(bad), bad).toBeUndefined();
    }
  });
});

describe("computeSignature", () => {
  // Every request the SDK's own signer signs, in any header set, must verify: requests of many
  // shapes are signed by @smithy/signature-v4 as a client and recomputed by the verifier.
  const SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEYwJalrXUtnFEMI/K7MDENG+bP";
  const PATHS = [
    "/api/aws/ssm-incidents/getIncidentRecord",
    "/api/aws/ssm-contacts/",
    "/api/aws/ssm-incidents/tags/arn%3Aaws%3Assm-incidents%3A%3A123456789012%3Aresponse-plan%2Fp",
    "/api/aws/ssm-incidents/a/./b/../c",
    "/api/aws/ssm-incidents//double//slashes/",
    "/api/aws/ssm-incidents/%E2%82%AC%20and%2B",
    "/",
  ];
  const QUERIES: Record<string, string | string[]>[] = [
    {},
    { arn: "arn:aws:ssm-incidents::123456789012:incident-record/p/1" },
    { x: ["2", "1", "10"], a: "" },
    { "key with space": "v a l*u~e!'()", "ünï": "€", "Z": "z", "a": "b&c=d" },
    // Keys that are also names on every object's prototype.
    JSON.parse('{"__proto__": "p", "constructor": ["c", "b"], "toString": "t", "hasOwnProperty": ""}'),
  ];
  const HEADER_SETS: Record<string, string>[] = [
    {},
    { "content-type": "application/x-amz-json-1.1", "x-amz-target": "SSMContacts.ListContacts" },
    { "x-amz-security-token": "FQoGZXIvYXdzE//token+with/odd=chars", "user-agent": "  aws-cli/2.15   Python/3.11  " },
    { "x-custom": "a\tb   c", "amz-sdk-invocation-id": "7c1e1d5c-4f4e-4d41-9a7d-3f0f1f1e1e1e" },
  ];
  const BODIES = ["", '{"filters":[],"maxResults":100}', "ünïcödé ✓"];

  it("equals the SDK signer's signature for every shape of request, with the secret or its stored hash", async () => {
    const date = new Date(Date.UTC(2026, 11, 7, 12, 34, 56));
    const stored = { kind: "hashed" as const, signingKeyHash: Buffer.from(signingKeyHash(SECRET), "hex") };
    let checked = 0;
    for (const [p, path] of PATHS.entries()) {
      for (const [q, query] of QUERIES.entries()) {
        for (const [h, extra] of HEADER_SETS.entries()) {
          for (const [b, body] of BODIES.entries()) {
            // Vary the rest without multiplying the cases: the content hash header (sent upper- or
            // lowercase, or not at all), and the service and region of the scope.
            const variant = (p + q + h + b) % 3;
            const service = variant === 2 ? "ssm-contacts" : "ssm-incidents";
            const region = variant === 1 ? "eu-west-1" : "us-east-1";
            const bodyHash = createHash("sha256").update(body, "utf8").digest("hex");
            const headers: Record<string, string> = { host: "127.0.0.1:3000", ...extra };
            if (variant === 1) headers["x-amz-content-sha256"] = bodyHash;
            if (variant === 2) headers["x-amz-content-sha256"] = bodyHash.toUpperCase();
            const signer = new SignatureV4({ service, region, credentials: { accessKeyId: "AKIAEXAMPLE000000000", secretAccessKey: SECRET }, sha256: Sha256 });
            const signed = await signer.sign(new HttpRequest({ method: body ? "POST" : "GET", protocol: "http:", hostname: "127.0.0.1", port: 3000, path, query, headers, body }), {
              signingDate: date,
            });
            const auth = parseAuthorization(signed.headers.authorization);
            const request: SignedRequest = {
              method: signed.method,
              path,
              query: Object.entries(query).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x])),
              // As node:http hands them over (a Web Headers would turn the tab into a space).
              headers: plainHeaders(signed.headers),
              body: Buffer.from(body, "utf8"),
            };
            const amzDate = signed.headers["x-amz-date"];
            expect(computeSignature(request, auth, { kind: "secret", secretAccessKey: SECRET }, amzDate), `${signed.method} ${path} ${JSON.stringify(query)} ${JSON.stringify(extra)}`).toBe(auth.signature);
            expect(computeSignature(request, auth, stored, amzDate)).toBe(auth.signature);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});

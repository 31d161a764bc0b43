// The alert intake over real HTTP against the production server (`npm start`'s node:http fast
// path), on both databases: each kind's documented payloads are answered 202 and stored; the token
// in a Bearer header or ?token=; a missing, wrong or revoked token, an unknown integration → one 401;
// bad JSON, an unreadable payload, an invalid PagerDuty event → 400 with the reason (PagerDuty's
// own shapes at /v2/enqueue); past 1 MiB → 413, by Content-Length at once and while streaming;
// past the integration's rate → 429 with Retry-After; another method → 405; an aws-mode console
// → 404. Neither a token nor a body ever reaches the server's log. A firing alert answered 202
// becomes one incident, started by the integration, with its trigger details and links, and its
// repeat adds to it.
// Needs `npm run build`.
import { randomUUID } from "node:crypto";
import { request } from "node:http";
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { integrationPrincipalArn } from "@/lib/console/core/names";
import { createDb, type Db } from "@/lib/db/client";
import { bearerTokenHash, newBearerToken } from "@/lib/secrets/bearer-token";
import { alertFixture, alertFixtureNames, type FixtureKind } from "../support/alert-fixtures";
import { BOOTSTRAP_KEY, startConsoleServer, type ConsoleServer } from "../support/console-server";
import { createTestDatabaseUrl, PROVIDERS } from "../support/databases";

const MiB = 1024 * 1024;
const PLAN_ARN = "arn:aws:ssm-incidents::000000000000:response-plan/http-intake";

type Integration = { id: string; token: string; url: string };

/** An HTTP answer with its JSON body. */
type Answer = { status: number; headers: Headers; body: Record<string, unknown> };

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/**
 * A raw POST with node:http: a declared Content-Length that is a lie, or a chunked body of `total`
 * bytes. The server closes a refused upload's connection after its 413; a sender still writing
 * may see that close (EPIPE, ECONNRESET) before it reads the answer, as curl sometimes does: then
 * `status` is 0 and `cut` is true.
 */
function rawPost(
  url: string,
  options: { headers?: Record<string, string | number>; total: number; chunk?: number },
): Promise<{ status: number; body: string; sentBeforeAnswer: number; cut?: boolean }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(options.chunk ?? 64 * 1024, "a");
    let sent = 0;
    let sentBeforeAnswer = -1;
    const req = request(url, { method: "POST", agent: false, headers: { "content-type": "application/json", ...options.headers } }, (res) => {
      sentBeforeAnswer = sent;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, sentBeforeAnswer }));
      res.on("error", reject);
    });
    // The server may cut the connection once it answered: that is not the test's failure.
    req.on("error", (e: NodeJS.ErrnoException) => {
      if (sentBeforeAnswer >= 0) return;
      if (e.code === "EPIPE" || e.code === "ECONNRESET") resolve({ status: 0, body: "", sentBeforeAnswer: sent, cut: true });
      else reject(e);
    });
    const pump = () => {
      while (sent < options.total && sentBeforeAnswer < 0) {
        const piece = chunk.subarray(0, Math.min(chunk.length, options.total - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      if (sentBeforeAnswer < 0) req.end();
    };
    pump();
  });
}

describe.each(PROVIDERS)("alert intake over HTTP on %s", (provider) => {
  let server: ConsoleServer;
  let db: Db;
  const drops: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const t = await createTestDatabaseUrl(provider);
    drops.push(t.drop);
    server = await startConsoleServer({ databaseUrl: t.url });
    db = createDb(t.url);
  });
  afterAll(async () => {
    await db?.$disconnect();
    await server?.stop();
    for (const drop of drops) await drop();
  });

  const tokens: string[] = [];

  async function integration(
    kind: string,
    data: { ratePerSecond?: number; rateBurst?: number; revokedAt?: Date; responsePlanArn?: string; autoResolve?: boolean } = {},
  ): Promise<Integration> {
    const id = randomUUID();
    const token = newBearerToken();
    tokens.push(token);
    await db.alertIntegration.create({
      data: { id, responsePlanArn: PLAN_ARN, name: `${kind} over HTTP`, kind, tokenHash: bearerTokenHash(token), createdBy: "test", ...data },
    });
    return { id, token, url: `${server.url}/api/integrations/${id}` };
  }

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) }).then(answer);
  const bearer = (i: Integration) => ({ authorization: `Bearer ${i.token}` });
  const alertsOf = (i: Integration) => db.alert.findMany({ where: { integrationId: i.id }, orderBy: { id: "asc" } });

  describe.each([
    ["alertmanager", "ALERTMANAGER"],
    ["grafana", "GRAFANA"],
    ["generic", "GENERIC"],
  ] as const)("the %s fixtures at the integration's URL", (fixtureKind, kind) => {
    it.each(alertFixtureNames(fixtureKind))("%s → 202 and one Alert row per alert", async (name) => {
      const i = await integration(kind);
      const res = await post(i.url, alertFixture(fixtureKind as FixtureKind, name), bearer(i));
      expect(res.status).toBe(202);
      const ids = res.body.ids as string[];
      expect(res.body).toMatchObject({ status: "accepted", alerts: ids.length });
      expect(ids.length).toBeGreaterThan(0);
      const rows = await alertsOf(i);
      expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
      for (const row of rows) expect(row).toMatchObject({ kind, outcome: expect.stringMatching(/^(PENDING|NEW_INCIDENT|ADDED|IGNORED)$/) });
      expect(await db.alertIntegration.findUniqueOrThrow({ where: { id: i.id } })).toMatchObject({ alertCount: ids.length });
    });
  });

  it.each(alertFixtureNames("pagerduty"))("PagerDuty's %s at /v2/enqueue → PagerDuty's 202 with the dedup_key", async (name) => {
    const i = await integration("PAGERDUTY");
    const event: Record<string, unknown> = { ...alertFixture("pagerduty", name), routing_key: i.token };
    const res = await post(`${server.url}/v2/enqueue`, event);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: "success", message: "Event processed", dedup_key: event.dedup_key });
    const rows = await alertsOf(i);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.fingerprint).toBe(event.dedup_key);
    // The routing key is the integration's token: never stored.
    expect(rows[0]!.payload).not.toContain(i.token);
  });

  it("gives a trigger without dedup_key a generated one, as PagerDuty does", async () => {
    const i = await integration("PAGERDUTY");
    const { dedup_key: _omitted, ...event } = alertFixture("pagerduty", "trigger");
    void _omitted;
    const res = await post(`${server.url}/v2/enqueue`, { ...event, routing_key: i.token });
    expect(res.status).toBe(202);
    expect(res.body.dedup_key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect((await alertsOf(i))[0]!.fingerprint).toBe(res.body.dedup_key);
  });

  it("takes a PagerDuty event at the integration's own URL too, the token standing for routing_key", async () => {
    const i = await integration("PAGERDUTY");
    const { routing_key: _key, ...event } = alertFixture("pagerduty", "resolve");
    void _key;
    const res = await post(i.url, event, bearer(i));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ status: "success", message: "Event processed", dedup_key: event.dedup_key });
  });

  it("takes the token as ?token= and whatever the Content-Type says", async () => {
    const i = await integration("GENERIC");
    const res = await fetch(`${i.url}?token=${i.token}`, { method: "POST", headers: { "content-type": "text/plain" }, body: JSON.stringify({ title: "By query token" }) }).then(answer);
    expect(res.status).toBe(202);
    expect(await alertsOf(i)).toMatchObject([{ title: "By query token", status: "FIRING" }]);
  });

  it("answers a missing, wrong or revoked token and an unknown integration 401, the same way, and stores nothing", async () => {
    const i = await integration("GENERIC");
    const revoked = await integration("GENERIC", { revokedAt: new Date() });
    const body = { title: "Refused" };
    const wrong = await post(i.url, body, { authorization: `Bearer ${newBearerToken()}` });
    const wrongQuery = await post(`${i.url}?token=${newBearerToken()}`, body);
    const revokedAnswer = await post(revoked.url, body, bearer(revoked));
    const unknown = await post(`${server.url}/api/integrations/${randomUUID()}`, body, bearer(i));
    // Another integration's valid token opens only its own URL.
    const crossed = await post(i.url, body, bearer(revoked));
    for (const res of [wrong, wrongQuery, revokedAnswer, unknown, crossed]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual(wrong.body);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    const missing = await post(i.url, body);
    expect(missing.status).toBe(401);
    expect(missing.body.message).toMatch(/No token/);
    expect(await alertsOf(i)).toEqual([]);
    expect(await alertsOf(revoked)).toEqual([]);
  });

  it("stops taking a token once it is rotated, within the cache window", async () => {
    const i = await integration("GENERIC");
    expect((await post(i.url, { title: "Before rotation" }, bearer(i))).status).toBe(202);
    const rotated = newBearerToken();
    tokens.push(rotated);
    await db.alertIntegration.update({ where: { id: i.id }, data: { tokenHash: bearerTokenHash(rotated), tokenRotatedAt: new Date() } });
    // The new token works at once (a token the cache doesn't know is checked in the database)...
    expect((await post(i.url, { title: "New token" }, { authorization: `Bearer ${rotated}` })).status).toBe(202);
    // ...and the old one stops within INTEGRATION_CACHE_MS (5 s) — here at once, since the new
    // token's first use replaced the cached row.
    const deadline = Date.now() + 8_000;
    let status = 202;
    while (Date.now() < deadline && status !== 401) {
      status = (await post(i.url, { title: "Old token" }, bearer(i))).status;
      if (status !== 401) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(401);
  });

  it("answers bad JSON and an unreadable payload 400 with the reason, storing nothing", async () => {
    const i = await integration("GENERIC");
    const notJson = await post(i.url, "{not json", bearer(i));
    expect(notJson.status).toBe(400);
    expect(notJson.body.message).toMatch(/^body is not JSON: /);
    const empty = await post(i.url, "", bearer(i));
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/^body is not JSON: /);
    const deep = await post(i.url, `${"[".repeat(100_000)}${"]".repeat(100_000)}`, bearer(i));
    expect(deep.status).toBe(400);
    expect(deep.body.message).toMatch(/nests deeper than/);
    const unreadable = await post(i.url, { status: 5 }, bearer(i));
    expect(unreadable.status).toBe(400);
    expect(unreadable.body.message).toMatch(/title|status/);
    const am = await integration("ALERTMANAGER");
    const amWrong = await post(am.url, [1, 2], bearer(am));
    expect(amWrong.status).toBe(400);
    expect(amWrong.body.message).toMatch(/JSON object/);
    expect(await alertsOf(i)).toEqual([]);
    expect(await alertsOf(am)).toEqual([]);
  });

  it("answers an integration of a kind it doesn't read 400 in words, storing nothing", async () => {
    const i = await integration("SNS");
    const res = await post(i.url, { Type: "Notification", Message: "{}" }, bearer(i));
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/kind "SNS" is not one this console reads/);
    expect(await alertsOf(i)).toEqual([]);
  });

  it("answers an invalid PagerDuty event with PagerDuty's 400 body", async () => {
    const i = await integration("PAGERDUTY");
    const res = await post(`${server.url}/v2/enqueue`, { routing_key: i.token, event_action: "trigger", payload: { source: "x", severity: "loud" } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      status: "invalid event",
      message: "Event object is invalid",
      errors: ["'payload.summary' is missing or blank", "'payload.severity' is invalid (must be one of the following: 'critical', 'error', 'warning' or 'info')"],
    });
    const notJson = await post(`${server.url}/v2/enqueue`, "{", {});
    expect(notJson.status).toBe(400);
    expect(notJson.body).toMatchObject({ status: "Unrecognized object", message: "Event object format is unrecognized" });
    const noKey = await post(`${server.url}/v2/enqueue`, { event_action: "trigger" });
    expect(noKey.status).toBe(400);
    expect(noKey.body).toMatchObject({ status: "invalid event", errors: expect.arrayContaining(["'routing_key' is missing or blank"]) });
    expect(await alertsOf(i)).toEqual([]);
  });

  it("answers an unknown, revoked or non-PagerDuty routing_key as PagerDuty does: 400 Invalid routing key", async () => {
    const event = alertFixture("pagerduty", "trigger");
    const unknown = await post(`${server.url}/v2/enqueue`, { ...event, routing_key: newBearerToken() });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ status: "invalid event", message: "Event object is invalid", errors: ["Invalid routing key"] });
    const revoked = await integration("PAGERDUTY", { revokedAt: new Date() });
    expect((await post(`${server.url}/v2/enqueue`, { ...event, routing_key: revoked.token })).body).toEqual(unknown.body);
    const generic = await integration("GENERIC");
    const wrongKind = await post(`${server.url}/v2/enqueue`, { ...event, routing_key: generic.token });
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body).toMatchObject({ status: "invalid event", errors: [expect.stringMatching(/^Invalid routing key: .*generic JSON/)] });
    expect(await alertsOf(revoked)).toEqual([]);
    expect(await alertsOf(generic)).toEqual([]);
  });

  it("answers 413 past 1 MiB: by Content-Length before reading, and while streaming", async () => {
    const i = await integration("GENERIC");
    // Declares 1 MiB + 1 and sends 10 bytes: the answer comes without waiting for the rest.
    const declared = await rawPost(i.url, { headers: { ...bearer(i), "content-length": MiB + 1 }, total: 10, chunk: 10 });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).message).toMatch(/exceeds 1048576 bytes/);
    // Chunked (no Content-Length): answered once it passes the cap, long before the 16 MiB end (or,
    // on a busy machine, the connection is cut after the answer before the sender read it).
    const streamed = await rawPost(i.url, { headers: bearer(i), total: 16 * MiB });
    if (!streamed.cut) expect(streamed.status).toBe(413);
    expect(streamed.sentBeforeAnswer).toBeLessThan(16 * MiB);
    // Exactly 1 MiB is still taken (and read as JSON: here, not JSON).
    const atCap = await post(i.url, " ".repeat(MiB - 2) + "{}", bearer(i));
    expect(atCap.status).toBe(400);
    expect(atCap.body.message).toMatch(/title/);
    // At /v2/enqueue too, in PagerDuty's shape.
    const pd = await rawPost(`${server.url}/v2/enqueue`, { headers: { "content-length": 2 * MiB }, total: 10, chunk: 10 });
    expect(pd.status).toBe(413);
    expect(JSON.parse(pd.body)).toMatchObject({ status: "Request Entity Too Large" });
    expect(await alertsOf(i)).toEqual([]);
    // The server is still well.
    expect((await post(i.url, { title: "After the big ones" }, bearer(i))).status).toBe(202);
  });

  it("answers 429 with Retry-After past the integration's rate (1/s, burst 2)", async () => {
    const i = await integration("GENERIC", { ratePerSecond: 1, rateBurst: 2 });
    const answers = [];
    for (let n = 0; n < 3; n++) answers.push(await post(i.url, { title: `Flood ${n}`, dedupeKey: "flood" }, bearer(i)));
    expect(answers.map((a) => a.status)).toEqual([202, 202, 429]);
    const retryAfter = answers[2]!.headers.get("retry-after");
    expect(retryAfter).toMatch(/^[1-9][0-9]*$/);
    expect(answers[2]!.body.message).toMatch(/retry in \d+ s/);
    expect(await alertsOf(i)).toHaveLength(2);
    // A wrong token doesn't spend the bucket (nor get a 429): only its own sender is limited.
    expect((await post(i.url, { title: "x" }, { authorization: `Bearer ${newBearerToken()}` })).status).toBe(401);

    const pd = await integration("PAGERDUTY", { ratePerSecond: 1, rateBurst: 1 });
    const event = { ...alertFixture("pagerduty", "trigger"), routing_key: pd.token };
    expect((await post(`${server.url}/v2/enqueue`, event)).status).toBe(202);
    const limited = await post(`${server.url}/v2/enqueue`, event);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toMatch(/^[1-9][0-9]*$/);
    expect(limited.body).toMatchObject({ status: "Request Limit Exceeded" });
  });

  it("answers another method 405 with Allow: POST", async () => {
    const i = await integration("GENERIC");
    for (const [url, method] of [
      [i.url, "GET"],
      [i.url, "PUT"],
      [`${server.url}/v2/enqueue`, "GET"],
      [`${server.url}/v2/enqueue`, "DELETE"],
    ] as const) {
      const res = await fetch(url, { method, headers: bearer(i) });
      expect(res.status, `${method} ${url}`).toBe(405);
      expect(res.headers.get("allow")).toBe("POST");
    }
  });

  it("leaves other paths to the console (behind sign-in)", async () => {
    const res = await fetch(`${server.url}/api/integrations`, { method: "POST", redirect: "manual" });
    expect(res.status).not.toBe(202);
    expect(res.status).toBeLessThan(500);
  });

  /** The alerts' rows once every one has an outcome (the processing job ran). */
  async function settled(ids: string[]) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const rows = await db.alert.findMany({ where: { id: { in: ids } } });
      if (rows.length === ids.length && rows.every((r) => r.outcome !== "PENDING")) return rows;
      if (Date.now() > deadline) throw new Error(`alerts still pending: ${JSON.stringify(rows.map((r) => r.outcome))}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it("turns a firing alert into one incident started by the integration, and adds its repeat to it", async () => {
    const incidents = new SSMIncidents({ endpoint: `${server.url}/api/aws/ssm-incidents`, region: "us-east-1", credentials: BOOTSTRAP_KEY, maxAttempts: 1 });
    const { arn: responsePlanArn } = await incidents.createResponsePlan({
      name: `http-intake-${randomUUID().slice(0, 8)}`,
      incidentTemplate: { title: "From alerts", impact: 3 },
    });
    const i = await integration("ALERTMANAGER", { responsePlanArn });
    const body = alertFixture("alertmanager", "probe-failure");
    const first = await post(i.url, body, bearer(i));
    expect(first.status).toBe(202);
    const [row] = await settled(first.body.ids as string[]);
    expect(row).toMatchObject({ outcome: "NEW_INCIDENT", incidentArn: expect.stringMatching(/^arn:aws:ssm-incidents::/) });
    const { incidentRecord } = await incidents.getIncidentRecord({ arn: row!.incidentArn! });
    expect(incidentRecord).toMatchObject({
      status: "OPEN",
      incidentRecordSource: { createdBy: integrationPrincipalArn("000000000000", { id: i.id, name: "ALERTMANAGER over HTTP" }), source: "io.prometheus.alertmanager" },
    });
    const { relatedItems } = await incidents.listRelatedItems({ incidentRecordArn: row!.incidentArn! });
    expect(relatedItems!.some((r) => r.identifier?.value?.url?.startsWith("http://prometheus.example.org:9090/graph"))).toBe(true);

    // The same alert again while the incident is open starts nothing: it is added to it.
    const again = await post(i.url, body, bearer(i));
    expect(again.status).toBe(202);
    const [repeat] = await settled(again.body.ids as string[]);
    expect(repeat).toMatchObject({ outcome: "ADDED", incidentArn: row!.incidentArn });
    const open = await incidents.listIncidentRecords({ filters: [{ key: "status", condition: { equals: { stringValues: ["OPEN"] } } }] });
    expect(open.incidentRecordSummaries!.filter((s) => s.arn === row!.incidentArn)).toHaveLength(1);
    expect(await db.alertGroup.findMany({ where: { integrationId: i.id } })).toMatchObject([{ count: 2, status: "FIRING" }]);
  });

  it.each([
    ["GRAFANA", "grafana", "two-firing", "com.grafana.alerting", "https://play.grafana.org/alerting/"],
    ["GENERIC", "generic", "firing", "console.alerts.generic", "https://grafana.example.com/d/checkout-errors"],
  ] as const)("turns %s's documented firing body into incidents with trigger details and related items", async (kind, fixtureKind, name, source, link) => {
    const incidents = new SSMIncidents({ endpoint: `${server.url}/api/aws/ssm-incidents`, region: "us-east-1", credentials: BOOTSTRAP_KEY, maxAttempts: 1 });
    const { arn: responsePlanArn } = await incidents.createResponsePlan({ name: `http-${fixtureKind}-${randomUUID().slice(0, 8)}`, incidentTemplate: { title: "From alerts", impact: 3 } });
    const i = await integration(kind, { responsePlanArn });
    const res = await post(i.url, alertFixture(fixtureKind, name), bearer(i));
    expect(res.status).toBe(202);
    const rows = await settled(res.body.ids as string[]);
    expect(rows.every((r) => r.outcome === "NEW_INCIDENT")).toBe(true);
    for (const row of rows) {
      const { incidentRecord } = await incidents.getIncidentRecord({ arn: row.incidentArn! });
      expect(incidentRecord).toMatchObject({ title: row.title, incidentRecordSource: { source, createdBy: integrationPrincipalArn("000000000000", { id: i.id, name: `${kind} over HTTP` }) } });
      // AWS doesn't return triggerDetails; the record keeps them.
      const stored = await db.incidentRecord.findUniqueOrThrow({ where: { arn: row.incidentArn! }, select: { triggerRawData: true, triggerTimestamp: true } });
      expect(JSON.parse(stored.triggerRawData ?? "null")).toBeTruthy();
      expect(stored.triggerTimestamp).toBeInstanceOf(Date);
    }
    const { relatedItems } = await incidents.listRelatedItems({ incidentRecordArn: rows[0]!.incidentArn! });
    expect(relatedItems!.some((r) => r.identifier?.value?.url?.startsWith(link))).toBe(true);
  });

  it("turns a PagerDuty trigger at /v2/enqueue into an incident", async () => {
    const incidents = new SSMIncidents({ endpoint: `${server.url}/api/aws/ssm-incidents`, region: "us-east-1", credentials: BOOTSTRAP_KEY, maxAttempts: 1 });
    const { arn: responsePlanArn } = await incidents.createResponsePlan({
      name: `http-intake-pd-${randomUUID().slice(0, 8)}`,
      incidentTemplate: { title: "From PagerDuty events", impact: 3 },
    });
    const i = await integration("PAGERDUTY", { responsePlanArn });
    const res = await post(`${server.url}/v2/enqueue`, { ...alertFixture<Record<string, unknown>>("pagerduty", "trigger"), dedup_key: `pd-${randomUUID()}`, routing_key: i.token });
    expect(res.status).toBe(202);
    const [row] = await settled((await alertsOf(i)).map((r) => r.id));
    expect(row).toMatchObject({ outcome: "NEW_INCIDENT", fingerprint: res.body.dedup_key });
    const { incidentRecord } = await incidents.getIncidentRecord({ arn: row!.incidentArn! });
    expect(incidentRecord).toMatchObject({ title: "Example alert on host1.example.com", incidentRecordSource: { source: "com.pagerduty.events" } });
  });

  it("a resolved alert says so on the incident's timeline and, with auto-resolve, resolves it", async () => {
    const incidents = new SSMIncidents({ endpoint: `${server.url}/api/aws/ssm-incidents`, region: "us-east-1", credentials: BOOTSTRAP_KEY, maxAttempts: 1 });
    const { arn: responsePlanArn } = await incidents.createResponsePlan({ name: `http-resolve-${randomUUID().slice(0, 8)}`, incidentTemplate: { title: "From alerts", impact: 3 } });
    const i = await integration("GENERIC", { responsePlanArn, autoResolve: true });
    const firing = await post(i.url, alertFixture("generic", "firing"), bearer(i));
    const [started] = await settled(firing.body.ids as string[]);
    expect(started).toMatchObject({ outcome: "NEW_INCIDENT" });
    const resolved = await post(i.url, alertFixture("generic", "resolved"), bearer(i));
    expect(resolved.status).toBe(202);
    expect((await settled(resolved.body.ids as string[]))[0]).toMatchObject({ outcome: "ADDED", incidentArn: started!.incidentArn });
    const { incidentRecord } = await incidents.getIncidentRecord({ arn: started!.incidentArn! });
    expect(incidentRecord!.status).toBe("RESOLVED");
    const { eventSummaries } = await incidents.listTimelineEvents({ incidentRecordArn: started!.incidentArn! });
    const events = await Promise.all(
      eventSummaries!.filter((e) => e.eventType === "Custom Event").map((e) => incidents.getTimelineEvent({ incidentRecordArn: started!.incidentArn!, eventId: e.eventId! })),
    );
    expect(events.some((e) => /resolved/i.test(e.event!.eventData ?? ""))).toBe(true);
  });

  it("PagerDuty acknowledge and resolve at /v2/enqueue reach the incident the trigger started", async () => {
    const incidents = new SSMIncidents({ endpoint: `${server.url}/api/aws/ssm-incidents`, region: "us-east-1", credentials: BOOTSTRAP_KEY, maxAttempts: 1 });
    const { arn: responsePlanArn } = await incidents.createResponsePlan({ name: `http-pd-${randomUUID().slice(0, 8)}`, incidentTemplate: { title: "From PagerDuty events", impact: 3 } });
    const i = await integration("PAGERDUTY", { responsePlanArn, autoResolve: true });
    const dedup_key = `pd-${randomUUID()}`;
    const enqueue = async (name: string) => {
      const res = await post(`${server.url}/v2/enqueue`, { ...alertFixture<Record<string, unknown>>("pagerduty", name), dedup_key, routing_key: i.token });
      expect(res).toMatchObject({ status: 202, body: { status: "success", dedup_key } });
      const rows = await alertsOf(i);
      return (await settled(rows.map((r) => r.id))).find((r) => r.status === { trigger: "FIRING", acknowledge: "ACKNOWLEDGED", resolve: "RESOLVED" }[name])!;
    };
    const trigger = await enqueue("trigger");
    expect(trigger).toMatchObject({ outcome: "NEW_INCIDENT" });
    // Nobody is engaged by this plan: the acknowledgement finds no page, and says so.
    expect(await enqueue("acknowledge")).toMatchObject({ incidentArn: trigger.incidentArn, outcome: expect.stringMatching(/^(ADDED|IGNORED)$/) });
    expect(await enqueue("resolve")).toMatchObject({ outcome: "ADDED", incidentArn: trigger.incidentArn });
    expect((await incidents.getIncidentRecord({ arn: trigger.incidentArn! })).incidentRecord!.status).toBe("RESOLVED");
  });

  it("never writes a token or a body into the server's log", async () => {
    const output = server.output();
    for (const token of tokens) expect(output).not.toContain(token);
    expect(output).not.toContain("Refused");
    expect(output).not.toContain("By query token");
  });
});

describe("alert intake on an aws-mode console", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  it("answers 404 saying alert intake needs local mode", async () => {
    const model = await createTestDatabaseUrl("sqlite");
    cleanups.push(model.drop);
    const local = await startConsoleServer({ databaseUrl: model.url });
    cleanups.push(local.stop);
    const front = await createTestDatabaseUrl("sqlite");
    cleanups.push(front.drop);
    const aws = await startConsoleServer({
      databaseUrl: front.url,
      env: {
        IM_BACKEND: "aws",
        AWS_REGION: "us-east-1",
        AWS_ACCESS_KEY_ID: BOOTSTRAP_KEY.accessKeyId,
        AWS_SECRET_ACCESS_KEY: BOOTSTRAP_KEY.secretAccessKey,
        IM_AWS_INCIDENTS_ENDPOINT: `${local.url}/api/aws/ssm-incidents`,
        IM_AWS_CONTACTS_ENDPOINT: `${local.url}/api/aws/ssm-contacts`,
      },
    });
    cleanups.push(aws.stop);
    for (const url of [`${aws.url}/api/integrations/${randomUUID()}`, `${aws.url}/v2/enqueue`]) {
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ title: "x" }) });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ message: "Alert intake needs local mode" });
    }
  });
});

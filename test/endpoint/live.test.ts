// The live stream end to end, against running consoles: a change made through the AWS-compatible
// endpoint reaches a signed-in console's /api/live stream — in the same process (SQLite), and
// across two console instances sharing one PostgreSQL database (LISTEN/NOTIFY).
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { encode } from "next-auth/jwt";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { BOOTSTRAP_KEY, startConsoleServer, type ConsoleServer } from "../support/console-server";
import { createTestDatabase, createTestDatabaseUrl, PROVIDERS } from "../support/databases";

const ADMIN = { email: "live-admin@example.com", password: "live-admin-password" };
const env = { IM_ADMIN_EMAIL: ADMIN.email, IM_ADMIN_PASSWORD: ADMIN.password };

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function cookiesOf(res: Response, jar: Map<string, string>) {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
}
const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** Signs in through next-auth's own endpoints, as the sign-in form does; returns the cookie header. */
async function signIn(url: string, user = ADMIN): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${url}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email: user.email, password: user.password, json: "true" }),
  });
  cookiesOf(res, jar);
  expect([...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))).toBe(true);
  return cookieHeader(jar);
}

type Stream = {
  next(match: (e: { operation: string; arn?: string }) => boolean, timeoutMs?: number): Promise<{ operation: string; arn?: string }>;
  close(): void;
  /** Settles when the server ends the stream (or it is closed here). */
  ended: Promise<void>;
};

/** Opens /api/live and reads its events as they come. */
async function openStream(url: string, cookie: string): Promise<Stream> {
  const abort = new AbortController();
  const res = await fetch(`${url}/api/live`, { headers: { cookie, accept: "text/event-stream" }, signal: abort.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  const events: { operation: string; arn?: string }[] = [];
  const waiters: (() => void)[] = [];
  const ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split("\n").filter((l) => l.startsWith("data: ")).map((l) => l.slice(6)).join("\n");
          if (data) events.push(JSON.parse(data));
          waiters.splice(0).forEach((w) => w());
        }
      }
    } catch {
      // Closed.
    }
  })();
  return {
    async next(match, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find(match);
        if (found) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; saw ${JSON.stringify(events)}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, left);
        });
      }
    },
    close: () => abort.abort(),
    ended,
  };
}

async function start(databaseUrl: string, more: Record<string, string> = {}): Promise<ConsoleServer> {
  const server = await startConsoleServer({ databaseUrl, env: { ...env, ...more } });
  cleanups.push(server.stop);
  return server;
}

const sdk = (server: ConsoleServer) =>
  new SSMIncidents({ endpoint: `${server.url}/api/aws/ssm-incidents`, region: "us-east-1", credentials: BOOTSTRAP_KEY, maxAttempts: 1 });

describe.each(PROVIDERS)("live stream on %s", (provider) => {
  it("refuses a stream without a session; a signed-in stream hears the changes made through the SDK", async () => {
    const { url, drop } = await createTestDatabaseUrl(provider);
    cleanups.push(drop);
    const server = await start(url);
    const res = await fetch(`${server.url}/api/live`);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { name: string }).name).toBe("AccessDeniedException");

    // Signed in: a change made through the SDK reaches this process's stream, with its ARN.
    const stream = await openStream(server.url, await signIn(server.url));
    try {
      const incidents = sdk(server);
      const { arn: plan } = await incidents.createResponsePlan({ name: `live-${randomUUID().slice(0, 8)}`, incidentTemplate: { title: "Live", impact: 3 } });
      expect((await stream.next((e) => e.operation === "CreateResponsePlan")).arn).toBe(plan);
      // Reads are not changes: nothing is published for them.
      await incidents.getResponsePlan({ arn: plan });
      const { incidentRecordArn } = await incidents.startIncident({ responsePlanArn: plan });
      expect((await stream.next((e) => e.operation === "StartIncident")).arn).toBe(incidentRecordArn);
    } finally {
      stream.close();
    }
  });

  it.skipIf(provider !== "postgresql")("carries a change made on one console instance to the stream of another sharing the database", async () => {
    const { url, drop } = await createTestDatabaseUrl(provider);
    cleanups.push(drop);
    const [a, b] = [await start(url), await start(url)];
    const stream = await openStream(b.url, await signIn(b.url));
    try {
      const incidents = sdk(a);
      const { arn: plan } = await incidents.createResponsePlan({ name: `live-${randomUUID().slice(0, 8)}`, incidentTemplate: { title: "Across", impact: 2 } });
      const started = Date.now();
      const { incidentRecordArn } = await incidents.startIncident({ responsePlanArn: plan });
      const event = await stream.next((e) => e.operation === "StartIncident", 5_000);
      expect(event.arn).toBe(incidentRecordArn);
      console.log(`[live] instance B heard of A's StartIncident ${Date.now() - started} ms after it was sent`);
      await incidents.updateIncidentRecord({ arn: incidentRecordArn, impact: 1 });
      expect((await stream.next((e) => e.operation === "UpdateIncidentRecord", 5_000)).arn).toBe(incidentRecordArn);
    } finally {
      stream.close();
    }
  });
});

describe.each(PROVIDERS)("live stream bounds on %s", (provider) => {
  it("turns a user's 11th stream away with 429 until one ends, ends a stream whose session expires, and the streams of a user deactivated meanwhile", async () => {
    const t = await createTestDatabase(provider);
    cleanups.push(t.cleanup);
    const secret = `live-secret-${randomUUID()}`;
    const server = await start(t.url, { IM_LIVE_RECHECK_MS: "300", NEXTAUTH_SECRET: secret });
    const cookie = await signIn(server.url);
    const streams = await Promise.all(Array.from({ length: 10 }, () => openStream(server.url, cookie)));
    try {
      const refused = await fetch(`${server.url}/api/live`, { headers: { cookie } });
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toMatch(/^[0-9]+$/);
      expect(((await refused.json()) as { name: string }).name).toBe("TooManyStreams");

      // Several rechecks later the streams of a valid session still run (the session's expiry
      // was read from its cookie; a check that failed closed would have ended them).
      let endedEarly = false;
      for (const s of streams) void s.ended.then(() => (endedEarly = true));
      await new Promise((r) => setTimeout(r, 1_200));
      expect(endedEarly).toBe(false);

      // One ends: its slot comes back (once the server has seen the client go).
      streams.shift()!.close();
      let again: Response | undefined;
      for (let i = 0; i < 50 && again?.status !== 200; i++) {
        await again?.body?.cancel();
        if (again) await new Promise((r) => setTimeout(r, 100));
        again = await fetch(`${server.url}/api/live`, { headers: { cookie } });
      }
      expect(again!.status).toBe(200);
      await again!.body!.cancel();

      // A session that expires while its stream is open: the stream ends soon after, on its own.
      const user = await t.db.user.findUniqueOrThrow({ where: { email: ADMIN.email } });
      const shortLived = await encode({ token: { id: user.id, email: user.email, name: user.name, role: "admin" as const }, secret, maxAge: 2 });
      const expiring = await openStream(server.url, `next-auth.session-token=${shortLived}`);
      const opened = Date.now();
      await expiring.ended;
      expect(Date.now() - opened).toBeGreaterThan(1_000);
      expect(Date.now() - opened).toBeLessThan(5_000);

      // Deactivated: every open stream ends within the recheck interval, without any request of its own.
      const since = Date.now();
      await t.db.user.update({ where: { id: user.id }, data: { active: false } });
      await Promise.all(streams.map((s) => s.ended));
      expect(Date.now() - since).toBeLessThan(5_000);
      expect((await fetch(`${server.url}/api/live`, { headers: { cookie } })).status).toBe(403);
    } finally {
      streams.forEach((s) => s.close());
    }
  });
});

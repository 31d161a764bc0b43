// Stopping the production server (server/main.ts, server/drain.ts, lib/bootstrap/shutdown.ts):
// SIGTERM in the middle of a burst of writes. Every write that was answered is in the database once
// the process is gone, no request it had accepted is cut off (ECONNRESET, socket hang up), a
// request after the listener closed is refused (ECONNREFUSED), an open /api/live stream ends at
// once instead of holding the stop, and the process exits 0 well within the 10 s bound.
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { Agent, get, type ClientRequest } from "node:http";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { BOOTSTRAP_KEY, startConsoleServer } from "../support/console-server";
import { createTestDatabaseUrl, PROVIDERS } from "../support/databases";

const ADMIN = { email: "stop-admin@example.com", password: "stop-admin-password" };
const BURST = 60;

/** Signs in through next-auth's credentials endpoint, as the sign-in form does; returns the cookie header. */
async function signIn(url: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      jar.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${url}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  keep(
    await fetch(`${url}/api/auth/callback/credentials`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
      body: new URLSearchParams({ csrfToken, email: ADMIN.email, password: ADMIN.password, json: "true" }),
    }),
  );
  return header();
}

/** Reads a stream to its end: "ended" when the server finished it, "failed" when it was cut. */
async function readToEnd(body: ReadableStream<Uint8Array>): Promise<"ended" | "failed"> {
  const reader = body.getReader();
  try {
    while (!(await reader.read()).done);
    return "ended";
  } catch {
    return "failed";
  }
}

const errorCode = (e: unknown) => {
  const err = e as { code?: string; cause?: { code?: string }; name?: string; message?: string };
  return err.code ?? err.cause?.code ?? `${err.name}: ${err.message}`;
};

describe.each(PROVIDERS)("SIGTERM on %s", (provider) => {
  it("lets the writes in flight finish and store, ends the live stream, refuses new connections and exits 0", { timeout: 90_000 }, async () => {
    const { url: databaseUrl, drop } = await createTestDatabaseUrl(provider);
    const server = await startConsoleServer({ databaseUrl, env: { IM_ADMIN_EMAIL: ADMIN.email, IM_ADMIN_PASSWORD: ADMIN.password } });
    try {
      // Keep-alive, one socket per request, all open before the burst: every write of the burst
      // goes out on a connection the server has already accepted.
      const agent = new Agent({ keepAlive: true, maxSockets: BURST });
      await Promise.all(
        Array.from({ length: BURST }, () => new Promise((resolve, reject) => get(`${server.url}/api/aws/ssm-incidents`, { agent }, (res) => res.resume().on("end", resolve)).on("error", reject))),
      );
      expect(Object.values(agent.freeSockets).flat()).toHaveLength(BURST);
      const incidents = new SSMIncidents({
        endpoint: `${server.url}/api/aws/ssm-incidents`,
        region: "us-east-1",
        credentials: BOOTSTRAP_KEY,
        maxAttempts: 1,
        requestHandler: { httpAgent: agent },
      });
      const { arn: plan } = await incidents.createResponsePlan({ name: `stop-${randomUUID().slice(0, 8)}`, incidentTemplate: { title: "Stop", impact: 3 } });

      const live = await fetch(`${server.url}/api/live`, { headers: { cookie: await signIn(server.url), accept: "text/event-stream" } });
      expect(live.status).toBe(200);
      const liveEnd = readToEnd(live.body!);

      // SIGTERM once every write of the burst has been handed to the network and the first was
      // answered: mid-burst, with most of them still waiting for the database.
      let sent = 0;
      let answered = 0;
      let answeredAtStop: number | undefined;
      let signalled: number | undefined;
      const stopIfMidBurst = () => {
        if (sent < BURST || answered < 1 || signalled) return;
        answeredAtStop = answered;
        signalled = Date.now();
        server.kill("SIGTERM");
      };
      const onRequest = (message: unknown) => {
        const request = (message as { request: ClientRequest }).request;
        if (request.method !== "POST") return;
        request.once("finish", () => {
          sent++;
          stopIfMidBurst();
        });
      };
      subscribe("http.client.request.start", onRequest);
      const burst = Array.from({ length: BURST }, (_, i) =>
        incidents.startIncident({ responsePlanArn: plan, title: `burst ${i}`, clientToken: `burst-${i}` }).then((out) => {
          answered++;
          stopIfMidBurst();
          return out.incidentRecordArn!;
        }),
      );
      const results = await Promise.allSettled(burst);
      const exitCode = await server.exited;
      unsubscribe("http.client.request.start", onRequest);
      expect(answeredAtStop).toBeLessThan(BURST);
      const stoppedIn = Date.now() - signalled!;

      const stored = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      const failures = results.flatMap((r) => (r.status === "rejected" ? [errorCode(r.reason)] : []));
      // A request that reached the server before the stop is answered, never cut off (the old
      // handler cut them off); one that came after the listener closed would be refused.
      const refused = failures.filter((code) => code === "ECONNREFUSED").length;
      expect(failures.filter((code) => code !== "ECONNREFUSED")).toEqual([]);
      expect(stored.length + refused).toBe(BURST);
      console.log(`[stop] ${provider}: ${stored.length} of ${BURST} writes answered (${answeredAtStop} before SIGTERM), ${refused} refused; exited ${Date.now() - signalled!} ms after SIGTERM`);
      expect(exitCode).toBe(0);
      expect(stoppedIn).toBeLessThan(10_000);
      expect(await liveEnd).toBe("ended");

      // After the listener closed: refused, not reset.
      const late = await incidents.startIncident({ responsePlanArn: plan, title: "late" }).catch((e: unknown) => errorCode(e));
      expect(late).toBe("ECONNREFUSED");

      const log = server.output();
      expect(log).toMatch(/\[server\] SIGTERM: stopping; no new connections, \d+ requests in flight/);
      expect(log).toMatch(/\[server\] \d+ requests finished \(1 event streams ended\), 0 cut off/);
      expect(log).toMatch(/engine stopped after its current tick[\s\S]*live bus closed[\s\S]*databases closed[\s\S]*\[server\] stopped/);

      // Every answered write is in the database the process left behind.
      const db = createDb(databaseUrl);
      try {
        const rows = await db.incidentRecord.findMany({ where: { arn: { in: stored } }, select: { arn: true } });
        expect(rows.map((r) => r.arn).sort()).toEqual([...stored].sort());
      } finally {
        await db.$disconnect();
      }
      agent.destroy();
    } finally {
      await server.stop();
      await drop();
    }
  });
});

// What the intake promises when processes die or race, against the production server (`npm start`)
// over HTTP: an alert answered 202 is processed even if the console is killed (-9) right after
// answering — after a restart each fingerprint has exactly one incident and no alert is lost or
// left pending; and two consoles on one database receiving the same alert at once make one
// incident (the group's unique open key and StartIncident's clientToken decide the race).
// Needs `npm run build`.
import { randomUUID } from "node:crypto";
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { bearerTokenHash, newBearerToken } from "@/lib/secrets/bearer-token";
import { BOOTSTRAP_KEY, startConsoleServer, type ConsoleServer } from "../support/console-server";
import { createTestDatabaseUrl, PROVIDERS } from "../support/databases";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined);
});

async function console_(databaseUrl: string): Promise<ConsoleServer> {
  const server = await startConsoleServer({ databaseUrl });
  cleanups.push(() => server.stop());
  return server;
}

/** A response plan through the AWS endpoint and a generic integration on it (token kept here). */
async function planAndIntegration(server: ConsoleServer, db: Db) {
  const incidents = new SSMIncidents({ endpoint: `${server.url}/api/aws/ssm-incidents`, region: "us-east-1", credentials: BOOTSTRAP_KEY, maxAttempts: 1 });
  const { arn } = await incidents.createResponsePlan({ name: `alerts-${randomUUID().slice(0, 8)}`, incidentTemplate: { title: "From alerts", impact: 3 } });
  const token = newBearerToken();
  const id = randomUUID();
  await db.alertIntegration.create({ data: { id, responsePlanArn: arn!, name: "Durability", kind: "GENERIC", tokenHash: bearerTokenHash(token), createdBy: "test" } });
  return { planArn: arn!, integrationId: id, token };
}

async function send(server: ConsoleServer, integrationId: string, token: string, body: unknown): Promise<{ status: number; ids: string[] }> {
  const res = await fetch(`${server.url}/api/integrations/${integrationId}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as { ids?: string[] };
  return { status: res.status, ids: json.ids ?? [] };
}

/**
 * Waits until no alert of the integration is PENDING (the processing settled them all): after a
 * crash, at most the ALERTS lease (15 s) and a tick after the restart.
 */
async function settled(db: Db, integrationId: string, count: number) {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const rows = await db.alert.findMany({ where: { integrationId }, select: { id: true, fingerprint: true, outcome: true, incidentArn: true } });
    if (rows.length >= count && rows.every((r) => r.outcome !== "PENDING")) return rows;
    if (Date.now() > deadline) throw new Error(`alerts not settled: ${rows.length} of ${count}, ${rows.filter((r) => r.outcome === "PENDING").length} pending`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.each(PROVIDERS)("alert intake under crashes and races on %s", (provider) => {
  it("kill -9 right after 202s: after a restart every accepted alert is settled, one incident per fingerprint", async () => {
    const { url, drop } = await createTestDatabaseUrl(provider);
    cleanups.push(drop);
    const db = createDb(url);
    cleanups.push(() => db.$disconnect());
    const first = await console_(url);
    const { integrationId, token } = await planAndIntegration(first, db);

    // Eight senders, five fingerprints; the console is killed as soon as the sixth answer is a 202,
    // while deliveries are still arriving and the processing is under way.
    const fingerprints = Array.from({ length: 5 }, (_, i) => `crash-${i}-${randomUUID().slice(0, 6)}`);
    const accepted: string[] = [];
    let killed = false;
    const sender = async (n: number) => {
      for (let k = 0; !killed; k++) {
        const dedupeKey = fingerprints[(n + k) % fingerprints.length]!;
        const res = await send(first, integrationId, token, { title: `Disk full on ${dedupeKey}`, dedupeKey }).catch(() => ({ status: 0, ids: [] }));
        if (res.status === 202) {
          accepted.push(...res.ids);
          if (accepted.length >= 6 && !killed) {
            killed = true;
            first.kill("SIGKILL");
          }
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, (_, n) => sender(n)));
    await first.exited;
    expect(accepted.length).toBeGreaterThanOrEqual(6);

    // A new console on the same database takes over the jobs the dead one left (their lease ends).
    await console_(url);
    const rows = await settled(db, integrationId, accepted.length);
    // Every alert answered 202 is there, and settled: none lost, none pending.
    const stored = new Set(rows.map((r) => r.id));
    for (const id of accepted) expect(stored.has(id)).toBe(true);
    // One incident per fingerprint that was received, whatever the crash interrupted.
    const received = new Set(rows.map((r) => r.fingerprint));
    // (The database is this test's own: every incident in it came from these alerts.)
    expect(await db.incidentRecord.count()).toBe(received.size);
    for (const fp of received) {
      const arns = new Set(rows.filter((r) => r.fingerprint === fp).map((r) => r.incidentArn));
      expect(arns.size).toBe(1);
      expect([...arns][0]).toMatch(/^arn:aws:ssm-incidents::/);
    }
    expect(rows.filter((r) => r.outcome === "NEW_INCIDENT")).toHaveLength(received.size);
  }, 120_000);

  it.runIf(provider === "postgresql")("two consoles on one database, the same alert at both at once: one incident", async () => {
    const { url, drop } = await createTestDatabaseUrl(provider);
    cleanups.push(drop);
    const db = createDb(url);
    cleanups.push(() => db.$disconnect());
    const [a, b] = await Promise.all([console_(url), console_(url)]);
    const { integrationId, token } = await planAndIntegration(a!, db);
    const alert = { title: "Checkout latency above 2 s", dedupeKey: `race-${randomUUID()}` };
    // Ten copies to each console, all at once.
    const answers = await Promise.all(Array.from({ length: 20 }, (_, n) => send(n % 2 ? a! : b!, integrationId, token, alert)));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(202));
    const rows = await settled(db, integrationId, 20);
    expect(rows.filter((r) => r.outcome === "NEW_INCIDENT")).toHaveLength(1);
    expect(rows.filter((r) => r.outcome === "ADDED")).toHaveLength(19);
    expect(new Set(rows.map((r) => r.incidentArn)).size).toBe(1);
    expect(await db.incidentRecord.count()).toBe(1);
    expect(await db.alertGroup.findMany({ where: { integrationId }, select: { count: true, status: true } })).toEqual([{ count: 20, status: "FIRING" }]);
  }, 120_000);
});

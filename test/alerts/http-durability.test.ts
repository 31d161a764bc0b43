// What a 202 from the alert intake promises, against the production server (`npm start`) over real
// HTTP: an alert answered 202 is processed even if the console is killed (SIGKILL) right after —
// exactly one incident once it is back, every alert recorded and settled, nothing doubled — on both
// databases; and two console instances on one PostgreSQL receiving the same alerts at the same
// moment make one incident per alert. Needs `npm run build`.
import { randomUUID } from "node:crypto";
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { afterAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { bearerTokenHash, newBearerToken } from "@/lib/secrets/bearer-token";
import { BOOTSTRAP_KEY, startConsoleServer, type ConsoleServer } from "../support/console-server";
import { createTestDatabaseUrl, PROVIDERS } from "../support/databases";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

function incidentsClient(server: ConsoleServer) {
  return new SSMIncidents({ endpoint: `${server.url}/api/aws/ssm-incidents`, region: "us-east-1", credentials: BOOTSTRAP_KEY, maxAttempts: 1 });
}

/** A response plan (through the AWS endpoint) and a generic integration on it (its token hashed, as the console stores it). */
async function planAndIntegration(server: ConsoleServer, db: Db) {
  const { arn: responsePlanArn } = await incidentsClient(server).createResponsePlan({
    name: `durable-${randomUUID().slice(0, 8)}`,
    incidentTemplate: { title: "From alerts", impact: 3 },
  });
  const id = randomUUID();
  const token = newBearerToken();
  await db.alertIntegration.create({ data: { id, responsePlanArn: responsePlanArn!, name: "Durable", kind: "GENERIC", tokenHash: bearerTokenHash(token), createdBy: "test" } });
  return { id, token, responsePlanArn: responsePlanArn! };
}

const send = (server: ConsoleServer, integration: { id: string; token: string }, body: unknown) =>
  fetch(`${server.url}/api/integrations/${integration.id}`, {
    method: "POST",
    headers: { authorization: `Bearer ${integration.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

/** Every alert of the integration once none is PENDING any more. */
async function settledAlerts(db: Db, integrationId: string, count: number, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db.alert.findMany({ where: { integrationId } });
    if (rows.length === count && rows.every((r) => r.outcome !== "PENDING")) return rows;
    if (Date.now() > deadline) throw new Error(`not settled: ${rows.length} of ${count} alerts, outcomes ${JSON.stringify(rows.map((r) => r.outcome))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every incident on the console (each test has a fresh database: all of them are its alerts'). */
async function allIncidents(server: ConsoleServer) {
  const arns: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = await incidentsClient(server).listIncidentRecords({ maxResults: 100, nextToken });
    arns.push(...(page.incidentRecordSummaries ?? []).map((s) => s.arn!));
    nextToken = page.nextToken;
  } while (nextToken);
  return arns;
}

describe.each(PROVIDERS)("alert intake durability on %s", (provider) => {
  it("processes what it answered 202 even when killed right after: one incident, nothing lost or doubled", async () => {
    const { url: databaseUrl, drop } = await createTestDatabaseUrl(provider);
    cleanups.push(drop);
    const db = createDb(databaseUrl);
    cleanups.push(() => db.$disconnect());
    const first = await startConsoleServer({ databaseUrl });
    cleanups.push(() => first.stop());
    const integration = await planAndIntegration(first, db);

    // A burst of the same alert, then SIGKILL the moment the last 202 is read.
    const SENT = 12;
    const answers = await Promise.all(
      Array.from({ length: SENT }, (_, n) => send(first, integration, { title: "Disk full on db-1", dedupeKey: "disk-db-1", summary: `reading ${n}` })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(SENT).fill(202));
    first.kill("SIGKILL");
    expect(await first.exited).toBe(null);

    const second = await startConsoleServer({ databaseUrl });
    cleanups.push(() => second.stop());
    // A job the killed console had claimed is taken up again once its lease ends (LEASE_MS, 60 s).
    const rows = await settledAlerts(db, integration.id, SENT, 90_000);
    const incidentArns = new Set(rows.map((r) => r.incidentArn));
    expect(incidentArns.size).toBe(1);
    expect(rows.filter((r) => r.outcome === "NEW_INCIDENT")).toHaveLength(1);
    expect(rows.filter((r) => r.outcome === "ADDED")).toHaveLength(SENT - 1);
    expect(await allIncidents(second)).toEqual([...incidentArns]);
    expect(await db.alertGroup.findMany({ where: { integrationId: integration.id } })).toMatchObject([{ count: SENT }]);
  }, 180_000);
});

describe.skipIf(!PROVIDERS.includes("postgresql"))("two console instances on one PostgreSQL", () => {
  it("receiving the same alerts at the same moment make one incident per alert", async () => {
    const { url: databaseUrl, drop } = await createTestDatabaseUrl("postgresql");
    cleanups.push(drop);
    const db = createDb(databaseUrl);
    cleanups.push(() => db.$disconnect());
    const servers = await Promise.all([startConsoleServer({ databaseUrl }), startConsoleServer({ databaseUrl })]);
    for (const s of servers) cleanups.push(() => s.stop());
    const integration = await planAndIntegration(servers[0], db);

    const FINGERPRINTS = 5;
    const sends = [];
    for (let f = 0; f < FINGERPRINTS; f++) {
      const body = { title: `Service ${f} down`, dedupeKey: `service-${f}` };
      // The same alert to both instances at once, twice each (a sender retrying on both).
      for (const server of servers) for (let copy = 0; copy < 2; copy++) sends.push(send(server, integration, body));
    }
    const answers = await Promise.all(sends);
    expect(answers.map((a) => a.status)).toEqual(Array(sends.length).fill(202));

    const rows = await settledAlerts(db, integration.id, sends.length);
    const byFingerprint = new Map<string, Set<string | null>>();
    for (const r of rows) byFingerprint.set(r.fingerprint, (byFingerprint.get(r.fingerprint) ?? new Set()).add(r.incidentArn));
    expect(byFingerprint.size).toBe(FINGERPRINTS);
    for (const arns of byFingerprint.values()) expect(arns.size).toBe(1);
    expect(rows.filter((r) => r.outcome === "NEW_INCIDENT")).toHaveLength(FINGERPRINTS);
    expect(await allIncidents(servers[1])).toHaveLength(FINGERPRINTS);
  }, 120_000);
});

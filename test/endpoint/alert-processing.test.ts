// The alert processing runs in the production server (`npm start`): started after its bootstrap
// (instrumentation.ts), it settles an alert another process stored — the intake's core writing
// straight to the shared database, as a second instance would — within a tick, into an incident
// created by the integration, and stops with the server. On each database.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { integrationPrincipalArn } from "@/lib/console/core/names";
import { acceptDelivery } from "@/lib/console/alerts/intake";
import { createDb, type Db } from "@/lib/db/client";
import { localServices } from "@/lib/im/local";
import { alertFixture } from "../support/alert-fixtures";
import { startConsoleServer, type ConsoleServer } from "../support/console-server";
import { createTestDatabaseUrl, PROVIDERS } from "../support/databases";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe.each(PROVIDERS)("alert processing in the console server on %s", (provider) => {
  let server: ConsoleServer;
  let db: Db;

  it("settles an alert stored by another process within a tick, and stops with the server", async () => {
    const { url: databaseUrl, drop } = await createTestDatabaseUrl(provider);
    cleanups.push(drop);
    server = await startConsoleServer({ databaseUrl });
    cleanups.push(() => server.stop());
    db = createDb(databaseUrl);
    cleanups.push(() => db.$disconnect());

    const admin = localServices({ principalArn: "arn:aws:iam::000000000000:user/admin" }, { db, accountId: "000000000000", region: "us-east-1" });
    const { arn: planArn } = await admin.incidents.createResponsePlan({ name: "served", incidentTemplate: { title: "Served", impact: 3 } });
    const integration = await db.alertIntegration.create({
      data: { id: randomUUID(), responsePlanArn: planArn!, name: "Prometheus", kind: "ALERTMANAGER", tokenHash: randomUUID(), createdBy: "test" },
    });
    const { alertIds } = await acceptDelivery(db, integration, alertFixture("alertmanager", "probe-failure"), new Date());

    const deadline = Date.now() + 5000;
    let alert = await db.alert.findUniqueOrThrow({ where: { id: alertIds[0] } });
    while (alert.outcome === "PENDING" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      alert = await db.alert.findUniqueOrThrow({ where: { id: alertIds[0] } });
    }
    expect(alert.outcome).toBe("NEW_INCIDENT");
    expect(alert.processedAt!.getTime() - alert.receivedAt.getTime()).toBeLessThan(2500);
    const incident = await db.incidentRecord.findUniqueOrThrow({ where: { arn: alert.incidentArn! } });
    expect(incident).toMatchObject({ title: "BlackBox Probe Failure: https://server.example.org", createdBy: integrationPrincipalArn("000000000000", integration) });
    // The retention job is scheduled at start.
    expect(await db.engineJob.count({ where: { queue: "ALERTS", kind: "ALERT_RETENTION" } })).toBeGreaterThan(0);

    await server.stop();
    expect(server.output()).toContain("alert processing stopped after its current tick");
    expect(server.output()).not.toMatch(/\[alerts\].*failed/);
  });
});

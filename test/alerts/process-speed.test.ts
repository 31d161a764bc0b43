// The processing's pace (issue 15, Speed): 2,000 stored alerts across 20 fingerprints are settled
// by one runner into exactly 20 incidents, fast enough that a steady 100 alerts a second (the
// issue's load) never queues up: the whole backlog in well under the 20 s it arrives over. And the
// process's scheduler, woken by each delivery, settles a stream of them within a second, a few
// ticks for many deliveries.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptDelivery } from "@/lib/console/alerts/intake";
import type { AlertProcessing } from "@/lib/console/alerts/process";
import { onAlertJobs } from "@/lib/console/alerts/jobs";
import { startAlertScheduler, tickAlerts } from "@/lib/console/alerts/runner";
import type { Caller } from "@/lib/im";
import { localServices } from "@/lib/im/local";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

const IDS = { accountId: "000000000000", region: "us-east-1" };

describe.each(PROVIDERS)("alert processing's pace on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => t.cleanup());

  it("settles 2,000 alerts of 20 fingerprints into 20 incidents", async () => {
    const services = (caller: Caller) => localServices(caller, { db: t.db, ...IDS });
    const admin = services({ principalArn: "arn:aws:iam::000000000000:user/admin" });
    await admin.incidents.createReplicationSet({ regions: { [IDS.region]: {} } });
    const { arn } = await admin.incidents.createResponsePlan({ name: "speed", incidentTemplate: { title: "Speed", impact: 3 } });
    const integration = await t.db.alertIntegration.create({
      data: { id: randomUUID(), responsePlanArn: arn!, name: "Load", kind: "GENERIC", tokenHash: randomUUID(), createdBy: "test" },
    });
    const start = Date.now();
    for (let n = 0; n < 2000; n++) {
      await acceptDelivery(t.db, integration, { title: `Load ${n % 20}`, dedupeKey: `load-${n % 20}`, severity: "warning" }, new Date(start + n));
    }
    const stored = Date.now() - start;
    const ctx: AlertProcessing = { db: t.db, clock: { now: () => new Date() }, ...IDS, services, retentionDays: 30 };
    const began = performance.now();
    let completed = 0;
    for (let round = 0; round < 20 && completed < 2000; round++) completed += (await tickAlerts(ctx, { now: new Date(start + 5000) })).completed;
    const ms = performance.now() - began;
    console.log(`[${provider}] stored 2000 in ${stored} ms; settled in ${Math.round(ms)} ms (${Math.round((2000 / ms) * 1000)}/s)`);
    expect(completed).toBe(2000);
    // 100 a second is the load: the whole backlog well inside the 20 s it arrives over.
    expect(ms).toBeLessThan(15_000);
    expect(await t.db.incidentRecord.count({ where: { responsePlanArn: arn } })).toBe(20);
    expect(await t.db.alert.count({ where: { integrationId: integration.id, OR: [{ outcome: "PENDING" }, { incidentArn: null }] } })).toBe(0);
    expect((await t.db.alertGroup.findMany({ where: { integrationId: integration.id } })).map((g) => g.count)).toEqual(Array(20).fill(100));
  }, 120_000);

  it("the scheduler, woken by each delivery, settles a stream of them within a second in a few ticks", async () => {
    const services = (caller: Caller) => localServices(caller, { db: t.db, ...IDS });
    const admin = services({ principalArn: "arn:aws:iam::000000000000:user/admin" });
    const { arn } = await admin.incidents.createResponsePlan({ name: "stream", incidentTemplate: { title: "Stream", impact: 3 } });
    const integration = await t.db.alertIntegration.create({
      data: { id: randomUUID(), responsePlanArn: arn!, name: "Stream", kind: "GENERIC", tokenHash: randomUUID(), createdBy: "test" },
    });
    let ticks = 0;
    let settled = 0;
    const ctx: AlertProcessing = { db: t.db, clock: { now: () => new Date() }, ...IDS, services, retentionDays: 30, onSettled: (n) => (settled += n) };
    const scheduler = startAlertScheduler(ctx, { onTick: () => ticks++ });
    onAlertJobs(() => scheduler.wake());
    try {
      // 50 deliveries, one every 10 ms (100 a second).
      for (let n = 0; n < 50; n++) {
        await acceptDelivery(t.db, integration, { title: `Stream ${n % 5}`, dedupeKey: `stream-${n % 5}` }, new Date());
        await new Promise((r) => setTimeout(r, 10));
      }
      const deadline = Date.now() + 1000;
      while (settled < 50 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(settled).toBe(50);
      const lags = (await t.db.alert.findMany({ where: { integrationId: integration.id } })).map((a) => a.processedAt!.getTime() - a.receivedAt.getTime());
      expect(Math.max(...lags)).toBeLessThan(1000);
      // Coalesced: far fewer ticks than deliveries.
      expect(ticks).toBeLessThan(25);
    } finally {
      onAlertJobs(undefined);
      await scheduler.stop();
    }
  });
});

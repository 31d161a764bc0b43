// The intake's core (acceptDelivery) on both databases: a delivery becomes one Alert row per alert,
// with its raw payload, fingerprint and status, the integration's counters, and one processing job
// in the ALERTS queue — all in one transaction; an unreadable body changes nothing.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptDelivery } from "@/lib/console/alerts/intake";
import { ALERT_JOB_KIND } from "@/lib/console/alerts/jobs";
import { UnreadablePayload } from "@/lib/console/alerts/normalized";
import { JOB_QUEUE } from "@/lib/jobs";
import { alertFixture } from "../support/alert-fixtures";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

const NOW = new Date("2026-12-07T10:00:00.000Z");

describe.each(PROVIDERS)("alert intake's core on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => t.cleanup());

  async function integration(kind: string) {
    return t.db.alertIntegration.create({
      data: { id: randomUUID(), responsePlanArn: "arn:aws:ssm-incidents::000000000000:response-plan/db", name: `${kind} test`, kind, tokenHash: randomUUID(), createdBy: "test" },
    });
  }

  it("stores each alert of an Alertmanager group with its job, and counts them", async () => {
    const i = await integration("ALERTMANAGER");
    const body = alertFixture("alertmanager", "probe-failure");
    const accepted = await acceptDelivery(t.db, i, body, NOW);
    const count = (body.alerts as unknown[]).length;
    expect(accepted.alertIds).toHaveLength(count);
    const rows = await t.db.alert.findMany({ where: { integrationId: i.id } });
    expect(rows).toHaveLength(count);
    for (const row of rows) {
      expect(row).toMatchObject({ kind: "ALERTMANAGER", status: "FIRING", outcome: "PENDING", receivedAt: NOW });
      expect(accepted.fingerprints).toContain(row.fingerprint);
      const payload = JSON.parse(row.payload) as { alerts: unknown[] };
      expect(payload.alerts).toHaveLength(1);
    }
    const jobs = await t.db.engineJob.findMany({ where: { queue: JOB_QUEUE.alerts, kind: ALERT_JOB_KIND.process, payload: { contains: accepted.alertIds[0] } } });
    expect(jobs).toHaveLength(1);
    expect(JSON.parse(jobs[0]!.payload)).toEqual({ alertIds: accepted.alertIds });
    expect(await t.db.alertIntegration.findUniqueOrThrow({ where: { id: i.id } })).toMatchObject({ alertCount: count, lastAlertAt: NOW });
  });

  it("keeps a PagerDuty event without its routing key", async () => {
    const i = await integration("PAGERDUTY");
    const body = { ...alertFixture("pagerduty", "trigger"), routing_key: "a".repeat(32) };
    const { alertIds } = await acceptDelivery(t.db, i, body, NOW);
    const row = await t.db.alert.findUniqueOrThrow({ where: { id: alertIds[0]! } });
    expect(row.payload).not.toContain("a".repeat(32));
  });

  it("refuses an unreadable body and changes nothing", async () => {
    const i = await integration("GENERIC");
    await expect(acceptDelivery(t.db, i, { status: 5 }, NOW)).rejects.toBeInstanceOf(UnreadablePayload);
    expect(await t.db.alert.count({ where: { integrationId: i.id } })).toBe(0);
    expect(await t.db.alertIntegration.findUniqueOrThrow({ where: { id: i.id } })).toMatchObject({ alertCount: 0, lastAlertAt: null });
  });
});

// The Alerts page's reads and the incident page's Alerts tab (issue 15) through the real route
// handlers on a real database and the real local services: newest first, a page at a time by a
// cursor that stays right while alerts keep arriving; each filter; the incident named by its
// title; the raw payload pretty-printed on its own; the groups behind an incident; a bad cursor
// refused by name; a signed-out caller refused; an aws-mode console saying so in words.
import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AlertGroupRow, AlertPage, AlertPayload } from "@/lib/console/alerts/dto";
import { acceptDelivery } from "@/lib/console/alerts/intake";
import { localServices } from "@/lib/im/local";
import { consoleState, type TestUser as User } from "../support/console-seams";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";


vi.mock("@/lib/db/client", (original) => import("../support/console-seams").then((s) => s.dbModule(original)));
vi.mock("@/lib/config", (original) => import("../support/console-seams").then((s) => s.configModule(original)));
vi.mock("@/lib/bootstrap/services", () => import("../support/console-seams").then((s) => s.servicesModule()));
vi.mock("@/lib/auth/session", () => import("../support/console-seams").then((s) => s.sessionModule()));

const { GET: listRoute } = await import("@/app/api/alerts/route");
const { GET: payloadRoute } = await import("@/app/api/alerts/payload/route");
const { GET: groupsRoute } = await import("@/app/api/alerts/groups/route");
const { ALERT_PAGE_SIZE, incidentHasAlerts } = await import("@/lib/console/alerts/queries");

const get = async <T,>(route: (req: NextRequest) => Promise<Response>, path: string): Promise<{ status: number; body: T }> => {
  const res = await route(new NextRequest(`http://console.test${path}`));
  return { status: res.status, body: (await res.json()) as T };
};

const T0 = new Date("2026-12-07T10:00:00.000Z");
const MINUTE = 60_000;

describe.each(PROVIDERS)("alert reads on %s", (provider) => {
  let t: TestDatabase;
  let incidentArn: string;
  const integrations: Record<"prom" | "generic", { id: string; name: string }> = {} as never;
  const viewer: User = { id: "viewer", email: "viewer@example.com", name: "Vic", role: "viewer" };

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    consoleState.db = t.db;
    const im = localServices({ principalArn: "arn:aws:iam::000000000000:user/admin@example.com" }, { db: t.db, accountId: "000000000000", region: "us-east-1" });
    await im.incidents.createReplicationSet({ regions: { "us-east-1": {} } });
    const planArn = (await im.incidents.createResponsePlan({ name: "checkout", incidentTemplate: { title: "Checkout", impact: 3 } })).arn!;
    incidentArn = (await im.incidents.startIncident({ responsePlanArn: planArn, title: "Checkout is down" })).incidentRecordArn!;
    for (const [key, name, kind] of [["prom", "Prometheus prod", "ALERTMANAGER"], ["generic", "Deploy bot", "GENERIC"]] as const) {
      const row = await t.db.alertIntegration.create({ data: { id: randomUUID(), responsePlanArn: planArn, name, kind, tokenHash: randomUUID(), createdBy: "admin@example.com" } });
      integrations[key] = { id: row.id, name };
    }
    // 120 generic alerts, one a minute, then the processing's outcomes written as it would.
    for (let i = 0; i < 120; i++) {
      const i2 = await t.db.alertIntegration.findUniqueOrThrow({ where: { id: integrations.generic.id } });
      await acceptDelivery(t.db, i2, { title: `Deploy ${i}`, status: i % 10 === 9 ? "resolved" : "firing", dedupeKey: `deploy-${i % 3}` }, new Date(T0.getTime() + i * MINUTE));
    }
    const prom = await t.db.alertIntegration.findUniqueOrThrow({ where: { id: integrations.prom.id } });
    await acceptDelivery(
      t.db,
      prom,
      { version: "4", status: "firing", alerts: [{ status: "firing", labels: { alertname: "HighLatency", severity: "critical" }, annotations: { summary: "p99 above 2 s" }, fingerprint: "f-latency" }] },
      new Date(T0.getTime() + 200 * MINUTE),
    );
    const group = await t.db.alertGroup.create({
      data: { id: randomUUID(), integrationId: prom.id, fingerprint: "f-latency", openKey: `${prom.id} f-latency`, incidentArn, status: "FIRING", title: "p99 above 2 s", count: 3, firstSeenAt: new Date(T0.getTime() + 200 * MINUTE), lastSeenAt: new Date(T0.getTime() + 210 * MINUTE) },
    });
    await t.db.alert.updateMany({ where: { integrationId: prom.id }, data: { outcome: "NEW_INCIDENT", incidentArn, groupId: group.id, processedAt: new Date(T0.getTime() + 200 * MINUTE + 50) } });
    await t.db.alert.updateMany({ where: { integrationId: integrations.generic.id, status: "RESOLVED" }, data: { outcome: "IGNORED", outcomeReason: "No open incident for this alert", processedAt: T0 } });
  });
  afterEach(() => {
    consoleState.user = null;
    consoleState.backend = "local";
  });
  afterAll(async () => t.cleanup());

  it("lists newest first, a page at a time, and a cursor stays right while alerts keep arriving", async () => {
    consoleState.user = viewer;
    const first = await get<AlertPage>(listRoute, "/api/alerts");
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(ALERT_PAGE_SIZE);
    expect(first.body.items[0]).toMatchObject({ title: "p99 above 2 s", integration: integrations.prom, kind: "ALERTMANAGER", outcome: "NEW_INCIDENT", incident: { arn: incidentArn, title: "Checkout is down" } });
    expect(first.body.items[1]).toMatchObject({ title: "Deploy 119", status: "RESOLVED", outcome: "IGNORED", outcomeReason: "No open incident for this alert" });
    // A new alert arrives between pages: the next page goes on where the first stopped.
    const generic = await t.db.alertIntegration.findUniqueOrThrow({ where: { id: integrations.generic.id } });
    await acceptDelivery(t.db, generic, { title: "Late arrival" }, new Date(T0.getTime() + 24 * 60 * MINUTE));
    const seen = [...first.body.items];
    let cursor = first.body.nextCursor;
    while (cursor) {
      const next = await get<AlertPage>(listRoute, `/api/alerts?cursor=${cursor}`);
      expect(next.status).toBe(200);
      seen.push(...next.body.items);
      cursor = next.body.nextCursor;
    }
    expect(seen).toHaveLength(121);
    expect(new Set(seen.map((a) => a.id)).size).toBe(121);
    const times = seen.map((a) => a.receivedAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(seen.map((a) => a.title)).not.toContain("Late arrival");
  });

  it("narrows by integration, status, outcome, time and group, from the URL", async () => {
    consoleState.user = viewer;
    const titles = async (query: string) => {
      const all: string[] = [];
      let cursor: string | undefined;
      do {
        const r = await get<AlertPage>(listRoute, `/api/alerts?${query}${cursor ? `&cursor=${cursor}` : ""}`);
        expect(r.status).toBe(200);
        all.push(...r.body.items.map((a) => a.title));
        cursor = r.body.nextCursor;
      } while (cursor);
      return all;
    };
    expect(await titles(`integration=${integrations.prom.id}`)).toEqual(["p99 above 2 s"]);
    expect(await titles(`status=RESOLVED&integration=${integrations.generic.id}`)).toEqual(["Deploy 119", "Deploy 109", "Deploy 99", "Deploy 89", "Deploy 79", "Deploy 69", "Deploy 59", "Deploy 49", "Deploy 39", "Deploy 29", "Deploy 19", "Deploy 9"]);
    expect(await titles("outcome=NEW_INCIDENT")).toEqual(["p99 above 2 s"]);
    expect(await titles("outcome=PENDING&status=RESOLVED")).toEqual([]);
    const group = await t.db.alertGroup.findFirstOrThrow({ where: { incidentArn } });
    expect(await titles(`group=${group.id}`)).toEqual(["p99 above 2 s"]);
    expect(await titles("from=2026-12-08")).toEqual(["Late arrival"]);
    expect((await titles("to=2026-12-06")).length).toBe(0);
    // An unknown value is no filter at all, not an error.
    expect((await titles("status=BURNING&outcome=MAYBE")).length).toBe(122);
  });

  it("gives an alert's raw payload pretty-printed, on its own", async () => {
    consoleState.user = viewer;
    const row = await t.db.alert.findFirstOrThrow({ where: { integrationId: integrations.prom.id } });
    const r = await get<AlertPayload>(payloadRoute, `/api/alerts/payload?id=${row.id}`);
    expect(r.status).toBe(200);
    expect(r.body.payload).toBe(JSON.stringify(JSON.parse(row.payload), null, 2));
    expect(r.body.payload).toContain('\n  "alerts": [');
    expect((await get(payloadRoute, `/api/alerts/payload?id=${randomUUID()}`)).status).toBe(404);
    expect((await get(payloadRoute, `/api/alerts/payload`)).status).toBe(400);
  });

  it("lists the groups behind an incident, and says whether it has any", async () => {
    consoleState.user = viewer;
    const r = await get<AlertGroupRow[]>(groupsRoute, `/api/alerts/groups?incident=${encodeURIComponent(incidentArn)}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual([
      expect.objectContaining({ title: "p99 above 2 s", integration: integrations.prom, status: "FIRING", count: 3, firstSeenAt: new Date(T0.getTime() + 200 * MINUTE).toISOString(), lastSeenAt: new Date(T0.getTime() + 210 * MINUTE).toISOString() }),
    ]);
    expect(await incidentHasAlerts(incidentArn)).toBe(true);
    expect(await incidentHasAlerts(incidentArn.replace(/\/[^/]+$/, "/nothing-here"))).toBe(false);
  });

  it("refuses a cursor it didn't give, a signed-out caller, and says aws mode needs local mode", async () => {
    consoleState.user = viewer;
    const bad = await get<{ name: string; message: string }>(listRoute, "/api/alerts?cursor=not-a-cursor");
    expect(bad).toMatchObject({ status: 400, body: { name: "ValidationException" } });
    consoleState.user = null;
    expect((await get(listRoute, "/api/alerts")).status).toBe(403);
    consoleState.user = viewer;
    consoleState.backend = "aws";
    const aws = await get<{ name: string; message: string }>(listRoute, "/api/alerts");
    expect(aws.status).toBe(400);
    expect(aws.body.message).toContain("Alert intake needs local mode");
    expect(await incidentHasAlerts(incidentArn)).toBe(false);
  });
});

// The alert processing job on both databases: deliveries stored by the intake's core
// (acceptDelivery, with the documented fixtures) and settled by ticking the ALERTS runner, against
// the local contract services on a real database. Firing → one incident (title, impact from the
// severity map, trigger details, related items, created by the integration); repeats counted and
// noted at most once a minute; resolved → timeline and auto-resolve; PagerDuty acknowledge pages;
// what can't be done is IGNORED with its reason.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "@/lib/config";
import { integrationPrincipalArn } from "@/lib/console/core/names";
import { acceptDelivery } from "@/lib/console/alerts/intake";
import { storedAlert, type AlertProcessing } from "@/lib/console/alerts/process";
import { deleteExpired, ensureRetentionJob } from "@/lib/console/alerts/retention";
import { tickAlerts } from "@/lib/console/alerts/runner";
import { createDb } from "@/lib/db/client";
import type { Caller, Services } from "@/lib/im";
import { ManualClock } from "@/lib/im/local/clock";
import { localServices } from "@/lib/im/local";
import { alertFixture } from "../support/alert-fixtures";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";
import { seedPersonal } from "../engine/fixtures";

const IDS = { accountId: "000000000000", region: "us-east-1" };
const T0 = new Date("2026-12-07T10:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe("IM_ALERT_RETENTION_DAYS", () => {
  it("is 30 days unless set, and a whole number of days from 1 to 3650", () => {
    expect(readConfig({ NODE_ENV: "test" }).alertRetentionDays).toBe(30);
    expect(readConfig({ NODE_ENV: "test", IM_ALERT_RETENTION_DAYS: "7" }).alertRetentionDays).toBe(7);
    for (const bad of ["0", "3651", "1.5", "a week"]) {
      expect(() => readConfig({ NODE_ENV: "test", IM_ALERT_RETENTION_DAYS: bad })).toThrow(ConfigError);
    }
  });
});

describe.each(PROVIDERS)("alert processing on %s", (provider) => {
  let t: TestDatabase;
  let clock: ManualClock;
  let admin: Services;
  let ctx: AlertProcessing;
  let settled = 0;
  const services = (caller: Caller) => localServices(caller, { db: t.db, clock, ...IDS });

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    clock = new ManualClock(T0);
    admin = services({ principalArn: "arn:aws:iam::000000000000:user/admin" });
    await admin.incidents.createReplicationSet({ regions: { [IDS.region]: {} } });
    ctx = { db: t.db, clock, ...IDS, services, retentionDays: 30, onSettled: (n) => (settled += n) };
  });
  afterAll(async () => t.cleanup());

  async function plan(options: { dedupeString?: string; engagements?: string[]; impact?: number } = {}) {
    const { arn } = await admin.incidents.createResponsePlan({
      name: `plan-${randomUUID().slice(0, 8)}`,
      incidentTemplate: { title: "From the plan", impact: options.impact ?? 3, summary: "The plan's summary", dedupeString: options.dedupeString },
      engagements: options.engagements,
    });
    return arn!;
  }

  async function integration(kind: string, o: { planArn?: string; severityMap?: Record<string, number>; autoResolve?: boolean; name?: string } = {}) {
    return t.db.alertIntegration.create({
      data: {
        id: randomUUID(),
        responsePlanArn: o.planArn ?? (await plan()),
        name: o.name ?? `${kind} prod`,
        kind,
        tokenHash: randomUUID(),
        severityMap: JSON.stringify(o.severityMap ?? {}),
        autoResolve: o.autoResolve ?? false,
        createdBy: "test",
      },
    });
  }

  type Integration = Awaited<ReturnType<typeof integration>>;

  /** One delivery at T0 + seconds, then a tick of the runner at that time. */
  async function deliver(i: Integration, body: object, seconds: number) {
    clock.set(at(seconds));
    const { alertIds } = await acceptDelivery(t.db, i, body, at(seconds));
    const tick = await tickAlerts(ctx, { now: at(seconds) });
    const alerts = await t.db.alert.findMany({ where: { id: { in: alertIds } } });
    return { alerts: alertIds.map((id) => alerts.find((a) => a.id === id)!), tick };
  }

  const incidentsOf = (planArn: string) => t.db.incidentRecord.findMany({ where: { responsePlanArn: planArn }, orderBy: { creationTime: "asc" } });

  async function customEvents(incidentRecordArn: string): Promise<string[]> {
    const { eventSummaries } = await admin.incidents.listTimelineEvents({
      incidentRecordArn,
      filters: [{ key: "eventType", condition: { equals: { stringValues: ["Custom Event"] } } }],
      sortBy: "EVENT_TIME",
      sortOrder: "ASCENDING",
    });
    const texts: string[] = [];
    for (const s of eventSummaries ?? []) {
      const { event } = await admin.incidents.getTimelineEvent({ incidentRecordArn, eventId: s.eventId });
      texts.push(JSON.parse(event!.eventData!) as string);
    }
    return texts;
  }

  it("starts one incident for a firing alert: title, impact from the severity map, trigger details, related items, created by the integration", async () => {
    const planArn = await plan();
    const i = await integration("ALERTMANAGER", { planArn, severityMap: { critical: 1 }, name: "Prometheus prod" });
    const before = settled;
    const { alerts, tick } = await deliver(i, alertFixture("alertmanager", "probe-failure"), 0);
    expect(tick.completed).toBe(1);
    expect(settled - before).toBe(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({ outcome: "NEW_INCIDENT", outcomeReason: null, processedAt: at(0) });
    const [incident] = await incidentsOf(planArn);
    expect(alert.incidentArn).toBe(incident.arn);
    expect(incident).toMatchObject({
      title: "BlackBox Probe Failure: https://server.example.org",
      impact: 1,
      status: "OPEN",
      createdBy: integrationPrincipalArn(IDS.accountId, i),
      source: "io.prometheus.alertmanager",
      triggerTimestamp: new Date("2023-02-06T13:08:45.828Z"),
    });
    expect(JSON.parse(incident.triggerRawData!)).toEqual(JSON.parse(alert.payload));
    // The alert's description is the incident's summary (StartIncident takes none).
    expect(incident.summary).toContain("has been down for over 5m");
    const { relatedItems } = await admin.incidents.listRelatedItems({ incidentRecordArn: incident.arn });
    expect(relatedItems!.map((r) => [r.identifier!.type, r.title, r.identifier!.value!.url]).sort()).toEqual(
      [
        ["OTHER", "Prometheus graph", "http://prometheus.example.org:9090/graph?g0.expr=probe_success+%3D%3D+0\\u0026g0.tab=1"],
        ["OTHER", "Silence in Alertmanager", expect.stringContaining("http://prometheus.example.org:9093/#/silences/new?filter=")],
      ].sort(),
    );
    const group = await t.db.alertGroup.findUniqueOrThrow({ where: { id: alert.groupId! } });
    expect(group).toMatchObject({ openKey: `${i.id} 1a30ba71cca2921f`, status: "FIRING", count: 1, incidentArn: incident.arn, firstSeenAt: at(0), lastSeenAt: at(0) });
  });

  it("counts a repeat on the open incident, noting it on the timeline at most once a minute", async () => {
    const planArn = await plan();
    const i = await integration("GENERIC", { planArn });
    const body = alertFixture("generic", "firing");
    const first = (await deliver(i, body, 0)).alerts[0];
    const second = (await deliver(i, body, 10)).alerts[0];
    const third = (await deliver(i, body, 40)).alerts[0];
    expect(second).toMatchObject({ outcome: "ADDED", groupId: first.groupId, incidentArn: first.incidentArn });
    expect(second.outcomeReason).toContain("noted on the incident's timeline");
    expect(third).toMatchObject({ outcome: "ADDED", groupId: first.groupId });
    expect(third.outcomeReason).toContain("already noted");
    expect(await incidentsOf(planArn)).toHaveLength(1);
    let group = await t.db.alertGroup.findUniqueOrThrow({ where: { id: first.groupId! } });
    expect(group).toMatchObject({ count: 3, lastSeenAt: at(40), lastNotedAt: at(10) });
    expect(await customEvents(first.incidentArn!)).toEqual([`Alert "Checkout error rate above 5%" fired again: 2 times since 2026-12-07 10:00:00 UTC.`]);

    // 61 s after the last note: noted again.
    await deliver(i, body, 71);
    group = await t.db.alertGroup.findUniqueOrThrow({ where: { id: first.groupId! } });
    expect(group).toMatchObject({ count: 4, lastNotedAt: at(71) });
    expect(await customEvents(first.incidentArn!)).toHaveLength(2);
    expect(await incidentsOf(planArn)).toHaveLength(1);
  });

  it("starts a new incident when the group's incident was resolved by hand meanwhile", async () => {
    const planArn = await plan();
    const i = await integration("GENERIC", { planArn });
    const body = { ...alertFixture("generic", "firing"), dedupeKey: `by-hand-${randomUUID()}` };
    const [first] = (await deliver(i, body, 0)).alerts;
    await admin.incidents.updateIncidentRecord({ arn: first.incidentArn!, status: "RESOLVED" });
    const [second] = (await deliver(i, body, 30)).alerts;
    expect(second.outcome).toBe("NEW_INCIDENT");
    expect(second.incidentArn).not.toBe(first.incidentArn);
    expect(second.groupId).not.toBe(first.groupId);
    expect(await t.db.alertGroup.findUniqueOrThrow({ where: { id: first.groupId! } })).toMatchObject({ openKey: null, status: "RESOLVED", count: 1 });
    expect(await incidentsOf(planArn)).toHaveLength(2);
  });

  it("takes the alert's own impact, its links as related items, and the plan's impact when nothing maps", async () => {
    const planArn = await plan({ impact: 4 });
    const i = await integration("GENERIC", { planArn, severityMap: { high: 1 } });
    const [own] = (await deliver(i, alertFixture("generic", "firing"), 0)).alerts;
    const [minimal] = (await deliver(i, alertFixture("generic", "minimal"), 1)).alerts;
    const incidents = await incidentsOf(planArn);
    expect(incidents.find((x) => x.arn === own.incidentArn)).toMatchObject({ impact: 2, source: "console.alerts.generic" });
    expect(incidents.find((x) => x.arn === minimal.incidentArn)).toMatchObject({ impact: 4, title: "Nightly backup did not finish", summary: "The plan's summary" });
    const { relatedItems } = await admin.incidents.listRelatedItems({ incidentRecordArn: own.incidentArn! });
    expect(relatedItems!.map((r) => r.identifier!.value!.url).sort()).toEqual(["https://grafana.example.com/d/checkout-errors", "https://runbooks.example.com/checkout/5xx"]);
  });

  it("a resolved alert closes its group and says so on the timeline; the incident stays open without auto-resolve", async () => {
    const planArn = await plan();
    const i = await integration("GENERIC", { planArn });
    const [firing] = (await deliver(i, alertFixture("generic", "firing"), 0)).alerts;
    const [resolved] = (await deliver(i, alertFixture("generic", "resolved"), 30)).alerts;
    expect(resolved).toMatchObject({ outcome: "ADDED", groupId: firing.groupId, incidentArn: firing.incidentArn });
    expect(resolved.outcomeReason).toContain("auto-resolve is off");
    expect(await t.db.alertGroup.findUniqueOrThrow({ where: { id: firing.groupId! } })).toMatchObject({ status: "RESOLVED", openKey: null, resolvedAt: at(30) });
    expect(await customEvents(firing.incidentArn!)).toEqual([`Alert "Checkout error rate above 5%" resolved.`]);
    expect((await incidentsOf(planArn))[0].status).toBe("OPEN");

    // Resolved again: no open group any more.
    const [again] = (await deliver(i, alertFixture("generic", "resolved"), 40)).alerts;
    expect(again).toMatchObject({ outcome: "IGNORED", outcomeReason: "No open incident for this alert: nothing to resolve.", groupId: null, incidentArn: null });
  });

  it("auto-resolves the incident once every alert behind it is resolved, not before", async () => {
    // A plan with a dedupe string folds both alerts of the Grafana group into one incident.
    const planArn = await plan({ dedupeString: `grafana-${randomUUID()}` });
    const i = await integration("GRAFANA", { planArn, autoResolve: true });
    const body = alertFixture<{ alerts: { status: string }[] }>("grafana", "two-firing");
    const { alerts } = await deliver(i, body, 0);
    expect(alerts.map((a) => a.outcome)).toEqual(["NEW_INCIDENT", "ADDED"]);
    expect(alerts[1].outcomeReason).toContain("dedupe string");
    const [incident] = await incidentsOf(planArn);
    expect(alerts.map((a) => a.incidentArn)).toEqual([incident.arn, incident.arn]);

    const first = structuredClone(body);
    first.alerts = [{ ...body.alerts[0], status: "resolved" }];
    const [r1] = (await deliver(i, first, 20)).alerts;
    expect(r1.outcomeReason).toContain("1 other alert behind it still firing");
    expect((await incidentsOf(planArn))[0].status).toBe("OPEN");

    const second = structuredClone(body);
    second.alerts = [{ ...body.alerts[1], status: "resolved" }];
    const [r2] = (await deliver(i, second, 30)).alerts;
    expect(r2.outcomeReason).toContain("so the incident was resolved");
    const [resolved] = await incidentsOf(planArn);
    expect(resolved).toMatchObject({ status: "RESOLVED", lastModifiedBy: integrationPrincipalArn(IDS.accountId, i) });
    expect(await customEvents(incident.arn)).toEqual([
      `Alert "This alert was triggered for zone us-1" resolved.`,
      `Alert "This alert was triggered for zone eu-1" resolved.`,
    ]);

    // Firing again after its incident was resolved: a new incident.
    const [anew] = (await deliver(i, body, 60)).alerts;
    expect(anew.outcome).toBe("NEW_INCIDENT");
    expect(anew.incidentArn).not.toBe(incident.arn);
  });

  it("PagerDuty: trigger starts the incident, acknowledge acknowledges its open pages, resolve resolves it", async () => {
    const lead = await seedPersonal(t.db, "lead", [{ type: "EMAIL", address: `lead-${provider}@example.com` }], [{ minutes: 5, targets: [{ channel: 0 }] }]);
    const planArn = await plan({ engagements: [lead.arn] });
    const i = await integration("PAGERDUTY", { planArn, autoResolve: true, severityMap: { critical: 1, info: 4 }, name: "Datadog" });
    const dedup = { dedup_key: `srv01/mysql-${provider}` };
    const [trigger] = (await deliver(i, { ...alertFixture("pagerduty", "trigger-openapi"), ...dedup }, 0)).alerts;
    expect(trigger.outcome).toBe("NEW_INCIDENT");
    const [incident] = await incidentsOf(planArn);
    expect(incident).toMatchObject({ title: "DISK at 99% on machine prod-datapipe03.example.com", impact: 1, source: "com.pagerduty.events" });
    expect(incident.triggerRawData).not.toContain("e93facc04764012d7bfb002500d5d1a6");
    const { relatedItems } = await admin.incidents.listRelatedItems({ incidentRecordArn: incident.arn });
    expect(relatedItems!.map((r) => r.title).sort()).toEqual(["An example link with an image", "An example link.", "Sample Monitoring Service"]);
    const pages = async () => (await admin.contacts.listPagesByContact({ ContactId: lead.arn })).Pages!.filter((p) => p.IncidentId === incident.arn);
    expect(await pages()).toHaveLength(1);
    expect((await pages())[0].ReadTime).toBeUndefined();

    const [ack] = (await deliver(i, { ...alertFixture("pagerduty", "acknowledge"), ...dedup }, 10)).alerts;
    expect(ack).toMatchObject({ outcome: "ADDED", outcomeReason: "Acknowledged 1 open page of the incident.", incidentArn: incident.arn });
    expect((await pages())[0].ReadTime).toEqual(at(10));
    expect(await customEvents(incident.arn)).toEqual([`Alert "DISK at 99% on machine prod-datapipe03.example.com" acknowledged by Datadog (1 open page acknowledged).`]);

    const [resolve] = (await deliver(i, { ...alertFixture("pagerduty", "resolve"), ...dedup }, 20)).alerts;
    expect(resolve).toMatchObject({ outcome: "ADDED", incidentArn: incident.arn });
    expect((await incidentsOf(planArn))[0].status).toBe("RESOLVED");
  });

  it("ignores, with the reason, what it can't act on: resolve or acknowledge without an open incident, a revoked integration, a deleted plan", async () => {
    const i = await integration("PAGERDUTY");
    const [resolve] = (await deliver(i, { ...alertFixture("pagerduty", "resolve"), dedup_key: `nothing-${randomUUID()}` }, 0)).alerts;
    expect(resolve).toMatchObject({ outcome: "IGNORED", outcomeReason: "No open incident for this alert: nothing to resolve." });
    const [ack] = (await deliver(i, { ...alertFixture("pagerduty", "acknowledge"), dedup_key: `nothing-${randomUUID()}` }, 0)).alerts;
    expect(ack).toMatchObject({ outcome: "IGNORED", outcomeReason: "No open incident for this alert: nothing to acknowledge." });

    const planArn = await plan();
    const revoked = await integration("GENERIC", { planArn, name: "Old webhook" });
    clock.set(at(0));
    const { alertIds } = await acceptDelivery(t.db, revoked, alertFixture("generic", "firing"), at(0));
    await t.db.alertIntegration.update({ where: { id: revoked.id }, data: { revokedAt: at(1) } });
    await tickAlerts(ctx, { now: at(2) });
    expect(await t.db.alert.findUniqueOrThrow({ where: { id: alertIds[0] } })).toMatchObject({
      outcome: "IGNORED",
      outcomeReason: `The integration "Old webhook" was revoked: its alerts no longer start or change incidents.`,
    });
    expect(await incidentsOf(planArn)).toHaveLength(0);

    const gone = await plan();
    const orphan = await integration("GENERIC", { planArn: gone });
    await admin.incidents.deleteResponsePlan({ arn: gone });
    const [lost] = (await deliver(orphan, alertFixture("generic", "firing"), 3)).alerts;
    expect(lost.outcome).toBe("IGNORED");
    expect(lost.outcomeReason).toMatch(/^No incident was started: .*does not exist/);
    // Its group is closed: the next alert tries again, rather than joining an incident-less group.
    expect(await t.db.alertGroup.count({ where: { integrationId: orphan.id, openKey: { not: null } } })).toBe(0);
    const [again] = (await deliver(orphan, alertFixture("generic", "firing"), 4)).alerts;
    expect(again.outcome).toBe("IGNORED");
    // Nothing is retried: the jobs are done.
    expect(await t.db.engineJob.count({ where: { queue: "ALERTS", status: { not: "DONE" }, kind: "ALERT_PROCESS", payload: { contains: again.id } } })).toBe(0);
  });

  /** The services, with StartIncident answering `fail(call)`'s error after (or instead of) its work. */
  function failing(fail: (call: number) => "after" | "instead" | undefined): AlertProcessing {
    let calls = 0;
    return {
      ...ctx,
      services(caller) {
        const s = services(caller);
        const incidents = new Proxy(s.incidents, {
          get(target, prop, receiver) {
            if (prop !== "startIncident") {
              const value: unknown = Reflect.get(target, prop, receiver);
              return typeof value === "function" ? value.bind(target) : value;
            }
            return async (input: Parameters<Services["incidents"]["startIncident"]>[0]) => {
              const how = fail(++calls);
              if (how === "instead") throw new Error("the database went away");
              const out = await target.startIncident(input);
              if (how === "after") throw new Error("the process died before writing the outcome");
              return out;
            };
          },
        });
        return { ...s, incidents };
      },
    };
  }

  it("a crash between StartIncident and the outcome loses nothing and doubles nothing", async () => {
    const planArn = await plan();
    const i = await integration("GENERIC", { planArn });
    const body = { ...alertFixture("generic", "firing"), dedupeKey: `crash-${randomUUID()}` };
    clock.set(at(0));
    const { alertIds } = await acceptDelivery(t.db, i, body, at(0));
    const crashing = failing((call) => (call === 1 ? "after" : undefined));
    expect(await tickAlerts(crashing, { now: at(0) })).toMatchObject({ claimed: 1, completed: 0, released: 1 });
    const founder = await t.db.alert.findUniqueOrThrow({ where: { id: alertIds[0] } });
    // The incident was started, the outcome not written: the alert is still PENDING, bound to its group.
    expect(founder).toMatchObject({ outcome: "PENDING", incidentArn: null });
    expect(founder.groupId).not.toBeNull();
    expect(await incidentsOf(planArn)).toHaveLength(1);

    // A repeat while the founder waits for its retry joins the group without an incident yet.
    const [repeat] = (await deliver(i, body, 5)).alerts;
    expect(repeat).toMatchObject({ outcome: "ADDED", groupId: founder.groupId, incidentArn: null });

    // The retry (released for 15 s) replays StartIncident by the group's clientToken: the same incident.
    await tickAlerts(ctx, { now: at(16) });
    const [incident] = await incidentsOf(planArn);
    expect(await incidentsOf(planArn)).toHaveLength(1);
    expect(await t.db.alert.findUniqueOrThrow({ where: { id: founder.id } })).toMatchObject({ outcome: "NEW_INCIDENT", incidentArn: incident.arn, groupId: founder.groupId });
    expect(await t.db.alert.findUniqueOrThrow({ where: { id: repeat.id } })).toMatchObject({ incidentArn: incident.arn });
    expect(await t.db.alertGroup.findUniqueOrThrow({ where: { id: founder.groupId! } })).toMatchObject({ count: 2, incidentArn: incident.arn });
  });

  it("settles an alert IGNORED with the error after its last attempt, never leaving it PENDING", async () => {
    const planArn = await plan();
    const i = await integration("GENERIC", { planArn });
    const body = { ...alertFixture("generic", "firing"), dedupeKey: `broken-${randomUUID()}` };
    clock.set(at(1000));
    const { alertIds } = await acceptDelivery(t.db, i, body, at(1000));
    const broken = failing(() => "instead");
    for (let attempt = 0; attempt < 5; attempt++) await tickAlerts(broken, { now: at(1000 + attempt * 100) });
    const alert = await t.db.alert.findUniqueOrThrow({ where: { id: alertIds[0] } });
    expect(alert).toMatchObject({ outcome: "IGNORED", outcomeReason: "Not processed after 5 attempts: the database went away", groupId: null });
    // Its group closed with it: the next alert starts afresh.
    expect(await t.db.alertGroup.count({ where: { integrationId: i.id, openKey: { not: null } } })).toBe(0);
    const [next] = (await deliver(i, body, 1500)).alerts;
    expect(next.outcome).toBe("NEW_INCIDENT");
  });

  it("two runners processing the same fingerprints at once make one incident each", async () => {
    // PostgreSQL: two instances, each with its own connections. SQLite is one process's file (a
    // second connection in this process would block the first's open transaction): two runners
    // of one process, their ticks interleaved at every await.
    const db2 = provider === "postgresql" ? createDb(t.url) : t.db;
    try {
      const other: AlertProcessing = { ...ctx, db: db2, services: (caller) => localServices(caller, { db: db2, clock, ...IDS }) };
      const planArn = await plan();
      const i = await integration("GENERIC", { planArn });
      const keys = Array.from({ length: 5 }, (_, k) => `race-${k}-${randomUUID()}`);
      let ms = 0;
      for (const dedupeKey of keys) {
        for (let n = 0; n < 4; n++) {
          const now = new Date(at(2000).getTime() + ms++);
          await acceptDelivery(t.db, i, { title: `Race ${dedupeKey}`, dedupeKey }, now);
        }
      }
      clock.set(at(2001));
      // Each runner ticks until no job is left: a tick whose claim loses a race to the other ends.
      const pending = () => t.db.engineJob.count({ where: { queue: "ALERTS", kind: "ALERT_PROCESS", status: { in: ["PENDING", "RUNNING"] } } });
      const drain = async (runner: AlertProcessing, instanceId: string) => {
        let completed = 0;
        for (let round = 0; round < 100 && (await pending()); round++) {
          completed += (await tickAlerts(runner, { now: at(2001), batchSize: 1, maxBatches: 2, instanceId })).completed;
        }
        return completed;
      };
      const [a, b] = await Promise.all([drain(ctx, "instance-a"), drain(other, "instance-b")]);
      expect(a + b).toBe(20);
      expect(a * b).toBeGreaterThan(0);
      const incidents = await incidentsOf(planArn);
      expect(incidents.map((x) => x.title).sort()).toEqual(keys.map((k) => `Race ${k}`).sort());
      const alerts = await t.db.alert.findMany({ where: { integrationId: i.id } });
      expect(alerts.filter((x) => x.outcome === "NEW_INCIDENT")).toHaveLength(5);
      expect(alerts.filter((x) => x.outcome === "ADDED")).toHaveLength(15);
      const groups = await t.db.alertGroup.findMany({ where: { integrationId: i.id } });
      expect(groups).toHaveLength(5);
      for (const g of groups) {
        expect(g.count).toBe(4);
        expect(alerts.filter((x) => x.groupId === g.id).map((x) => x.incidentArn)).toEqual(Array(4).fill(g.incidentArn));
      }
    } finally {
      if (db2 !== t.db) await db2.$disconnect();
    }
  });

  it("retention deletes alerts and resolved groups past the retention, and keeps the rest; its job runs hourly", async () => {
    const i = await integration("GENERIC");
    const old = -31 * 86_400;
    const dedupeKey = `old-${randomUUID()}`;
    const [oldFiring] = (await deliver(i, { title: "Old", dedupeKey }, old)).alerts;
    await deliver(i, { title: "Old", dedupeKey, status: "resolved" }, old + 1);
    const [openOld] = (await deliver(i, { title: "Still open", dedupeKey: `open-${randomUUID()}` }, old + 2)).alerts;
    const [recent] = (await deliver(i, { title: "Recent", dedupeKey: `new-${randomUUID()}` }, 0)).alerts;

    expect(await deleteExpired(t.db, at(0), 30)).toMatchObject({ alerts: 3, groups: 1 });
    const left = await t.db.alert.findMany({ where: { integrationId: i.id } });
    expect(left.map((x) => x.id)).toEqual([recent.id]);
    expect(await t.db.alertGroup.findUnique({ where: { id: oldFiring.groupId! } })).toBeNull();
    // A group still firing is kept, however old: its incident is open.
    expect(await t.db.alertGroup.findUnique({ where: { id: openOld.groupId! } })).not.toBeNull();

    await ensureRetentionJob(t.db, at(0));
    await ensureRetentionJob(t.db, at(0));
    const jobs = () => t.db.engineJob.findMany({ where: { queue: "ALERTS", kind: "ALERT_RETENTION" }, orderBy: { dueAt: "asc" } });
    expect((await jobs()).filter((j) => j.status === "PENDING")).toHaveLength(1);
    await tickAlerts(ctx, { now: at(0) });
    const [ran, next] = await jobs();
    expect(ran.status).toBe("DONE");
    expect(next).toMatchObject({ status: "PENDING", dueAt: at(3600) });
  });

  it("reads a stored alert back as its parser did, PagerDuty's without its routing key", () => {
    const body = alertFixture("pagerduty", "trigger");
    const raw = { ...body };
    delete raw.routing_key;
    const alert = storedAlert({ kind: "PAGERDUTY", payload: JSON.stringify(raw), fingerprint: "samplekeyhere", status: "FIRING", title: "Example alert on host1.example.com", receivedAt: T0 });
    expect(alert).toMatchObject({ severity: "info", source: "com.pagerduty.events", timestamp: new Date("2015-07-17T08:42:58.315Z"), raw });
    expect(alert.links.length).toBeGreaterThan(0);
  });
});

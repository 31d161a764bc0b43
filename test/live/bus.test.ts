// The live bus: in-process fan-out, the PostgreSQL bridge between two buses (two console instances)
// and the services wrapper that publishes only successful changes.
import { afterAll, describe, expect, it } from "vitest";
import { localServices } from "@/lib/im/local";
import { memoryBus, postgresBus, type LiveBus } from "@/lib/live/bus";
import type { LiveEvent } from "@/lib/live/events";
import { withLiveEvents } from "@/lib/live/publish";
import { createTestDatabase, createTestDatabaseUrl, PROVIDERS, type TestDatabase } from "../support/databases";

const event = (operation: string): LiveEvent => ({ service: "ssm-incidents", operation, at: Date.now() });

function collect(bus: LiveBus): LiveEvent[] {
  const seen: LiveEvent[] = [];
  bus.subscribe((e) => seen.push(e));
  return seen;
}

async function until(check: () => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const closing: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of closing.reverse()) await c();
});

describe("memory bus", () => {
  it("delivers each event to every subscriber until it unsubscribes", () => {
    const bus = memoryBus();
    const a: LiveEvent[] = [];
    const b: LiveEvent[] = [];
    bus.subscribe((e) => a.push(e));
    const stop = bus.subscribe((e) => b.push(e));
    bus.publish(event("One"));
    stop();
    bus.publish(event("Two"));
    expect(a.map((e) => e.operation)).toEqual(["One", "Two"]);
    expect(b.map((e) => e.operation)).toEqual(["One"]);
  });
});

describe.skipIf(!PROVIDERS.includes("postgresql"))("PostgreSQL bus", () => {
  it("carries events between two buses on one database, each delivered once", async () => {
    const { url, drop } = await createTestDatabaseUrl("postgresql");
    closing.push(drop);
    const [a, b] = [postgresBus(url), postgresBus(url)];
    closing.push(() => a.close(), () => b.close());
    const [seenA, seenB] = [collect(a), collect(b)];
    // LISTEN is set up on the first subscribe; give both connections a moment to be listening.
    await new Promise((r) => setTimeout(r, 500));
    a.publish(event("FromA"));
    b.publish(event("FromB"));
    await until(() => seenA.length >= 2 && seenB.length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(seenA.map((e) => e.operation).sort()).toEqual(["FromA", "FromB"]);
    expect(seenB.map((e) => e.operation).sort()).toEqual(["FromA", "FromB"]);
  });

  it("keeps working in-process when PostgreSQL can't be reached", async () => {
    const bus = postgresBus("postgresql://nobody@127.0.0.1:1/none", { retryMs: 60_000 });
    closing.push(() => bus.close());
    const seen = collect(bus);
    bus.publish(event("Alone"));
    expect(seen.map((e) => e.operation)).toEqual(["Alone"]);
  });
});

describe.each(PROVIDERS)("services publishing changes on %s", (provider) => {
  let database: TestDatabase;
  afterAll(async () => database?.cleanup());

  it("publishes each successful change with the ARN it changed, and nothing for reads or failures", async () => {
    database = await createTestDatabase(provider);
    const bus = memoryBus();
    const seen = collect(bus);
    const { incidents } = withLiveEvents(localServices({ principalArn: "arn:aws:iam::000000000000:user/live" }, { db: database.db, accountId: "000000000000", region: "us-east-1" }), bus);
    await incidents.createReplicationSet({ regions: { "us-east-1": {} } });
    const { arn } = await incidents.createResponsePlan({ name: "live-plan", incidentTemplate: { title: "Live", impact: 3 } });
    await incidents.getResponsePlan({ arn });
    await incidents.listResponsePlans({});
    await expect(incidents.createResponsePlan({ name: "live-plan", incidentTemplate: { title: "Again", impact: 3 } })).rejects.toThrow();
    const { incidentRecordArn } = await incidents.startIncident({ responsePlanArn: arn });
    await incidents.createTimelineEvent({ incidentRecordArn, eventTime: new Date(), eventType: "Custom Event", eventData: '"note"' });
    expect(seen.map((e) => [e.service, e.operation])).toEqual([
      ["ssm-incidents", "CreateReplicationSet"],
      ["ssm-incidents", "CreateResponsePlan"],
      ["ssm-incidents", "StartIncident"],
      ["ssm-incidents", "CreateTimelineEvent"],
    ]);
    expect(seen[1].arn).toBe(arn);
    expect(seen[2].arn).toBe(incidentRecordArn);
    expect(seen[3].arn).toBe(incidentRecordArn);
  });
});

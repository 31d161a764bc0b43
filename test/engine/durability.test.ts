// The engine survives its process: jobs are rows, so a new process (new service objects, a new
// database client) on the same database fires what is due and nothing twice; a job claimed by a
// process that died is claimed again after its lease; and two schedulers on one PostgreSQL,
// ticking at the same moments, fire each step once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { hotReader } from "@/lib/db/hot-reader";
import { hotWriter } from "@/lib/db/hot-writer";
import { ManualClock } from "@/lib/im/local/clock";
import { contactsWithPlans, createEngagement, tick } from "@/lib/im/local/engine";
import { fireJobs } from "@/lib/im/local/engine/fire";
import { claimDue, LEASE_MS } from "@/lib/jobs";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";
import { engagementInput, harness, receiptLog, seedEscalation, seedPersonal, T0 } from "./fixtures";

const atTime = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe.each(PROVIDERS)("engine durability on %s", (provider) => {
  let t: TestDatabase;
  const extra: Db[] = [];
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => {
    for (const db of extra) await db.$disconnect();
    await t.cleanup();
  });
  beforeEach(async () => {
    await t.db.engineJob.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
  });

  const newProcess = (clock: ManualClock) => {
    const db = createDb(t.url);
    extra.push(db);
    return harness(db, { clock });
  };

  it("after a restart mid-plan, the due stages fire on the new process and nothing fires twice", async () => {
    const person = (name: string) => seedPersonal(t.db, name, [{ type: "EMAIL", address: `${name}@example.com` }], [{ minutes: 10, targets: [{ channel: 0, retry: 3 }] }]);
    const [a, b] = [await person("rhea"), await person("sol")];
    const plan = await seedEscalation(t.db, "restart", [
      { minutes: 5, targets: [{ contactArn: a.arn, essential: false }] },
      { minutes: 5, targets: [{ contactArn: b.arn, essential: true }] },
    ]);

    // Process 1 starts the engagement and ticks for four minutes, then dies.
    const clock1 = new ManualClock(T0);
    const p1 = newProcess(clock1);
    const { EngagementArn } = await p1.contacts.startEngagement(engagementInput(plan.arn));
    for (const s of [60, 180, 240]) {
      clock1.set(atTime(s));
      await tick(p1.engine);
    }

    // Process 2 (new client, new services, its own clock) comes up at 7 minutes: stage 1 (due at
    // 5 min) and Rhea's retry (due at 6 min) are due; each fires once.
    const clock2 = new ManualClock(atTime(420));
    const p2 = newProcess(clock2);
    const first = await tick(p2.engine);
    // Rhea's retry due at 6 min, stage 1, and the two first steps of Sol's page (inbox, e-mail).
    expect(first.claimed).toBe(4);
    expect((await tick(p2.engine)).claimed).toBe(0);
    for (const s of [480, 540, 600, 660, 900]) {
      clock2.set(atTime(s));
      await tick(p2.engine);
    }

    const pages = (await p2.contacts.listPagesByEngagement({ EngagementId: EngagementArn })).Pages!;
    const aPage = pages.find((p) => p.ContactArn === a.arn)!;
    const bPage = pages.find((p) => p.ContactArn === b.arn)!;
    expect(pages).toHaveLength(2);
    // Rhea: 0, 3 min, the 6 min retry fired late at 7 min, then 9 min (her stage ends at 10).
    expect((await receiptLog(t.db, aPage.PageArn!)).map((r) => r[2])).toEqual([0, 180, 420, 540]);
    // Sol's page started when stage 1 actually started (7 min), and walks from there: 7, 10 and
    // the 13 min retry fired late at 15 min.
    expect((await receiptLog(t.db, bPage.PageArn!)).map((r) => r[2])).toEqual([420, 600, 900]);
    expect(await t.db.notification.count({ where: { address: "sol@example.com" } })).toBe(3);
    expect(await t.db.notification.count({ where: { address: "rhea@example.com" } })).toBe(4);
  });

  it("claims again a job whose claimant died, once its lease has run out, and fences the dead claimant off", async () => {
    const c = await seedPersonal(t.db, "lazarus", [{ type: "EMAIL", address: "lazarus@example.com" }], [{ minutes: 10, targets: [{ channel: 0, retry: 1 }] }]);
    const h = harness(t.db);
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(c.arn));
    const page = (await h.contacts.listPagesByEngagement({ EngagementId: EngagementArn })).Pages![0];

    // A process claims the 60 s retry and dies before firing it.
    const deadToken = "dead-process/1";
    const engagementId = (await t.db.engagement.findUniqueOrThrow({ where: { arn: EngagementArn } })).id;
    const dead = await claimDue(t.db, { now: atTime(60), token: deadToken, limit: 10, scope: { engagementIds: [engagementId] } });
    expect(dead).toHaveLength(1);

    // While its lease holds, nobody else fires it.
    for (const s of [60, 90, 119]) {
      h.clock.set(atTime(s));
      expect((await tick(h.engine)).claimed).toBe(0);
    }
    // After the lease (60 s from its claim), a live scheduler claims it and fires it once.
    h.clock.set(atTime(60 + LEASE_MS / 1000 + 1));
    expect((await tick(h.engine)).claimed).toBe(1);
    expect((await receiptLog(t.db, page.PageArn!)).map((r) => r[2])).toEqual([0, 121]);
    const job = await t.db.engineJob.findUniqueOrThrow({ where: { id: dead[0].id } });
    expect(job).toMatchObject({ status: "DONE", attempts: 2 });

    // The dead process wakes up and tries to finish its claim: fenced, nothing is written or sent.
    const late = await fireJobs(h.engine, dead, { now: atTime(122), token: deadToken });
    expect(late.completed).toBe(0);
    expect((await receiptLog(t.db, page.PageArn!)).map((r) => r[2])).toEqual([0, 121]);
    expect(await t.db.notification.count({ where: { address: "lazarus@example.com" } })).toBe(2);

    // The next retry stays on the one-minute grid: 180 s, not right away.
    h.clock.set(atTime(179));
    expect((await tick(h.engine)).claimed).toBe(0);
    h.clock.set(atTime(180));
    expect((await tick(h.engine)).claimed).toBe(1);
  });

  it("gives up a job whose claimants keep dying", async () => {
    const c = await seedPersonal(t.db, "phoenix", [{ type: "EMAIL", address: "phoenix@example.com" }], [{ minutes: 30, targets: [{ channel: 0, retry: 20 }] }]);
    const h = harness(t.db);
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(c.arn));
    const engagementId = (await t.db.engagement.findUniqueOrThrow({ where: { arn: EngagementArn } })).id;
    let now = 20 * 60;
    for (let i = 0; i < 5; i++) {
      const claimed = await claimDue(t.db, { now: atTime(now), token: `doomed/${i}`, limit: 10, scope: { engagementIds: [engagementId] } });
      expect(claimed).toHaveLength(1);
      now += LEASE_MS / 1000 + 1;
    }
    expect(await claimDue(t.db, { now: atTime(now), token: "doomed/5", limit: 10, scope: { engagementIds: [engagementId] } })).toEqual([]);
    const job = await t.db.engineJob.findFirstOrThrow({ where: { engagementId, kind: "DELIVER", dueAt: atTime(20 * 60) } });
    expect(job).toMatchObject({ status: "FAILED", attempts: 6 });
    expect(job.lastError).toMatch(/Given up/);
  });

  it.skipIf(provider !== "postgresql")("two schedulers on one database, ticking at the same moments, fire each step once", async () => {
    const people = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        seedPersonal(
          t.db,
          `twin-${i}`,
          [
            { type: "EMAIL", address: `twin-${i}@example.com` },
            { type: "SMS", address: `+1555100${String(i).padStart(4, "0")}` },
          ],
          [
            { minutes: 5, targets: [{ channel: 0, retry: 1 }] },
            { minutes: 5, targets: [{ channel: 1 }] },
          ],
        ),
      ),
    );
    const clockA = new ManualClock(T0);
    const clockB = new ManualClock(T0);
    const a = newProcess(clockA);
    const b = newProcess(clockB);
    // Engagements created on both instances; a third of them without their first steps fired (as
    // if the instance had died right after the commit), so the schedulers race on those too.
    const engagementArns: string[] = [];
    for (const [i, p] of people.entries()) {
      const h = i % 2 ? a : b;
      if (i % 3 === 0) {
        const contact = (await contactsWithPlans(hotReader(h.engine.db), [p.arn])).get(p.arn)!;
        const fields = { sender: "twin", subject: "s", content: "c" };
        engagementArns.push((await hotWriter(h.engine.db).transaction((tx) => createEngagement(tx, h.engine, contact, fields, T0))).arn);
      } else {
        engagementArns.push((await h.contacts.startEngagement(engagementInput(p.arn))).EngagementArn!);
      }
    }

    let completed = 0;
    for (let s = 0; s <= 10 * 60; s += 30) {
      clockA.set(atTime(s));
      clockB.set(atTime(s));
      const [ra, rb] = await Promise.all([tick(a.engine, { batchSize: 4, instanceId: "A" }), tick(b.engine, { batchSize: 4, instanceId: "B" })]);
      completed += ra.completed + rb.completed;
    }

    for (const [i, arn] of engagementArns.entries()) {
      const page = (await a.contacts.listPagesByEngagement({ EngagementId: arn })).Pages![0];
      const log = await receiptLog(t.db, page.PageArn!, people[i].channelArns);
      expect(log.map((r) => `${r[0]}:${r[1]}@${r[2]}`).sort()).toEqual(["SENT:0@0", "SENT:0@120", "SENT:0@180", "SENT:0@240", "SENT:0@60", "SENT:1@300"]);
      expect(await t.db.notification.count({ where: { address: `twin-${i}@example.com` } })).toBe(5);
      expect(await t.db.notification.count({ where: { address: `+1555100${String(i).padStart(4, "0")}` } })).toBe(1);
      expect(await t.db.notification.count({ where: { address: people[i].arn } })).toBe(1);
    }
    expect(await t.db.engineJob.count({ where: { engagement: { arn: { in: engagementArns } }, status: { in: ["RUNNING", "FAILED"] } } })).toBe(0);
    const claimants = await t.db.engineJob.findMany({ where: { engagement: { arn: { in: engagementArns } }, status: "DONE", claimedBy: { not: null } }, select: { claimedBy: true } });
    const a1 = claimants.filter((c) => c.claimedBy!.startsWith("A/")).length;
    const b1 = claimants.filter((c) => c.claimedBy!.startsWith("B/")).length;
    expect(a1 + b1).toBe(completed);
    // Both did work (not a requirement of correctness, but a sign the race was real).
    console.log(`[two schedulers] A fired ${a1}, B fired ${b1} of ${completed} steps`);
  }, 120_000);
});

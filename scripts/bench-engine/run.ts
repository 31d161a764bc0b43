// The engagement engine under load, on SQLite (run by scripts/bench-engine.mjs; see there).
//
// Part 1, one tick: 10,000 active engagements, every one retrying an e-mail every minute (their
// starts spread over one minute), so each second ~1/60 of them is due. A manual clock moves one
// second at a time; each tick's duration and the steps it fired are recorded.
//
// Part 2, lag: 10,000 escalation engagements on the real clock and the real scheduler loop,
// starting over one minute (stage 0 pages a contact at the start, stage 1 another a minute later,
// while stage 0's e-mail retries keep running). The lag of a stage is the time from its due time
// to the moment its first message reached the notifier.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { hotReader } from "@/lib/db/hot-reader";
import { hotWriter } from "@/lib/db/hot-writer";
import { migrate } from "@/lib/db/migrate";
import { ManualClock, systemClock, type Clock } from "@/lib/im/local/clock";
import { contactsArn } from "@/lib/im/arns";
import { contactsWithPlans, createEngagement, startScheduler, tick, type EngineContext } from "@/lib/im/local/engine";
import type { TickResult } from "@/lib/jobs";
import { outboxNotifier } from "@/lib/notify/outbox";
import type { Message, Notifier } from "@/lib/notify/types";

const ENGAGEMENTS = Number(process.env.BENCH_ENGAGEMENTS ?? 10_000);
const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
/** Part 2: how long seeding may take before the first engagement starts on the real clock. */
const SEED_SECONDS = Number(process.env.BENCH_SEED_SECONDS ?? 45);
const IDS = { accountId: "000000000000", region: "us-east-1" };
const out = (line = "") => process.stdout.write(`${line}\n`);

function stats(values: number[]) {
  const v = [...values].sort((a, b) => a - b);
  const q = (p: number) => v[Math.min(v.length - 1, Math.floor(p * v.length))] ?? NaN;
  return { n: v.length, min: v[0], p50: q(0.5), p90: q(0.9), p99: q(0.99), max: v[v.length - 1], mean: v.reduce((a, b) => a + b, 0) / (v.length || 1) };
}
const ms = (x: number | undefined) => (Number.isFinite(x) ? `${x!.toFixed(1)} ms` : "n/a");

async function database() {
  const dir = mkdtempSync(path.join(tmpdir(), "im-bench-engine-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  await migrate(url);
  return { db: createDb(url), drop: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Personal contacts with an activated e-mail and SMS: stage 0 e-mails every minute for 10 minutes, stage 1 texts. */
async function seedContacts(db: Db, tag: string, n: number) {
  const arns: string[] = [];
  for (let i = 0; i < n; i++) {
    const alias = `${tag}-${i}`;
    const id = randomUUID();
    const email = { id: randomUUID(), arn: "" };
    const sms = { id: randomUUID(), arn: "" };
    email.arn = contactsArn.channel(IDS, alias, email.id);
    sms.arn = contactsArn.channel(IDS, alias, sms.id);
    await db.contact.create({
      data: {
        id,
        arn: contactsArn.contact(IDS, alias),
        alias,
        type: "PERSONAL",
        channels: {
          create: [
            { id: email.id, arn: email.arn, name: "mail", type: "EMAIL", address: `${alias}@example.com`, activationStatus: "ACTIVATED" },
            { id: sms.id, arn: sms.arn, name: "sms", type: "SMS", address: `+1555${String(i).padStart(7, "0")}`, activationStatus: "ACTIVATED" },
          ],
        },
        stages: {
          create: [
            { id: randomUUID(), position: 0, durationInMinutes: 10, targets: { create: [{ id: randomUUID(), position: 0, channelArn: email.arn, retryIntervalInMinutes: 1 }] } },
            { id: randomUUID(), position: 1, durationInMinutes: 10, targets: { create: [{ id: randomUUID(), position: 0, channelArn: sms.arn }] } },
          ],
        },
      },
    });
    arns.push(contactsArn.contact(IDS, alias));
  }
  return arns;
}

async function seedEscalations(db: Db, contactArns: string[], n: number) {
  const arns: string[] = [];
  for (let i = 0; i < n; i++) {
    const alias = `escalation-${i}`;
    const [a, b] = [contactArns[(2 * i) % contactArns.length], contactArns[(2 * i + 1) % contactArns.length]];
    await db.contact.create({
      data: {
        id: randomUUID(),
        arn: contactsArn.contact(IDS, alias),
        alias,
        type: "ESCALATION",
        stages: {
          create: [
            { id: randomUUID(), position: 0, durationInMinutes: 1, targets: { create: [{ id: randomUUID(), position: 0, targetContactArn: a, isEssential: false }] } },
            { id: randomUUID(), position: 1, durationInMinutes: 5, targets: { create: [{ id: randomUUID(), position: 0, targetContactArn: b, isEssential: true }] } },
          ],
        },
      },
    });
    arns.push(contactsArn.contact(IDS, alias));
  }
  return arns;
}

/** Starts engagement i of `n` at start(i), in transactions of 500 (as many StartEngagement calls would). */
async function startEngagements(ctx: EngineContext, contactArns: string[], n: number, start: (i: number) => Date) {
  const contacts = await contactsWithPlans(hotReader(ctx.db), contactArns);
  for (let from = 0; from < n; from += 500) {
    await hotWriter(ctx.db).transaction(async (tx) => {
      for (let i = from; i < Math.min(n, from + 500); i++) {
        const contact = contacts.get(contactArns[i % contactArns.length])!;
        await createEngagement(tx, ctx, contact, { sender: "bench", subject: `Bench ${i}`, content: "Load test" }, start(i));
      }
    });
  }
}

async function drain(ctx: EngineContext, clock: Clock) {
  let fired = 0;
  for (;;) {
    const r = await tick(ctx, { now: clock.now(), batchSize: 500 });
    fired += r.claimed;
    if (!r.claimed) return fired;
  }
}

async function oneTick() {
  const { db, drop } = await database();
  try {
    const T0 = new Date("2026-03-01T03:00:00.000Z");
    const clock = new ManualClock(new Date(T0.getTime() - 60_000));
    const ctx: EngineContext = { db, clock, notifier: outboxNotifier(db), ...IDS };
    const started = performance.now();
    const contacts = await seedContacts(db, "tick", CONTACTS);
    // Starts spread over the minute before T0; their first deliveries drained at T0 leave each
    // engagement with one e-mail retry due in [T0, T0 + 60 s).
    await startEngagements(ctx, contacts, ENGAGEMENTS, (i) => new Date(T0.getTime() - 60_000 + Math.floor((i * 60_000) / ENGAGEMENTS)));
    clock.set(T0);
    const drained = await drain(ctx, clock);
    const pending = await db.engineJob.count({ where: { status: "PENDING" } });
    out(`Part 1 — one tick, SQLite: ${ENGAGEMENTS} active engagements over ${CONTACTS} contacts, ${pending} pending steps`);
    out(`  set-up ${((performance.now() - started) / 1000).toFixed(1)} s (${drained} first steps fired to reach the steady state)`);

    const durations: number[] = [];
    const fired: number[] = [];
    for (let s = 1; s <= SECONDS; s++) {
      clock.set(new Date(T0.getTime() + s * 1000));
      const r: TickResult = await tick(ctx);
      durations.push(r.ms);
      fired.push(r.claimed);
    }
    const idle = [];
    for (let i = 0; i < 20; i++) idle.push((await tick(ctx)).ms);
    const d = stats(durations);
    const f = stats(fired);
    out(`  ${SECONDS} ticks one simulated second apart, each firing ${f.min}–${f.max} due steps (mean ${f.mean.toFixed(0)}):`);
    out(`  tick duration p50 ${ms(d.p50)}, p90 ${ms(d.p90)}, p99 ${ms(d.p99)}, max ${ms(d.max)} (mean ${ms(d.mean)}; ${(d.mean / f.mean).toFixed(2)} ms per step)`);
    out(`  a tick with nothing due: p50 ${ms(stats(idle).p50)}`);
    out(`  ≤ 100 ms: ${d.max <= 100 ? "yes" : "NO"} (max ${ms(d.max)})`);
  } finally {
    await db.$disconnect();
    drop();
  }
}

async function lag() {
  const { db, drop } = await database();
  try {
    const firstSend = new Map<string, number>();
    const outbox = outboxNotifier(db);
    const notifier: Notifier = {
      async send(m: Message) {
        return (await this.sendMany!([m]))[0];
      },
      async sendMany(messages: Message[]) {
        const at = Date.now();
        for (const m of messages) if (m.pageArn && m.channel !== "INBOX" && !firstSend.has(m.pageArn)) firstSend.set(m.pageArn, at);
        return outbox.sendMany!(messages);
      },
    };
    const contacts = await seedContacts(db, "lag", CONTACTS);
    const plans = await seedEscalations(db, contacts, Math.min(ENGAGEMENTS, 1000));
    // The engagements start on the real clock from S (after the seeding is done) over `SECONDS`
    // seconds; each pages its stage-0 contact at its start and its stage-1 contact a minute later.
    const S = Date.now() + SEED_SECONDS * 1000;
    const startOf = (i: number) => new Date(S + Math.floor((i * SECONDS * 1000) / ENGAGEMENTS));
    const creation = new ManualClock(S);
    await startEngagements({ db, clock: creation, notifier, ...IDS }, plans, ENGAGEMENTS, startOf);
    const slack = S - Date.now();
    out();
    out(`Part 2 — lag, SQLite, real clock and scheduler loop: ${ENGAGEMENTS} escalation engagements starting over ${SECONDS} s,`);
    out(`  each paging stage 0 (e-mail retried every minute) at its start and stage 1 one minute later`);
    if (slack < 0) out(`  (seeding ran ${(-slack / 1000).toFixed(1)} s past the first start: raise BENCH_SEED_SECONDS; the first stages start late)`);
    while (Date.now() < S) await new Promise((r) => setTimeout(r, 50));

    const ticks: number[] = [];
    const scheduler = startScheduler({ db, clock: systemClock, notifier, ...IDS }, { onTick: (r) => ticks.push(r.ms) });
    const until = S + SECONDS * 1000 + 60_000 + 3_000;
    while (Date.now() < until) await new Promise((r) => setTimeout(r, 250));
    await scheduler.stop();

    const stages = await db.engineJob.findMany({ where: { kind: "ESCALATION_STAGE" }, select: { engagementId: true, dueAt: true } });
    const pages = await db.page.findMany({ select: { arn: true, engagementId: true, createdAt: true } });
    const byEngagement = new Map<string, typeof pages>();
    for (const p of pages) (byEngagement.get(p.engagementId) ?? byEngagement.set(p.engagementId, []).get(p.engagementId)!).push(p);
    const lag0: number[] = [];
    const lag1: number[] = [];
    let missing = 0;
    for (const s of stages) {
      const own = (s.engagementId && byEngagement.get(s.engagementId)) || [];
      for (const p of own) {
        const sent = firstSend.get(p.arn);
        if (sent === undefined) {
          missing++;
          continue;
        }
        // Stage 0's page was written when the engagement was seeded, due at its start (createdAt).
        if (p.createdAt.getTime() < s.dueAt.getTime()) lag0.push(sent - p.createdAt.getTime());
        else lag1.push(sent - s.dueAt.getTime());
      }
    }
    const report = (label: string, lags: number[]) => {
      const l = stats(lags);
      out(`  ${label}: ${l.n} fired; lag p50 ${ms(l.p50)}, p90 ${ms(l.p90)}, p99 ${ms(l.p99)}, max ${ms(l.max)}; within 1 s: ${lags.filter((x) => x <= 1000).length} of ${l.n}`);
    };
    out(`  lag = due time → the stage's first message handed to the notifier`);
    report("stage 0 (first delivery at the engagement's start)", lag0);
    report("stage 1 (escalation stage, one minute later)     ", lag1);
    if (missing) out(`  pages never sent to: ${missing}`);
    const t = stats(ticks);
    out(`  scheduler ticks that fired something: ${t.n}, duration p50 ${ms(t.p50)}, p99 ${ms(t.p99)}, max ${ms(t.max)}`);
  } finally {
    await db.$disconnect();
    drop();
  }
}

/** BENCH_PART=1 or 2 runs one part only. */
const PART = process.env.BENCH_PART;

it("bench: engagement engine", async () => {
  if (PART !== "2") await oneTick();
  if (PART !== "1") await lag();
});

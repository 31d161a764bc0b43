// The durable-job runner on its own, with kinds of no domain: a runner claims and fires only its
// scope, each job once; a claimant whose lease ran out completes nothing another took over; a job
// given back is due again after a pause, and FAILED once it used its attempts. (The engine's own
// durability tests, test/engine/durability.test.ts, cover restarts and racing schedulers.)
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/client";
import { hotWriter } from "@/lib/db/hot-writer";
import { claimDue, completeClaimed, JOB_STATUS, LEASE_MS, MAX_ATTEMPTS, payloadOf, releaseJob, tickJobs, type JobRow, type JobRunner } from "@/lib/jobs";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

const T0 = new Date("2026-03-01T03:00:00.000Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe.each(PROVIDERS)("durable jobs on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => t.cleanup());

  /**
   * Jobs of a fresh queue (its kinds carry a tag, so tests sharing the database never see each
   * other's). EngineJob.engagementId is still required (lib/jobs: the migration a console domain
   * needs), so the jobs hang off a bare engagement row.
   */
  async function queue() {
    const tag = randomUUID().slice(0, 8);
    const holder = randomUUID();
    await t.db.engagement.create({ data: { id: holder, arn: `arn:test:${holder}`, contactArn: "arn:test:nobody", sender: "jobs-test", startTime: T0 } });
    const kind = (name: string) => `${name}-${tag}`;
    const add = async (name: string, dueAt: Date, payload: object = {}) => {
      const id = randomUUID();
      await t.db.engineJob.create({ data: { id, engagementId: holder, kind: kind(name), dueAt, payload: JSON.stringify(payload) } });
      return id;
    };
    return { kind, add };
  }

  /** A runner that records what it fires and completes every job it still holds. */
  function recorder(db: Db, scope: JobRunner["scope"]) {
    const fired: JobRow[] = [];
    const runner: JobRunner = {
      name: "jobs-test",
      db,
      clock: { now: () => T0 },
      scope,
      fire: async (jobs, claim) => {
        fired.push(...jobs);
        const owned = await hotWriter(db).transaction((tx) => completeClaimed(tx, jobs.map((j) => j.id), claim, "jobs-test"));
        return { completed: owned.size, released: 0 };
      },
    };
    return { runner, fired };
  }

  it("claims and fires only the runner's scope, each due job once, narrowed by a tick's where", async () => {
    const q = await queue();
    const due = [await q.add("A", T0, { n: 1 }), await q.add("A", at(-5), { n: 2 }), await q.add("B", T0)];
    const later = await q.add("A", at(60));
    const other = await q.add("OTHER", T0);
    const { runner, fired } = recorder(t.db, { kinds: [q.kind("A"), q.kind("B")] });

    // The tick's where narrows the runner's scope; it never widens it.
    const onlyB = await tickJobs(runner, { where: { kinds: [q.kind("B")] } });
    expect(onlyB).toMatchObject({ claimed: 1, completed: 1, released: 0 });
    expect(await tickJobs(runner, { where: { kinds: [q.kind("OTHER")] } })).toMatchObject({ claimed: 0 });

    const rest = await tickJobs(runner, { batchSize: 1 });
    expect(rest).toMatchObject({ claimed: 2, completed: 2, batches: 2 });
    // Oldest due first, payloads as written.
    expect(fired.slice(1).map((j) => payloadOf<{ n: number }>(j).n)).toEqual([2, 1]);
    expect((await tickJobs(runner)).claimed).toBe(0);

    const status = async (id: string) => (await t.db.engineJob.findUniqueOrThrow({ where: { id } })).status;
    for (const id of due) expect(await status(id)).toBe(JOB_STATUS.done);
    expect(await status(later)).toBe(JOB_STATUS.pending);
    expect(await status(other)).toBe(JOB_STATUS.pending);
    expect((await tickJobs(runner, { now: at(60) })).claimed).toBe(1);
  });

  it("fences off a claimant whose lease ran out: only the new claimant completes the job", async () => {
    const q = await queue();
    const id = await q.add("A", T0);
    const scope = { kinds: [q.kind("A")] };

    const old = await claimDue(t.db, { now: T0, token: "old/1", limit: 10, scope });
    expect(old.map((j) => j.id)).toEqual([id]);
    // While the lease holds, nobody claims it again.
    expect(await claimDue(t.db, { now: at(LEASE_MS / 1000 - 1), token: "early/1", limit: 10, scope })).toEqual([]);
    const next = await claimDue(t.db, { now: at(LEASE_MS / 1000 + 1), token: "new/1", limit: 10, scope });
    expect(next).toMatchObject([{ id, attempts: 2 }]);

    const stale = await hotWriter(t.db).transaction((tx) => completeClaimed(tx, [id], { now: at(61), token: "old/1" }));
    expect(stale.size).toBe(0);
    expect(await t.db.engineJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: JOB_STATUS.running, claimedBy: "new/1" });

    const fresh = await hotWriter(t.db).transaction((tx) => completeClaimed(tx, [id], { now: at(62), token: "new/1" }));
    expect([...fresh]).toEqual([id]);
    expect(await t.db.engineJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: JOB_STATUS.done, doneAt: at(62) });
  });

  it("a job given back is due again after a pause, and FAILED once it has used its attempts", async () => {
    const q = await queue();
    const id = await q.add("A", T0);
    const scope = { kinds: [q.kind("A")] };

    const [job] = await claimDue(t.db, { now: T0, token: "t/1", limit: 1, scope });
    await releaseJob(t.db, job, "t/1", T0, new Error("boom"));
    expect(await t.db.engineJob.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: JOB_STATUS.pending,
      claimedBy: null,
      dueAt: at(15 * job.attempts),
      lastError: "boom",
    });

    await t.db.engineJob.update({ where: { id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    const [last] = await claimDue(t.db, { now: at(60), token: "t/2", limit: 1, scope });
    expect(last.attempts).toBe(MAX_ATTEMPTS);
    await releaseJob(t.db, last, "t/2", at(60), "boom again");
    expect(await t.db.engineJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: JOB_STATUS.failed, lastError: "boom again" });
  });
});

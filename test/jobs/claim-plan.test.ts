// Claiming the due jobs of named engagements (fireNow's claim) walks the engagements' index on
// SQLite, which keeps no statistics: with the queue's condition written plainly it walked the
// (queue, status, dueAt) index over every job of the queue, done ones included (lib/jobs/job.ts,
// scopeSql). Read from SQLite's own plan of the statement the claim runs.
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sqliteParams } from "@/lib/db/hot-reader";
import { sqliteFilePath } from "@/lib/db/client";
import { claimEngagementsSql } from "@/lib/jobs/claim";
import { JOB_QUEUE } from "@/lib/jobs";
import { createTestDatabase, type TestDatabase } from "../support/databases";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase("sqlite");
});
afterAll(async () => t.cleanup());

it.each([[["e1"]], [["e1", "e2", "e3"]]])("the claim of engagements %j reads the engagements' index", (engagementIds) => {
  const q = claimEngagementsSql({ now: new Date(), token: "t", limit: 250 }, [{ queue: JOB_QUEUE.engine }, { engagementIds }]);
  const conn = new Database(sqliteFilePath(t.url), { readonly: true });
  try {
    const plan = conn
      .prepare(`EXPLAIN QUERY PLAN ${q.query("test.claimPlan").sqlite}`)
      .all(...sqliteParams(q.params))
      .map((r) => (r as { detail: string }).detail);
    expect(plan).toContainEqual(expect.stringContaining("EngineJob_engagementId_idx"));
    expect(plan.join("\n")).not.toContain("EngineJob_queue_status_dueAt_idx");
  } finally {
    conn.close();
  }
});

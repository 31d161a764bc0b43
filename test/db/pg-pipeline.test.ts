// Point reads on PostgreSQL go over connections they share in pg's pipeline mode
// (lib/db/pg-pipeline.ts): many at once each get their own row, a write committed before a read is
// seen by it, a connection the server drops is replaced on next use, and disconnecting the client
// closes them. SQLite has no such connections; its reads are the contract suites'.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hotQuery, hotReader } from "@/lib/db/hot-reader";
import { createDb } from "@/lib/db/client";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

const USER = hotQuery("test.pointUser", `SELECT "id", "email", "active" FROM "User" WHERE "id" = ?`, { booleans: ["active"], point: true });
const SHARED_BACKENDS = `SELECT COUNT(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`;

describe.runIf(PROVIDERS.includes("postgresql"))("point reads on shared pipelined PostgreSQL connections", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase("postgresql");
    await t.db.user.createMany({
      data: Array.from({ length: 50 }, (_, i) => ({ id: `pp-${i}`, email: `pp-${i}@example.com`, name: "pp", passwordHash: "x", role: "viewer", active: i % 2 === 0 })),
    });
  });
  afterAll(async () => t.cleanup());

  it("answers 2,000 reads sent at once, each with its own row", async () => {
    const reads = await Promise.all(Array.from({ length: 2_000 }, (_, i) => hotReader(t.db).get<{ id: string; active: boolean }>(USER, [`pp-${i % 60}`])));
    reads.forEach((row, i) => {
      if (i % 60 >= 50) expect(row).toBeUndefined();
      else expect(row).toEqual({ id: `pp-${i % 60}`, email: `pp-${i % 60}@example.com`, active: (i % 60) % 2 === 0 });
    });
  });

  it("sees what a write committed before it", async () => {
    await t.db.user.update({ where: { id: "pp-1" }, data: { active: true } });
    expect(await hotReader(t.db).get(USER, ["pp-1"])).toMatchObject({ active: true });
  });

  it("replaces a connection the server ends, and closes its connections when the client disconnects", async () => {
    // A client of its own, so its connections can be told apart by application_name.
    const name = `pp-${Date.now()}`;
    const url = new URL(t.url);
    url.searchParams.set("application_name", name);
    const db = createDb(url.toString());
    const admin = new pg.Client({ connectionString: t.url });
    await admin.connect();
    try {
      await Promise.all(Array.from({ length: 20 }, () => hotReader(db).get(USER, ["pp-2"])));
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`, [name]);
      // The ended connections are dropped; after at most one failed read per connection, reads work again.
      let answered = 0;
      for (let i = 0; i < 10 && answered < 5; i++) {
        const row = await hotReader(db).get(USER, ["pp-2"]).catch(() => "failed");
        if (row !== "failed") answered++;
      }
      expect(answered).toBe(5);
      await db.$disconnect();
      await expect.poll(async () => (await admin.query<{ n: number }>(SHARED_BACKENDS, [name])).rows[0].n, { timeout: 5_000 }).toBe(0);
      await expect(hotReader(db).get(USER, ["pp-2"])).rejects.toThrow(/disconnected/);
    } finally {
      await admin.end();
    }
  });
});

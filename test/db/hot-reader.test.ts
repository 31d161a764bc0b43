// The hot reads' path (lib/db/hot-reader.ts) on each database: rows come back as Prisma gives them
// (DateTime as Date, Boolean as boolean) whatever the process's time zone, a Date binds as the
// instant it is, and a list binds in each database's spelling. On PostgreSQL the reads share
// Prisma's pool — never more than its 10 connections between them — as statements prepared once
// per connection, and the pool closes with the client.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { hotQuery, hotReader, HotSql } from "@/lib/db/hot-reader";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

const USER = hotQuery("test.user", `SELECT "id", "email", "active", "createdAt", "lastLoginAt" FROM "User" WHERE "id" = ?`, {
  dates: ["createdAt", "lastLoginAt"],
  booleans: ["active"],
});

for (const provider of PROVIDERS) {
  describe(`hot reads on ${provider}`, () => {
    let t: TestDatabase;
    const zone = process.env.TZ;
    beforeAll(async () => {
      t = await createTestDatabase(provider);
      await t.db.user.createMany({
        data: [
          { id: "u1", email: "a@example.com", name: "A", passwordHash: "x", role: "admin", createdAt: new Date("2026-12-07T10:00:00.123Z"), lastLoginAt: new Date("2026-06-01T23:30:00.001Z") },
          { id: "u2", email: "b@example.com", name: "B", passwordHash: "x", role: "viewer", active: false, createdAt: new Date("2026-12-07T10:00:00.124Z") },
          { id: "u3", email: "c@example.com", name: "C", passwordHash: "x", role: "viewer", createdAt: new Date("2026-12-07T10:00:00.125Z") },
        ],
      });
    });
    afterAll(async () => t.cleanup());
    afterEach(() => {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    });

    it("reads rows as Prisma does, in a process zone that is not UTC", async () => {
      process.env.TZ = "America/New_York";
      for (const id of ["u1", "u2"]) {
        const prisma = await t.db.user.findUnique({ where: { id }, select: { id: true, email: true, active: true, createdAt: true, lastLoginAt: true } });
        expect(await hotReader(t.db).get(USER, [id])).toEqual(prisma);
      }
      expect(await hotReader(t.db).get(USER, ["nobody"])).toBeUndefined();
    });

    it("binds a Date as its instant: a bound on a stored time is exact to the millisecond", async () => {
      process.env.TZ = "Asia/Kolkata";
      const after = (d: Date) =>
        hotReader(t.db).all<{ id: string }>(hotQuery("test.after", `SELECT "id" FROM "User" WHERE "createdAt" > ? ORDER BY "createdAt"`), [d]);
      expect((await after(new Date("2026-12-07T10:00:00.123Z"))).map((r) => r.id)).toEqual(["u2", "u3"]);
      expect((await after(new Date("2026-12-07T10:00:00.124Z"))).map((r) => r.id)).toEqual(["u3"]);
    });

    it("binds a list in each database's spelling, value by value or as one parameter", async () => {
      for (const oneStatement of [false, true]) {
        for (const emails of [["a@example.com"], ["a@example.com", "c@example.com", "nobody@example.com"]]) {
          const q = new HotSql().sql(`SELECT "id" FROM "User" WHERE `).in(`"email"`, emails, { oneStatement }).sql(` ORDER BY "id"`);
          const rows = await hotReader(t.db).all<{ id: string }>(q.query("test.in"), q.params);
          expect(rows.map((r) => r.id)).toEqual(emails.length === 1 ? ["u1"] : ["u1", "u3"]);
        }
      }
      const quote = new HotSql().sql(`SELECT "id" FROM "User" WHERE `).in(`"email"`, [`o'brien",{}@example.com`]);
      expect(await hotReader(t.db).all(quote.query("test.in"), quote.params)).toEqual([]);
    });

    it("writes each query once: ? becomes $n on PostgreSQL, and a name stands for one text", () => {
      const q = new HotSql().sql(`SELECT 1 FROM "User" WHERE "id" = ? AND `, "u1").in(`"role"`, ["admin", "viewer"]).sql(" LIMIT ?", 1);
      const query = q.query("test.spelling");
      expect(query.sqlite).toBe(`SELECT 1 FROM "User" WHERE "id" = ? AND "role" IN (?, ?) LIMIT ?`);
      expect(query.postgres).toBe(`SELECT 1 FROM "User" WHERE "id" = $1 AND "role" = ANY($2) LIMIT $3`);
      expect(q.params).toHaveLength(3);
      expect(new HotSql().sql(`SELECT 1 FROM "User" WHERE "id" = ? AND `, "u2").in(`"role"`, ["viewer", "admin"]).sql(" LIMIT ?", 5).query("test.spelling")).toBe(query);
      // A list of another length: another SQLite statement, the same prepared statement on PostgreSQL.
      const shorter = new HotSql().sql(`SELECT 1 FROM "User" WHERE "id" = ? AND `, "u2").in(`"role"`, ["x"]).sql(" LIMIT ?", 5).query("test.spelling");
      expect(shorter.sqlite).not.toBe(query.sqlite);
      expect([shorter.name, shorter.postgres]).toEqual([query.name, query.postgres]);
      const other = new HotSql().sql(`SELECT 1 FROM "User" WHERE "id" = ? LIMIT ?`, "u2", 5).query("test.spelling");
      expect(other.name).not.toBe(query.name);
    });

    it("reads lists built by another copy of the module (the production server's and Next's bundles each have one)", async () => {
      const path = "../../lib/db/hot-reader.ts?second-copy";
      const copy = (await import(/* @vite-ignore */ path)) as typeof import("@/lib/db/hot-reader");
      expect(copy.HotSql).not.toBe(HotSql);
      const q = new copy.HotSql().sql(`SELECT "id" FROM "User" WHERE `).in(`"email"`, ["a@example.com", "c@example.com"]).sql(` ORDER BY "id"`);
      expect(await hotReader(t.db).all(q.query("test.in"), q.params)).toEqual([{ id: "u1" }, { id: "u3" }]);
      const json = new copy.HotSql().sql(`SELECT "id" FROM "User" WHERE `).in(`"email"`, ["b@example.com"], { oneStatement: true });
      expect(await copy.hotReader(t.db).all(json.query("test.in"), json.params)).toEqual([{ id: "u2" }]);
    });

    it("has no reader for a transaction client: code in a transaction reads through it", async () => {
      await t.db.$transaction(async (tx) => {
        expect(() => hotReader(tx)).toThrow(/not a database client made by createDb/);
      });
    });
  });
}

describe.runIf(PROVIDERS.includes("postgresql"))("hot reads on PostgreSQL: Prisma's pool", () => {
  let t: TestDatabase;
  let admin: pg.Client;
  let database: string;
  beforeAll(async () => {
    t = await createTestDatabase("postgresql");
    database = new URL(t.url).pathname.slice(1);
    admin = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await t.cleanup();
  });

  const connections = async () =>
    Number((await admin.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend'`, [database])).rows[0].n);

  it("prepares a statement once per connection, under its name", async () => {
    const q = hotQuery("test.prepared", `SELECT "name", "statement" FROM pg_prepared_statements WHERE "name" = ?`);
    // Sequential reads reuse the pool's most recently idle connection.
    await hotReader(t.db).all(q, [q.name]);
    const rows = await hotReader(t.db).all<{ name: string; statement: string }>(q, [q.name]);
    expect(rows).toEqual([{ name: q.name, statement: q.postgres }]);
  });

  it("shares one pool of at most 10 connections with Prisma, and closes it with the client", async () => {
    const sleep = hotQuery("test.sleep", `SELECT 1 AS "one" FROM pg_sleep(0.05)`);
    let most = 0;
    let busy = true;
    const watch = (async () => {
      while (busy) {
        most = Math.max(most, await connections());
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    await Promise.all([
      ...Array.from({ length: 20 }, () => hotReader(t.db).all(sleep, [])),
      ...Array.from({ length: 20 }, () => t.db.$queryRawUnsafe(`SELECT 1 AS one FROM pg_sleep(0.05)`)),
    ]);
    busy = false;
    await watch;
    // Two pools would have opened up to 20.
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(10);

    await t.db.$disconnect();
    const deadline = Date.now() + 5_000;
    while ((await connections()) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await connections()).toBe(0);
  });
});

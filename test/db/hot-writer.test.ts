// The hot writes' transactions (lib/db/hot-writer.ts) on each database: a transaction commits when
// its work resolves and leaves nothing when it throws; a unique-key violation reads as Prisma's
// (isUniqueViolation, with the key's column); and on SQLite the hot writes' own connection takes
// turns with Prisma's — many of each at once, nothing lost, nothing "locked", and a Prisma
// transaction that rolls back takes none of the hot writes with it. The same statements run in a
// Prisma transaction (prismaHotTx) read and write the same rows; `insert` takes any number of rows;
// `statement` runs one statement on its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isUniqueViolation } from "@/lib/db/errors";
import { hotQuery, hotReader } from "@/lib/db/hot-reader";
import { hotWriter, INSERT_ROWS_PER_STATEMENT, type InsertValue } from "@/lib/db/hot-writer";
import { withPrismaHotTx } from "@/lib/db/prisma-hot-tx";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

const INSERT_USER = hotQuery(
  "test.insertUser",
  `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "active", "createdAt", "updatedAt") VALUES (?, ?, ?, 'x', 'viewer', ?, ?, ?)`,
);
const USER = hotQuery("test.writtenUser", `SELECT "id", "email", "active", "createdAt" FROM "User" WHERE "id" = ?`, { dates: ["createdAt"], booleans: ["active"] });
const COUNT = hotQuery("test.countUsers", `SELECT COUNT(*) AS "n" FROM "User" WHERE "name" = ?`);

const count = async (t: TestDatabase, name: string) => Number((await hotReader(t.db).get<{ n: number | string }>(COUNT, [name]))!.n);

for (const provider of PROVIDERS) {
  describe(`hot writes on ${provider}`, () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(provider);
    });
    afterAll(async () => t.cleanup());

    it("commits what the work wrote, as Prisma reads it", async () => {
      const at = new Date("2026-12-07T10:00:00.123Z");
      const changed = await hotWriter(t.db).transaction((tx) => tx.run(INSERT_USER, ["hw1", "hw1@example.com", "committed", true, at, at]));
      expect(changed).toBe(1);
      expect(await t.db.user.findUnique({ where: { id: "hw1" }, select: { id: true, email: true, active: true, createdAt: true } })).toEqual({
        id: "hw1",
        email: "hw1@example.com",
        active: true,
        createdAt: at,
      });
      expect(await hotWriter(t.db).transaction((tx) => tx.get(USER, ["hw1"]))).toEqual({ id: "hw1", email: "hw1@example.com", active: true, createdAt: at });
    });

    it("leaves nothing when the work throws, and the connection serves the next transaction", async () => {
      await expect(
        hotWriter(t.db).transaction(async (tx) => {
          await tx.run(INSERT_USER, ["hw2", "hw2@example.com", "rolled back", true, new Date(), new Date()]);
          throw new Error("changed my mind");
        }),
      ).rejects.toThrow("changed my mind");
      expect(await count(t, "rolled back")).toBe(0);
      await hotWriter(t.db).transaction((tx) => tx.run(INSERT_USER, ["hw3", "hw3@example.com", "after", true, new Date(), new Date()]));
      expect(await count(t, "after")).toBe(1);
    });

    it("reports a unique-key violation as Prisma does, naming the column, and rolls the transaction back", async () => {
      const error = await hotWriter(t.db)
        .transaction(async (tx) => {
          await tx.run(INSERT_USER, ["hw4", "hw4@example.com", "dup", true, new Date(), new Date()]);
          await tx.run(INSERT_USER, ["hw5", "hw1@example.com", "dup", true, new Date(), new Date()]);
        })
        .catch((e: unknown) => e);
      expect(isUniqueViolation(error)).toBe(true);
      expect(isUniqueViolation(error, "email")).toBe(true);
      expect(isUniqueViolation(error, "name")).toBe(false);
      expect(await count(t, "dup")).toBe(0);
    });

    it("takes turns with Prisma's writes: 200 of each at once, every one kept; Prisma's rollbacks take none of them", async () => {
      const hot = Array.from({ length: 200 }, (_, i) =>
        hotWriter(t.db).transaction(async (tx) => {
          await tx.run(INSERT_USER, [`hot-${i}`, `hot-${i}@example.com`, "hot", true, new Date(), new Date()]);
          return tx.get(USER, [`hot-${i}`]);
        }),
      );
      const prisma = Array.from({ length: 200 }, (_, i) =>
        t.db
          .$transaction(async (tx) => {
            await tx.user.create({ data: { id: `prisma-${i}`, email: `prisma-${i}@example.com`, name: i % 2 ? "prisma" : "prisma-undone", passwordHash: "x", role: "viewer" } });
            if (i % 2 === 0) throw new Error("undo");
          })
          .catch((e: Error) => e.message),
      );
      const [hotRows, outcomes] = await Promise.all([Promise.all(hot), Promise.all(prisma)]);
      expect(hotRows.every((r) => r !== undefined)).toBe(true);
      expect(outcomes.filter((o) => o === "undo")).toHaveLength(100);
      expect(await count(t, "hot")).toBe(200);
      expect(await count(t, "prisma")).toBe(100);
      expect(await count(t, "prisma-undone")).toBe(0);
    });

    const USER_COLUMNS = ["id", "email", "name", "passwordHash", "role", "active", "createdAt", "updatedAt"] as const;
    const users = (prefix: string, n: number, name: string) =>
      Array.from({ length: n }, (_, i): Record<(typeof USER_COLUMNS)[number], InsertValue> => ({
        id: `${prefix}-${i}`,
        email: `${prefix}-${i}@example.com`,
        name,
        passwordHash: "x",
        role: "viewer",
        active: i % 2 === 0,
        createdAt: new Date(Date.UTC(2026, 11, 7, 10, 0, 0, i)),
        updatedAt: new Date(Date.UTC(2026, 11, 7, 10, 0, 0, i)),
      }));

    it("inserts any number of rows (more than one statement takes), dates and booleans as Prisma reads them", async () => {
      const rows = users("ins", INSERT_ROWS_PER_STATEMENT + 7, "inserted");
      await hotWriter(t.db).transaction((tx) => tx.insert("User", USER_COLUMNS, rows));
      expect(await count(t, "inserted")).toBe(rows.length);
      const back = await t.db.user.findMany({ where: { name: "inserted" }, select: { id: true, active: true, createdAt: true }, orderBy: { createdAt: "asc" } });
      expect(back).toEqual(rows.map((r) => ({ id: r.id, active: r.active, createdAt: r.createdAt })));
      // Nothing of a failed insert stays: the duplicate is in the second statement's rows.
      const again = [...users("ins2", INSERT_ROWS_PER_STATEMENT, "half"), rows[0]];
      await expect(hotWriter(t.db).transaction((tx) => tx.insert("User", USER_COLUMNS, again))).rejects.toSatisfy((e: unknown) => isUniqueViolation(e));
      expect(await count(t, "half")).toBe(0);
    });

    it("runs one statement on its own, and refuses an insert that would take more than one", async () => {
      const one = users("st", 3, "statement");
      await hotWriter(t.db).statement((tx) => tx.insert("User", USER_COLUMNS, one));
      expect(await count(t, "statement")).toBe(3);
      const changed = await hotWriter(t.db).statement((tx) => tx.run(hotQuery("test.rename", `UPDATE "User" SET "name" = ? WHERE "name" = ?`), ["renamed", "statement"]));
      expect(changed).toBe(3);
      if (provider === "postgresql") {
        await expect(hotWriter(t.db).statement((tx) => tx.insert("User", USER_COLUMNS, users("big", INSERT_ROWS_PER_STATEMENT + 1, "big")))).rejects.toThrow(/more than one statement/);
        expect(await count(t, "big")).toBe(0);
      }
    });

    it("queues writes: they commit with the transaction, in order, read back by the statements after them", async () => {
      const at = new Date("2026-12-07T12:00:00.789Z");
      const seen = await hotWriter(t.db).transaction(async (tx) => {
        tx.queue(INSERT_USER, ["q1", "q1@example.com", "queued", true, at, at]);
        tx.queue(hotQuery("test.renameQueued", `UPDATE "User" SET "name" = ? WHERE "id" = ?`), ["queued", "q1"]);
        await tx.insert("User", USER_COLUMNS, users("q-many", 3, "queued"));
        return tx.get(USER, ["q1"]);
      });
      expect(seen).toEqual({ id: "q1", email: "q1@example.com", active: true, createdAt: at });
      expect(await count(t, "queued")).toBe(4);
    });

    it("raises a queued write's failure at the next statement awaited, as that write's own error, and rolls everything back", async () => {
      let after = false;
      const error = await hotWriter(t.db)
        .transaction(async (tx) => {
          tx.queue(INSERT_USER, ["q2", "q2@example.com", "queued-dup", true, new Date(), new Date()]);
          tx.queue(INSERT_USER, ["q3", "q1@example.com", "queued-dup", true, new Date(), new Date()]);
          tx.queue(INSERT_USER, ["q4", "q4@example.com", "queued-dup", true, new Date(), new Date()]);
          await tx.get(USER, ["q2"]);
          after = true;
        })
        .catch((e: unknown) => e);
      expect(isUniqueViolation(error, "email")).toBe(true);
      expect(after).toBe(false);
      expect(await count(t, "queued-dup")).toBe(0);
    });

    it("raises a queued write's failure at the commit when nothing is awaited after it; the connection serves Prisma next", async () => {
      const error = await hotWriter(t.db)
        .transaction(async (tx) => {
          tx.queue(INSERT_USER, ["q5", "q5@example.com", "queued-last", true, new Date(), new Date()]);
          await tx.insert("User", USER_COLUMNS, [{ ...users("q-last", 1, "queued-last")[0], email: "q1@example.com" }]);
          return "committed?";
        })
        .catch((e: unknown) => e);
      expect(isUniqueViolation(error, "email")).toBe(true);
      expect(await count(t, "queued-last")).toBe(0);
      // Every pooled connection is back out of pipeline mode: Prisma's transactions and hot ones, many at once.
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          i % 2
            ? t.db.$transaction(async (tx) => {
                await tx.user.create({ data: { id: `qp-${i}`, email: `qp-${i}@example.com`, name: "after-queue", passwordHash: "x", role: "viewer" } });
                return (await tx.user.count({ where: { name: "after-queue" } })) > 0;
              })
            : hotWriter(t.db).transaction(async (tx) => {
                tx.queue(INSERT_USER, [`qh-${i}`, `qh-${i}@example.com`, "after-queue", true, new Date(), new Date()]);
                return (await tx.get(USER, [`qh-${i}`])) !== undefined;
              }),
        ),
      );
      expect(outcomes.every(Boolean)).toBe(true);
      expect(await count(t, "after-queue")).toBe(40);
    });

    it("runs the same statements in a Prisma transaction: rows read alike, and a rollback takes them back", async () => {
      const at = new Date("2026-12-07T11:00:00.456Z");
      await t.db.$transaction((prismaTx) => withPrismaHotTx(t.db, prismaTx, async (tx) => {
        expect(await tx.run(INSERT_USER, ["ph1", "ph1@example.com", "via prisma", false, at, at])).toBe(1);
        await tx.insert("User", USER_COLUMNS, users("ph-many", 3, "via prisma"));
        // Prisma's own rows (not yet committed) and the statement's, read back in the hot row shape.
        expect(await tx.get(USER, ["ph1"])).toEqual({ id: "ph1", email: "ph1@example.com", active: false, createdAt: at });
        expect(await tx.get(USER, ["ph-many-0"])).toEqual({ id: "ph-many-0", email: "ph-many-0@example.com", active: true, createdAt: new Date(Date.UTC(2026, 11, 7, 10)) });
        // Queued, and not awaited: withPrismaHotTx waits for it before the transaction commits.
        tx.queue(INSERT_USER, ["ph2", "ph2@example.com", "via prisma", true, at, at]);
      }));
      expect(await count(t, "via prisma")).toBe(5);
      expect(await hotReader(t.db).get(USER, ["ph1"])).toEqual({ id: "ph1", email: "ph1@example.com", active: false, createdAt: at });
      await expect(
        t.db.$transaction(async (prismaTx) => {
          await withPrismaHotTx(t.db, prismaTx, (tx) => tx.insert("User", USER_COLUMNS, users("ph-undone", 2, "undone")));
          throw new Error("undo");
        }),
      ).rejects.toThrow("undo");
      expect(await count(t, "undone")).toBe(0);
    });
  });
}

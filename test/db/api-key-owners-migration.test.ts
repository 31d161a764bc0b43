// The api-key-owners migration (issue 12): keys made before every key had an owner are given to
// the first admin, and then act as that admin.
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { databaseWithout, PROVIDERS } from "../support/databases";

const MIGRATION = "20261207030000_api_key_owners";
const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (drops.length) await drops.pop()!();
});

const user = (id: string, role: string, at: string) =>
  `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "createdAt", "updatedAt") VALUES ('${id}', '${id}@example.com', '${id}', 'x', '${role}', '${at}', '${at}')`;
const key = (id: string, userId: string | null) =>
  `INSERT INTO "ApiKey" ("id", "accessKeyId", "signingKeyHash", "name", "role", "userId", "createdAt") VALUES ('${id}', 'AKIA${id.toUpperCase().padEnd(16, "0")}', '${"0".repeat(64)}', '${id}', 'admin', ${userId ? `'${userId}'` : "NULL"}, '2026-01-01T00:00:00.000Z')`;

describe.each(PROVIDERS)("the api-key-owners migration on %s", (provider) => {
  it("gives every key without an owner to the first admin, and leaves owned keys alone", async () => {
    const url = await databaseWithout(provider, MIGRATION, drops);
    const db = createDb(url);
    try {
      for (const sql of [
        user("viewer1", "viewer", "2025-12-01T00:00:00.000Z"),
        user("admin2", "admin", "2026-01-02T00:00:00.000Z"),
        user("admin1", "admin", "2026-01-01T00:00:00.000Z"),
        key("orphan", null),
        key("owned", "viewer1"),
      ]) {
        await db.$executeRawUnsafe(sql);
      }
      expect((await migrate(url)).applied).toEqual([MIGRATION]);
      const keys = await db.apiKey.findMany({ orderBy: { id: "asc" }, select: { id: true, userId: true } });
      expect(keys).toEqual([
        { id: "orphan", userId: "admin1" },
        { id: "owned", userId: "viewer1" },
      ]);
    } finally {
      await db.$disconnect();
    }
  });
});

// The in-process migration runner, on each database: applies every migration once (also when
// two processes start together), keeps Prisma's bookkeeping, and refuses a database that is ahead
// of the code or whose applied migration was edited.
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { migrate, migrationsDir } from "@/lib/db/migrate";
import { createTestDatabaseUrl, PROVIDERS } from "../support/databases";

const drops: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (drops.length) await drops.pop()!();
});

async function fresh(provider: (typeof PROVIDERS)[number]) {
  const t = await createTestDatabaseUrl(provider);
  drops.push(t.drop);
  return t.url;
}

describe.each(PROVIDERS)("migrations on %s", (provider) => {
  it("applies every migration once and records it as Prisma does", async () => {
    const url = await fresh(provider);
    const first = await migrate(url);
    expect(first.applied.length).toBeGreaterThan(0);
    expect((await migrate(url)).applied).toEqual([]);
    const db = createDb(url);
    try {
      const rows = await db.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
        `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      expect(rows.map((r) => r.migration_name)).toEqual(first.applied);
      expect(rows[0].checksum).toMatch(/^[0-9a-f]{64}$/);
      // The schema is usable.
      expect(await db.incidentRecord.count()).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it("applies once when two start together", async () => {
    const url = await fresh(provider);
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    const counts = [a.applied.length, b.applied.length].sort();
    expect(counts[0]).toBe(0);
    expect(counts[1]).toBeGreaterThan(0);
  });

  it("refuses a database whose applied migration was edited", async () => {
    const url = await fresh(provider);
    const root = mkdtempSync(path.join(tmpdir(), "im-mig-"));
    drops.push(async () => rmSync(root, { recursive: true, force: true }));
    const dir = migrationsDir(provider, root);
    cpSync(migrationsDir(provider), dir, { recursive: true });
    await migrate(url, root);
    const [first] = readdirSync(dir).filter((n) => !n.endsWith(".toml")).sort();
    appendFileSync(path.join(dir, first, "migration.sql"), "\n-- edited\n");
    await expect(migrate(url, root)).rejects.toThrow(/was changed after it was applied/);
  });
});

// Real databases for tests: a fresh SQLite file, or a fresh PostgreSQL database on the server at
// TEST_POSTGRES_URL (created here, dropped by cleanup). Each is migrated like the console does.
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { createDb, type Db } from "@/lib/db/client";
import { migrate, migrationsDir } from "@/lib/db/migrate";

export type Provider = "sqlite" | "postgresql";

export type TestDatabase = { provider: Provider; url: string; db: Db; cleanup(): Promise<void> };

/** SQLite always; PostgreSQL too when TEST_POSTGRES_URL names a server. */
export const PROVIDERS: Provider[] = process.env.TEST_POSTGRES_URL ? ["sqlite", "postgresql"] : ["sqlite"];

export async function createTestDatabaseUrl(provider: Provider): Promise<{ url: string; drop(): Promise<void> }> {
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(tmpdir(), "im-test-"));
    return { url: `file:${path.join(dir, "test.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = process.env.TEST_POSTGRES_URL;
  if (!admin) throw new Error("TEST_POSTGRES_URL is not set");
  const name = `im_test_${randomBytes(6).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function createTestDatabase(provider: Provider): Promise<TestDatabase> {
  const { url, drop } = await createTestDatabaseUrl(provider);
  await migrate(url);
  const db = createDb(url);
  return {
    provider,
    url,
    db,
    cleanup: async () => {
      await db.$disconnect();
      await drop();
    },
  };
}

/**
 * A fresh database with every migration applied but `migration`, to test that one on the data an
 * older console left. `drops` collects what to clean up.
 */
export async function databaseWithout(provider: Provider, migration: string, drops: (() => Promise<void>)[]): Promise<string> {
  const t = await createTestDatabaseUrl(provider);
  drops.push(t.drop);
  const root = mkdtempSync(path.join(tmpdir(), "im-mig-"));
  drops.push(async () => rmSync(root, { recursive: true, force: true }));
  cpSync(migrationsDir(provider), migrationsDir(provider, root), { recursive: true, filter: (src) => !src.includes(migration) });
  await migrate(t.url, root);
  return t.url;
}

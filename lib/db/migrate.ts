// Applies the committed migrations (prisma/migrations for SQLite, prisma/postgresql/migrations for
// PostgreSQL) in-process when the console starts and when tests create a database.
//
// Why not `prisma migrate deploy`: the CLI spawns the schema engine (~2 s) and lingers on its
// timers; a server start and every test database would pay that. This runner keeps Prisma's own
// bookkeeping table (`_prisma_migrations`, same columns and checksums), so `prisma migrate status`
// and `migrate deploy` agree with it.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { isPostgresUrl } from "../config";
import { privateSqliteFile } from "./private-files";

export type MigrationResult = { applied: string[] };

type Migration = { name: string; sql: string; checksum: string };

export function migrationsDir(provider: "sqlite" | "postgresql", root = process.cwd()): string {
  return provider === "sqlite"
    ? path.join(/* turbopackIgnore: true */ root, "prisma", "migrations")
    : path.join(/* turbopackIgnore: true */ root, "prisma", "postgresql", "migrations");
}

function readMigrations(dir: string): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

function checkApplied(migrations: Migration[], applied: Map<string, string>) {
  for (const [name, checksum] of applied) {
    const m = migrations.find((x) => x.name === name);
    if (!m) throw new Error(`The database has migration ${name}, which this version of the console does not know`);
    if (m.checksum !== checksum) throw new Error(`Migration ${name} was changed after it was applied`);
  }
}

function migrateSqlite(url: string, dir: string): MigrationResult {
  const file = path.resolve(/* turbopackIgnore: true */ url.replace(/^file:/, ""));
  privateSqliteFile(file);
  const conn = new Database(file, { timeout: 15_000 });
  try {
    // WAL lets the console read while the engine writes; it persists in the file.
    conn.pragma("journal_mode = WAL");
    conn.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
      "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
      "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
      "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`);
    const migrations = readMigrations(dir);
    const applied: string[] = [];
    // IMMEDIATE takes the write lock first, so two processes starting together apply each once.
    conn.exec("BEGIN IMMEDIATE");
    try {
      const rows = conn
        .prepare(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
        .all() as { migration_name: string; checksum: string }[];
      const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
      checkApplied(migrations, done);
      for (const m of migrations) {
        if (done.has(m.name)) continue;
        conn.exec(m.sql);
        conn
          .prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count, started_at) VALUES (?, ?, current_timestamp, ?, 1, current_timestamp)`)
          .run(randomUUID(), m.checksum, m.name);
        applied.push(m.name);
      }
      conn.exec("COMMIT");
    } catch (e) {
      conn.exec("ROLLBACK");
      throw e;
    }
    return { applied };
  } finally {
    conn.close();
  }
}

// Prisma's own advisory-lock key, so this runner and `prisma migrate deploy` exclude each other.
const ADVISORY_LOCK = 72707369;

async function migratePostgres(url: string, dir: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
      migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
      started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
    const migrations = readMigrations(dir);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    checkApplied(migrations, done);
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.name)) continue;
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count) VALUES ($1, $2, now(), $3, 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK");
        throw e;
      }
      applied.push(m.name);
    }
    return { applied };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
}

/** Brings the database at `url` up to the latest migration. */
export async function migrate(url: string, root = process.cwd()): Promise<MigrationResult> {
  return isPostgresUrl(url)
    ? migratePostgres(url, migrationsDir("postgresql", root))
    : migrateSqlite(url, migrationsDir("sqlite", root));
}

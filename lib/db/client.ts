// The one database client module. SQLite (better-sqlite3) or PostgreSQL (pg), picked from the
// URL; both generated clients have the same model API, so the rest of the code sees one type.
import "server-only";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { config, isPostgresUrl } from "../config";
import { serializedPgTransactions } from "./pg-serialized";
import { privateSqliteFile } from "./private-files";
import { Lock, serializedSqlite } from "./sqlite-serialized";
import { registerSqliteReader } from "./sqlite-reader";
import { pgHotReader, registerHotReader, sqliteHotReader } from "./hot-reader";
import { SharedPipelinedConnections } from "./pg-pipeline";
import { pgHotWriter, registerHotWriter, sqliteHotWriter } from "./hot-writer";

export type Db = InstanceType<typeof SqliteClient>;
/** A transaction client, as `$transaction(async (tx) => ...)` hands it out. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
export type { Prisma } from "./generated/sqlite/client";

export function sqliteFilePath(url: string): string {
  return path.resolve(/* turbopackIgnore: true */ url.replace(/^file:/, ""));
}

// Interactive transactions queue behind each other (one SQLite writer; a bounded PostgreSQL pool):
// under a burst of writes the default 2 s wait to start one is too short, and a slow one must not be
// cut off at 5 s while it still holds rows that others wait for.
const transactionOptions = { maxWait: 15_000, timeout: 20_000 };

export function createDb(url: string): Db {
  if (isPostgresUrl(url)) {
    // One pool for Prisma and the hot reads (hot-reader.ts), ended with the client.
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection that drops (a server restart) is replaced on next use; without a
    // listener the pool's "error" event would end the process.
    pool.on("error", (e) => {
      // A connection closing as the pool ends (end() resolves before every socket has closed) is not news.
      if (!pool.ending) console.error("[db] idle PostgreSQL connection failed:", e.message);
    });
    // A transaction's queries one at a time on its connection (pg-serialized.ts says why).
    const adapter = serializedPgTransactions(new PrismaPg(pool));
    // Same models, same API: the PostgreSQL client is typed as the SQLite one.
    const client = new PostgresClient({ adapter, transactionOptions }) as unknown as Db;
    // Point reads (hot-reader.ts) share two pipelined connections of their own, beside the pool.
    const shared = new SharedPipelinedConnections({ connectionString: url }, 2);
    registerHotReader(client, pgHotReader(pool, shared));
    registerHotWriter(client, pgHotWriter(pool));
    const disconnect = client.$disconnect.bind(client);
    client.$disconnect = async () => {
      await disconnect();
      await shared.end();
      if (!pool.ending) await pool.end();
    };
    return client;
  }
  const file = sqliteFilePath(url);
  privateSqliteFile(file);
  // Prisma's connection and the hot writes' (hot-writer.ts) take turns on one lock.
  const lock = new Lock();
  const client = new SqliteClient({
    adapter: serializedSqlite(new PrismaBetterSQLite3({ url: file, timeout: 10_000 }), lock),
    transactionOptions,
  });
  // The hot reads' own connection (sqlite-reader.ts) and the hot writes', closed with the client.
  const reader = registerSqliteReader(client, file);
  registerHotReader(client, sqliteHotReader(reader));
  const writer = sqliteHotWriter(file, lock);
  registerHotWriter(client, writer);
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    reader.close();
    writer.close();
    await disconnect();
  };
  return client;
}

const globalForDb = globalThis as unknown as { imDb?: Db };

/** The process's client (one per process, kept across dev-server reloads). */
export function db(): Db {
  globalForDb.imDb ??= createDb(config().databaseUrl);
  return globalForDb.imDb;
}

/** Closes the process's client, if it was opened, with its connections (a stopping server, last). */
export async function closeDb(): Promise<void> {
  const client = globalForDb.imDb;
  globalForDb.imDb = undefined;
  await client?.$disconnect();
}

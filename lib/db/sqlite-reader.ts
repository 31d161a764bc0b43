// Cached prepared statements on SQLite: the SQLite half of the hot reads (hot-reader.ts says why
// they bypass Prisma and which ones do). Prisma 6.19's client compiles every query through its
// WASM query compiler and the adapter prepares the statement again each time (~620 µs a
// findUnique on the 2-core machine); a cached prepared statement on better-sqlite3 costs ~10 µs.
// hot-reader.ts wraps this reader in the interface both databases share; the engine's on-call
// resolution (lib/im/local/engine/on-call.ts) uses it directly.
//
// The reader has its own connection to the same file. In WAL mode (lib/db/migrate.ts sets it) it
// sees every committed write and never a transaction in progress, which is what the API promises;
// it cannot join another request's open transaction on Prisma's single connection (see
// sqlite-serialized.ts), so it needs no lock. It is only handed out for a root client registered
// by createDb, never for a transaction client: code inside a transaction keeps reading through it.
import Database from "better-sqlite3";

type Statement = Database.Statement<unknown[], unknown>;

/**
 * One connection to the file, opened on first use (the file exists and is migrated by then: the
 * server's bootstrap), with its statements prepared once and cached by their text. The hot reads'
 * connection is one (SqliteReader, below); the hot writes' is another (hot-writer.ts).
 */
export class SqliteStatements {
  #conn: Database.Database | undefined;
  readonly #statements = new Map<string, Statement>();
  constructor(
    readonly file: string,
    readonly open: (file: string) => Database.Database,
  ) {}

  #statement(sql: string): Statement {
    let st = this.#statements.get(sql);
    if (!st) {
      this.#conn ??= this.open(this.file);
      st = this.#conn.prepare(sql);
      // Queries are built from a fixed set of shapes (filters × cursor); the bound keeps a bug
      // from growing the cache without limit.
      if (this.#statements.size > 500) this.#statements.clear();
      this.#statements.set(sql, st);
    }
    return st;
  }

  all<T>(sql: string, params: unknown[]): T[] {
    return this.#statement(sql).all(...params) as T[];
  }

  get<T>(sql: string, params: unknown[]): T | undefined {
    return this.#statement(sql).get(...params) as T | undefined;
  }

  /** A statement without rows; the number of rows it changed. */
  run(sql: string, params: unknown[] = []): number {
    return this.#statement(sql).run(...params).changes;
  }

  /** Whether a transaction is open on the connection. */
  get inTransaction(): boolean {
    return this.#conn?.inTransaction ?? false;
  }

  close(): void {
    this.#statements.clear();
    this.#conn?.close();
    this.#conn = undefined;
  }
}

/** The hot reads' connection: read-only, so it can never write around Prisma's serialization. */
export class SqliteReader extends SqliteStatements {
  constructor(file: string) {
    super(file, openReadConnection);
  }
}

function openReadConnection(file: string): Database.Database {
  const conn = new Database(file, { fileMustExist: true, timeout: 10_000 });
  // Reads only: a statement that tried to write here would bypass Prisma's serialization.
  conn.pragma("query_only = ON");
  return conn;
}

// On globalThis: the production server's bundle and Next's bundle share the process's client.
const globalForReaders = globalThis as unknown as { imSqliteReaders?: WeakMap<object, SqliteReader> };
const readers = (globalForReaders.imSqliteReaders ??= new WeakMap<object, SqliteReader>());

/** Called by createDb for a SQLite client. */
export function registerSqliteReader(client: object, file: string): SqliteReader {
  const reader = new SqliteReader(file);
  readers.set(client, reader);
  return reader;
}

/** The reader for a root SQLite client, or undefined (PostgreSQL, a transaction client, a test double). */
export function sqliteReader(client: object): SqliteReader | undefined {
  return readers.get(client);
}

/** How the SQLite adapter stores DateTime values (ISO 8601 with "+00:00"): compare and bind in this form. */
export function sqliteTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A stored DateTime back as a Date. */
export function fromSqliteTime(value: string): Date;
export function fromSqliteTime(value: string | null): Date | null;
export function fromSqliteTime(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

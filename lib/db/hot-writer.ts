// Hot writes on either database without Prisma's per-call cost: the writes' counterpart of
// hot-reader.ts (which says why: Prisma 6.19 compiles every query, ~600 µs a call, and a CPU
// profile of StartIncident under load spent three quarters of its time in Prisma — see the README,
// "Speed"). StartIncident and CreateTimelineEvent (lib/im/local/incidents/hot-writes.ts) run their
// transaction here; everything else stays on Prisma.
//
// The statements are the hot reads' HotQuery: written once, prepared once (a cached better-sqlite3
// statement; a named pg prepared statement), only bound and run after that. A transaction is
//   - on PostgreSQL, one connection of the pool Prisma itself uses: BEGIN … COMMIT, at Prisma's
//     isolation level (READ COMMITTED), so row locks and unique keys order it against Prisma's
//     transactions and other consoles exactly as before;
//   - on SQLite, its own connection to the file, taken in turn with Prisma's: both hold the same
//     Lock (sqlite-serialized.ts) from BEGIN IMMEDIATE to COMMIT, so this process still runs one
//     writing transaction at a time, and another process waits on the file's write lock (the busy
//     timeout) as it does for Prisma's.
// A unique-key violation surfaces as Prisma's would (code P2002 with the key's columns), so
// isUniqueViolation (errors.ts) and the callers' race handling work unchanged.
import Database from "better-sqlite3";
import type pg from "pg";
import { fromSqliteRow, pgParams, sqliteParams, types, type HotQuery } from "./hot-reader";
import { batchThisTurn, setPipelined } from "./pg-pipeline";
import { SqliteStatements } from "./sqlite-reader";
import type { Lock } from "./sqlite-serialized";

/** A transaction's statements; each returns when its statement has run. */
export interface HotTx {
  all<T>(q: HotQuery, params: readonly unknown[]): Promise<T[]>;
  get<T>(q: HotQuery, params: readonly unknown[]): Promise<T | undefined>;
  /** A statement without rows; the number of rows it changed. */
  run(q: HotQuery, params: readonly unknown[]): Promise<number>;
  /**
   * A write whose answer nothing waits for (an INSERT; an UPDATE whose count isn't read). In the
   * hot writer's PostgreSQL transaction it is sent at once behind the statements before it,
   * without waiting for its answer (pg's pipeline mode), so the writes queued before a read, or
   * before the commit, share that one round trip. Its failure is raised by the next statement
   * awaited, at the latest by the commit (which then rolls back), as that statement's own error
   * would be (a unique key: P2002). Elsewhere it runs at once (SQLite throws right there), so the
   * code between a queued write and the next await must only build statements.
   */
  queue(q: HotQuery, params: readonly unknown[]): void;
  /**
   * Rows into a table, any number (the engine's pages and steps), queued as `queue` is. Table and
   * column names come from the caller's constants; values are bound. SQLite runs one cached
   * single-row statement per row (a few µs each); PostgreSQL sends the rows in multi-row statements.
   */
  insert<C extends string>(table: string, columns: readonly C[], rows: readonly Record<C, InsertValue>[]): Promise<void>;
  /** Waits for the queued writes; throws the first one's failure. */
  settle(): Promise<void>;
}

export type InsertValue = string | number | boolean | Date | null;

/** Rows per multi-row statement (here and insert-many.ts): far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
export const INSERT_ROWS_PER_STATEMENT = 500;

export const insertHead = (table: string, columns: readonly string[]) => `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `;

export interface HotWriter {
  readonly dialect: "sqlite" | "postgres";
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: HotTx) => Promise<T>): Promise<T>;
  /**
   * Runs `work`, which writes with exactly one statement (atomic by itself; any read after it sees
   * committed rows): on PostgreSQL on the pool without BEGIN and COMMIT (two round trips fewer),
   * on SQLite as a transaction (it takes the process's write lock all the same).
   */
  statement<T>(work: (tx: HotTx) => Promise<T>): Promise<T>;
  /** Rows into a table, all or none: one statement when they fit in one, else a transaction. */
  insert<C extends string>(table: string, columns: readonly C[], rows: readonly Record<C, InsertValue>[]): Promise<void>;
}

/** HotWriter.insert, the same on both databases. */
function atomicInsert<C extends string>(writer: Pick<HotWriter, "statement" | "transaction">, table: string, columns: readonly C[], rows: readonly Record<C, InsertValue>[]): Promise<void> {
  const insert = (tx: HotTx) => tx.insert(table, columns, rows);
  return rows.length <= INSERT_ROWS_PER_STATEMENT ? writer.statement(insert) : writer.transaction(insert);
}

/** A unique-key violation in the shape of Prisma's P2002 (errors.ts reads `meta.target`). */
class UniqueViolation extends Error {
  readonly code = "P2002";
  constructor(
    message: string,
    readonly meta: { target: string[] },
  ) {
    super(message);
  }
}

/** SQLite: "UNIQUE constraint failed: IncidentRecord.openDedupeKey" (columns, comma-separated). */
function fromSqliteError(e: unknown): unknown {
  const err = e as { code?: string; message?: string };
  if (err?.code === "SQLITE_CONSTRAINT_UNIQUE" || err?.code === "SQLITE_CONSTRAINT_PRIMARYKEY") {
    const columns = (err.message ?? "").replace(/^.*failed: /, "").split(", ").map((c) => c.replace(/^.*\./, ""));
    return new UniqueViolation(err.message ?? "unique constraint failed", { target: columns });
  }
  return e;
}

/** PostgreSQL: SQLSTATE 23505, the constraint named as Prisma names it (IncidentRecord_openDedupeKey_key). */
function fromPgError(e: unknown): unknown {
  const err = e as { code?: string; message?: string; constraint?: string };
  if (err?.code === "23505") return new UniqueViolation(err.message ?? "unique constraint failed", { target: [err.constraint ?? ""] });
  return e;
}

// ───────────────────────────── SQLite ─────────────────────────────

/** The hot writes' own connection; synchronous=NORMAL as on Prisma's (sqlite-serialized.ts says why), a per-connection setting. */
function openWriteConnection(file: string): Database.Database {
  const conn = new Database(file, { fileMustExist: true, timeout: 10_000 });
  conn.pragma("synchronous = NORMAL");
  return conn;
}

export function sqliteHotWriter(file: string, lock: Lock): HotWriter & { close(): void } {
  const conn = new SqliteStatements(file, openWriteConnection);
  const attempt = <T>(work: () => T): Promise<T> => {
    try {
      return Promise.resolve(work());
    } catch (e) {
      return Promise.reject(fromSqliteError(e));
    }
  };
  const tx: HotTx = {
    all: <T>(q: HotQuery, params: readonly unknown[]) =>
      attempt(() => {
        const rows = conn.all<Record<string, unknown>>(q.sqlite, sqliteParams(params));
        if (q.shape.dates || q.shape.booleans) for (const r of rows) fromSqliteRow(r, q.shape);
        return rows as T[];
      }),
    get: <T>(q: HotQuery, params: readonly unknown[]) =>
      attempt(() => {
        const row = conn.get<Record<string, unknown>>(q.sqlite, sqliteParams(params));
        return row && fromSqliteRow<T>(row, q.shape);
      }),
    run: (q: HotQuery, params: readonly unknown[]) => attempt(() => conn.run(q.sqlite, sqliteParams(params))),
    queue: (q: HotQuery, params: readonly unknown[]) => {
      try {
        conn.run(q.sqlite, sqliteParams(params));
      } catch (e) {
        throw fromSqliteError(e);
      }
    },
    insert: (table, columns, rows) =>
      attempt(() => {
        const text = `${insertHead(table, columns)}(${columns.map(() => "?").join(", ")})`;
        for (const row of rows) conn.run(text, sqliteParams(columns.map((c) => row[c])));
      }),
    settle: () => Promise.resolve(),
  };
  return {
    dialect: "sqlite",
    async transaction<T>(work: (tx: HotTx) => Promise<T>): Promise<T> {
      const release = await lock.acquire();
      try {
        conn.run("BEGIN IMMEDIATE");
        try {
          const result = await work(tx);
          conn.run("COMMIT");
          return result;
        } catch (e) {
          if (conn.inTransaction) conn.run("ROLLBACK");
          throw e;
        }
      } finally {
        release();
      }
    },
    statement<T>(work: (tx: HotTx) => Promise<T>): Promise<T> {
      return this.transaction(work);
    },
    insert(table, columns, rows) {
      return atomicInsert(this, table, columns, rows);
    },
    close: () => conn.close(),
  };
}

// ───────────────────────────── PostgreSQL ─────────────────────────────

type PgStatement = { name?: string; text: string; values: unknown[] };

/** The multi-row INSERTs of `rows`, at most INSERT_ROWS_PER_STATEMENT rows each; unnamed, as the text depends on the count. */
function insertStatements<C extends string>(table: string, columns: readonly C[], rows: readonly Record<C, InsertValue>[]): PgStatement[] {
  const statements: PgStatement[] = [];
  for (let from = 0; from < rows.length; from += INSERT_ROWS_PER_STATEMENT) {
    const chunk = rows.slice(from, from + INSERT_ROWS_PER_STATEMENT);
    let n = 0;
    const values = chunk.map(() => `(${columns.map(() => `$${++n}`).join(", ")})`).join(", ");
    statements.push({ text: insertHead(table, columns) + values, values: pgParams(chunk.flatMap((row) => columns.map((c) => row[c]))) });
  }
  return statements;
}

const pgStatement = (q: HotQuery, params: readonly unknown[]): PgStatement => ({ name: q.name, text: q.postgres, values: pgParams(params) });

/** What pg is given: a statement with the hot reads' type parsers, or a bare command (BEGIN, COMMIT). */
const pgConfig = (statement: PgStatement | string) => (typeof statement === "string" ? { text: statement } : { ...statement, types });

/**
 * Statements on one connection (a transaction's, in pipeline mode), or on the pool (`statement`:
 * one statement, autocommitted). A queued write is sent at once; only its failure is kept, and the
 * next awaited statement raises it: on a pipelined connection the server answers in order, so
 * when a statement's answer is in, every write queued before it has been answered too.
 */
class PgStatements implements HotTx {
  #pending: Promise<void>[] = [];
  #failure: { error: unknown } | undefined;

  /** What the transaction sends until its next await leaves in one socket write (the pool's statements: no). */
  #batch(): void {
    if (!this.single) batchThisTurn(this.on as pg.PoolClient);
  }

  /** `single`: statement()'s, whose insert must fit one statement (on the pool, two would not be atomic). */
  constructor(
    private readonly on: pg.Pool | pg.PoolClient,
    private readonly single = false,
  ) {}

  /** Sends a statement whose answer nobody awaits; `onFailure` also hears of its failure. */
  track(statement: PgStatement | string, onFailure?: (e: unknown) => void): void {
    this.#batch();
    this.#pending.push(
      this.on.query(pgConfig(statement)).then(
        () => undefined,
        (e: unknown) => {
          onFailure?.(e);
          this.#failure ??= { error: fromPgError(e) };
        },
      ),
    );
  }

  async settle(): Promise<void> {
    while (this.#pending.length) await Promise.all(this.#pending.splice(0));
    if (this.#failure) throw this.#failure.error;
  }

  async query(statement: PgStatement | string): Promise<pg.QueryResult> {
    let result: pg.QueryResult;
    this.#batch();
    try {
      result = await this.on.query(pgConfig(statement));
    } catch (e) {
      // A write queued before it failed first (this one then failed as "transaction aborted"): that is the error.
      await this.settle();
      throw fromPgError(e);
    }
    await this.settle();
    return result;
  }

  all = async <T>(q: HotQuery, params: readonly unknown[]) => (await this.query(pgStatement(q, params))).rows as T[];
  get = async <T>(q: HotQuery, params: readonly unknown[]) => (await this.query(pgStatement(q, params))).rows[0] as T | undefined;
  run = async (q: HotQuery, params: readonly unknown[]) => (await this.query(pgStatement(q, params))).rowCount ?? 0;
  queue = (q: HotQuery, params: readonly unknown[]) => this.track(pgStatement(q, params));
  insert = async <C extends string>(table: string, columns: readonly C[], rows: readonly Record<C, InsertValue>[]) => {
    const statements = insertStatements(table, columns, rows);
    if (this.single && statements.length > 1) throw new Error(`statement(): ${rows.length} rows are more than one statement takes`);
    for (const statement of statements) this.track(statement);
  };
}

export function pgHotWriter(pool: pg.Pool): HotWriter {
  return {
    dialect: "postgres",
    async transaction<T>(work: (tx: HotTx) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      let broken = false;
      // Pipeline mode for this transaction only: off again before the pool lends the connection to Prisma.
      setPipelined(client, true);
      try {
        const tx = new PgStatements(client);
        // BEGIN travels with the transaction's first statement.
        tx.track("BEGIN", () => (broken = true));
        try {
          const result = await work(tx);
          // COMMIT travels with the writes queued last; if one of them failed, the transaction was
          // aborted and COMMIT answers ROLLBACK: settle() raises the failure.
          await tx.query("COMMIT");
          return result;
        } catch (e) {
          await client.query("ROLLBACK").catch(() => (broken = true));
          throw e;
        }
      } finally {
        // Every statement sent has been answered (COMMIT or ROLLBACK came last).
        setPipelined(client, false);
        // A connection that failed to BEGIN or to ROLLBACK is in an unknown state: the pool drops it.
        client.release(broken);
      }
    },
    async statement<T>(work: (tx: HotTx) => Promise<T>): Promise<T> {
      const tx = new PgStatements(pool, true);
      const result = await work(tx);
      await tx.settle();
      return result;
    },
    insert(table, columns, rows) {
      return atomicInsert(this, table, columns, rows);
    },
  };
}

// ───────────────────────────── registry ─────────────────────────────

// On globalThis: the production server's bundle and Next's bundle share the process's client.
const globalForWriters = globalThis as unknown as { imHotWriters?: WeakMap<object, HotWriter> };
const writers = (globalForWriters.imHotWriters ??= new WeakMap<object, HotWriter>());

/** Called by createDb for each client it makes. */
export function registerHotWriter(client: object, writer: HotWriter): void {
  writers.set(client, writer);
}

/** The writer of a root client made by createDb. A transaction client has none. */
export function hotWriter(client: object): HotWriter {
  const writer = writers.get(client);
  if (!writer) throw new Error("hotWriter: not a database client made by createDb");
  return writer;
}

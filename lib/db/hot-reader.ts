// Hot reads on either database without Prisma's per-call cost. Prisma 6.19's client compiles every
// query through its WASM query compiler (~600 µs a call on the 2-core machine, on SQLite and on
// PostgreSQL alike); a statement that is prepared once and then only executed costs a fraction of
// that. The API's hottest reads go through here — GetIncidentRecord, ListIncidentRecords,
// ListTimelineEvents, the API-key lookup, and what the console's incidents list reads
// (ListEngagements, ListPagesByEngagement, the local counts of a page) — on both databases;
// everything else, and every write, stays on Prisma.
//
// A query is written once (HotSql) in the SQL both databases read: identifiers double-quoted, `?`
// for each value. It carries its text for each dialect — placeholders become $1…$n on PostgreSQL,
// and the few constructs that differ (a list of values) are spelled per dialect by the builder —
// and a name that pg prepares it under. SQLite runs it as a cached better-sqlite3 statement
// (sqlite-reader.ts); PostgreSQL as a named prepared statement through the pool Prisma itself uses
// (`pool.query({ name, text, values })`: pg parses it once per connection and then only binds),
// or, for a point read (QueryOptions), over the connections such reads share (pg-pipeline.ts).
// Rows come back in one shape on both: the query names its DateTime and Boolean columns, which
// SQLite stores as ISO text and 0/1.
//
// A reader is handed out only for a root client made by createDb, never for a transaction client:
// it reads committed rows outside any transaction, which is what the API's reads promise.
import { createHash } from "node:crypto";
import pg from "pg";
import type { SharedPipelinedConnections } from "./pg-pipeline";
import { fromSqliteTime, sqliteTime, type SqliteReader } from "./sqlite-reader";

/** Columns whose stored form differs between the databases (SQLite: ISO text, 0/1). */
export type RowShape = { readonly dates?: readonly string[]; readonly booleans?: readonly string[] };

/**
 * `point`: a read of a row by its key (or a few rows by an indexed key), answered in microseconds:
 * on PostgreSQL it goes over the connections such reads share (pg-pipeline.ts), where a slow
 * statement would hold up the others, instead of the pool.
 */
export type QueryOptions = RowShape & { readonly point?: boolean };

/** One statement, written once, in each database's spelling, with the name pg prepares it under. */
export type HotQuery = { readonly name: string; readonly sqlite: string; readonly postgres: string; readonly shape: RowShape; readonly point: boolean };

export interface HotReader {
  readonly dialect: "sqlite" | "postgres";
  all<T>(q: HotQuery, params: readonly unknown[]): Promise<T[]>;
  get<T>(q: HotQuery, params: readonly unknown[]): Promise<T | undefined>;
}

/**
 * A list of values bound as one parameter: SQLite's `IN (?, ?, …)` takes them one by one, or as
 * one JSON text (`json: true`, for `json_each`); PostgreSQL's `= ANY($n)` as one array. Marked by
 * a registered symbol, not a class: the production server's bundle and Next's each have a copy of
 * this module, and a list one of them makes may reach the reader the other registered.
 */
const LIST = Symbol.for("im.hot-reader.list");
type ValueList = { readonly [LIST]: true; readonly values: readonly (string | number)[]; readonly json: boolean };

const isList = (p: unknown): p is ValueList => typeof p === "object" && p !== null && LIST in p;

// The same text gets the same query object (and name) however often a request builds it.
const queries = new Map<string, HotQuery>();

function defineQuery(name: string, sqlite: string, postgresWithMarks: string, options: QueryOptions): HotQuery {
  const { point = false, ...shape } = options;
  const key = `${name}\n${point}\n${sqlite}`;
  let q = queries.get(key);
  if (!q) {
    let n = 0;
    const postgres = postgresWithMarks.replace(/\?/g, () => `$${++n}`);
    // The name is derived from the text, so two copies of this module (the production server's and
    // Next's bundles share the pool) never give one name to two statements; 63 bytes at most.
    const hash = createHash("sha1").update(postgres).digest("hex").slice(0, 12);
    q = { name: `${name.slice(0, 40)}.${hash}`, sqlite, postgres, shape, point };
    // Shapes come from a fixed set (filters × cursor); the bound keeps a bug from growing this.
    if (queries.size > 1_000) queries.clear();
    queries.set(key, q);
  }
  return q;
}

/** A fixed statement: `?` placeholders, identifiers double-quoted, no dialect differences. */
export function hotQuery(name: string, text: string, options: QueryOptions = {}): HotQuery {
  return defineQuery(name, text, text, options);
}

/**
 * A statement whose shape depends on the request (filters, a cursor). Build the text once for
 * both databases; `params` collects the values in placeholder order.
 */
export class HotSql {
  #sqlite = "";
  #postgres = "";
  readonly params: unknown[] = [];

  /** Text both databases read alike; each `?` in it is one of `values`. */
  sql(text: string, ...values: unknown[]): this {
    this.#sqlite += text;
    this.#postgres += text;
    this.params.push(...values);
    return this;
  }

  /**
   * `<column> IN <values>`. SQLite: one placeholder per value (its planner walks an index for
   * each), or one JSON text read by json_each (`oneStatement`: one cached statement for any
   * length). PostgreSQL: `= ANY($n)`, one prepared statement for any length.
   */
  in(column: string, values: readonly (string | number)[], options: { oneStatement?: boolean } = {}): this {
    this.#sqlite += options.oneStatement
      ? `${column} IN (SELECT value FROM json_each(?))`
      : `${column} IN (${values.map(() => "?").join(", ")})`;
    this.#postgres += `${column} = ANY(?)`;
    const list: ValueList = { [LIST]: true, values, json: options.oneStatement ?? false };
    this.params.push(list);
    return this;
  }

  query(name: string, options: QueryOptions = {}): HotQuery {
    return defineQuery(name, this.#sqlite, this.#postgres, options);
  }
}

// ───────────────────────────── SQLite ─────────────────────────────

/** Values as better-sqlite3 binds them (hot-writer.ts too). */
export function sqliteParams(params: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const p of params) {
    if (isList(p)) {
      if (p.json) out.push(JSON.stringify(p.values));
      else out.push(...p.values);
    } else if (p instanceof Date) out.push(sqliteTime(p));
    // SQLite stores Prisma's Boolean as 0/1 (better-sqlite3 binds no booleans).
    else if (typeof p === "boolean") out.push(p ? 1 : 0);
    else out.push(p);
  }
  return out;
}

export function fromSqliteRow<T>(row: Record<string, unknown>, shape: RowShape): T {
  if (shape.dates) for (const c of shape.dates) row[c] = fromSqliteTime(row[c] as string | null);
  if (shape.booleans) for (const c of shape.booleans) row[c] = row[c] === null ? null : row[c] === 1;
  return row as T;
}

/** The SQLite reader (synchronous, better-sqlite3) behind the shared async interface. */
export function sqliteHotReader(reader: SqliteReader): HotReader {
  return {
    dialect: "sqlite",
    async all<T>(q: HotQuery, params: readonly unknown[]) {
      const rows = reader.all<Record<string, unknown>>(q.sqlite, sqliteParams(params));
      if (q.shape.dates || q.shape.booleans) for (const r of rows) fromSqliteRow(r, q.shape);
      return rows as T[];
    },
    async get<T>(q: HotQuery, params: readonly unknown[]) {
      const row = reader.get<Record<string, unknown>>(q.sqlite, sqliteParams(params));
      return row && fromSqliteRow<T>(row, q.shape);
    },
  };
}

// ───────────────────────────── PostgreSQL ─────────────────────────────

const TIMESTAMP_OID = 1114;

/**
 * Prisma stores DateTime as `timestamp(3)` (no zone) holding UTC. pg's default parser reads such a
 * value in the process's zone; read it as UTC, as Prisma's adapter does.
 */
function parseUtcTimestamp(value: string): Date {
  return new Date(`${value.replace(" ", "T")}Z`);
}

/** pg's parsers, with `timestamp` read as UTC (hot-writer.ts too). */
export const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID && format !== "binary" ? parseUtcTimestamp : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** A Date as a `timestamp` literal in UTC (pg would send local time with an offset that `timestamp` ignores). */
const pgTime = (d: Date) => d.toISOString().slice(0, -1);

/** Lists as arrays, other values as they are (Prisma's raw queries on PostgreSQL bind the rest: hot-writer.ts). */
export function listsAsArrays(params: readonly unknown[]): unknown[] {
  return params.map((p) => (isList(p) ? p.values : p));
}

/** Values as pg binds them (hot-writer.ts too). */
export function pgParams(params: readonly unknown[]): unknown[] {
  return params.map((p) => (isList(p) ? p.values : p instanceof Date ? pgTime(p) : p));
}

/**
 * Reads as named prepared statements: through the pool Prisma's adapter uses, and point reads
 * over the connections they share (`shared`, in pipeline mode).
 */
export function pgHotReader(pool: pg.Pool, shared: Pick<SharedPipelinedConnections, "query">): HotReader {
  const run = async (q: HotQuery, params: readonly unknown[]) =>
    (await (q.point ? shared : pool).query({ name: q.name, text: q.postgres, values: pgParams(params), types })).rows;
  return {
    dialect: "postgres",
    all: async <T>(q: HotQuery, params: readonly unknown[]) => (await run(q, params)) as T[],
    get: async <T>(q: HotQuery, params: readonly unknown[]) => (await run(q, params))[0] as T | undefined,
  };
}

// ───────────────────────────── registry ─────────────────────────────

// On globalThis: the production server's bundle and Next's bundle share the process's client.
const globalForReaders = globalThis as unknown as { imHotReaders?: WeakMap<object, HotReader> };
const readers = (globalForReaders.imHotReaders ??= new WeakMap<object, HotReader>());

/** Called by createDb for each client it makes. */
export function registerHotReader(client: object, reader: HotReader): void {
  readers.set(client, reader);
}

/** The reader of a root client made by createDb. A transaction client has none: it reads through Prisma. */
export function hotReader(client: object): HotReader {
  const reader = readers.get(client);
  if (!reader) throw new Error("hotReader: not a database client made by createDb (a transaction client reads through Prisma)");
  return reader;
}

// A Prisma transaction as a HotTx (hot-writer.ts): the same fixed statements, run through the
// transaction's raw queries. For code whose statements the hot paths share but which is also
// called inside a Prisma transaction (AcceptPage's timeline event, alert processing's job
// completion): each statement has one definition whichever transaction runs it.
// It pays Prisma's cost for a raw query, not its query compilation.
import type { Db, Tx } from "./client";
import { listsAsArrays, sqliteParams, type HotQuery, type RowShape } from "./hot-reader";
import { hotWriter, type HotTx, type HotWriter } from "./hot-writer";
import { insertMany } from "./insert-many";
import { fromSqliteTime } from "./sqlite-reader";

/** Prisma's raw rows in the hot rows' shape, whatever Prisma made of SQLite's text dates and 0/1 booleans. */
function fromPrismaRow<T>(row: Record<string, unknown>, shape: RowShape): T {
  if (shape.dates) for (const c of shape.dates) if (typeof row[c] === "string") row[c] = fromSqliteTime(row[c] as string);
  if (shape.booleans) for (const c of shape.booleans) if (row[c] !== null && typeof row[c] !== "boolean") row[c] = Number(row[c]) === 1;
  return row as T;
}

export function prismaHotTx(tx: Pick<Tx, "$queryRawUnsafe" | "$executeRawUnsafe" | "$executeRaw">, dialect: HotWriter["dialect"]): HotTx {
  const sqlite = dialect === "sqlite";
  // SQLite: the values as the hot writer binds them (dates as the text Prisma stores, booleans as
  // 0/1); PostgreSQL: Prisma binds dates itself, lists as arrays.
  const text = (q: HotQuery) => (sqlite ? q.sqlite : q.postgres);
  const values = (params: readonly unknown[]) => (sqlite ? sqliteParams(params) : listsAsArrays(params));
  // Queued writes run one after another, before any statement awaited after them; settle() (which
  // withPrismaHotTx calls) waits for the last. Prisma runs a transaction's queries in turn anyway.
  let queued: Promise<unknown> = Promise.resolve();
  let failure: { error: unknown } | undefined;
  const settle = async () => {
    await queued;
    if (failure) throw failure.error;
  };
  const after = <T>(statement: () => Promise<T>): Promise<T> => settle().then(statement);
  const all = <T>(q: HotQuery, params: readonly unknown[]) =>
    after(async () => (await tx.$queryRawUnsafe<Record<string, unknown>[]>(text(q), ...values(params))).map((r) => fromPrismaRow<T>(r, q.shape)));
  return {
    all,
    get: async <T>(q: HotQuery, params: readonly unknown[]) => (await all<T>(q, params))[0],
    run: (q: HotQuery, params: readonly unknown[]) => after(() => tx.$executeRawUnsafe(text(q), ...values(params))),
    queue: (q: HotQuery, params: readonly unknown[]) => {
      queued = queued.then(() => (failure ? undefined : tx.$executeRawUnsafe(text(q), ...values(params)))).catch((e: unknown) => (failure ??= { error: e }));
    },
    insert: (table, columns, rows) =>
      after(() =>
        insertMany(tx, table, columns, sqlite ? rows.map((r) => Object.fromEntries(columns.map((c) => [c, typeof r[c] === "boolean" ? Number(r[c]) : r[c]])) as typeof r) : rows),
      ),
    settle,
  };
}

/**
 * Runs `work` on a Prisma transaction of this root client as a HotTx (the client's hot writer
 * knows its dialect), and waits for the writes it queued before the transaction goes on.
 */
export async function withPrismaHotTx<T>(db: Db, tx: Tx, work: (hot: HotTx) => Promise<T>): Promise<T> {
  const hot = prismaHotTx(tx, hotWriter(db).dialect);
  const result = await work(hot);
  await hot.settle();
  return result;
}

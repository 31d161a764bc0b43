// An interactive transaction on PostgreSQL is one pooled `pg.Client`, and Prisma 6.19's query
// interpreter loads a query's relations (an `include` of two relations, a nested create) with
// `Promise.all`: their queries reach that one client at once. pg 8 still queues them but prints
// "Calling client.query() when the client is already executing a query is deprecated", and pg 9
// refuses them. Upstream: prisma/orm#29468 (open). This wrapper runs a transaction's queries one
// after another, in the order they were issued; queries outside a transaction use the pool, where
// each gets its own connection, and are left alone. test/db/pg-serialized.test.ts shows the case.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

/** Runs the work it is given one at a time, first come first served; a failure doesn't stop the line. */
function inTurn(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

function serialTransaction(tx: Transaction): Transaction {
  const next = inTurn();
  return {
    get options() {
      return tx.options;
    },
    provider: tx.provider,
    adapterName: tx.adapterName,
    queryRaw: (q: SqlQuery) => next(() => tx.queryRaw(q)),
    executeRaw: (q: SqlQuery) => next(() => tx.executeRaw(q)),
    commit: () => next(() => tx.commit()),
    rollback: () => next(() => tx.rollback()),
  };
}

function serialTransactions(inner: SqlDriverAdapter): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (q) => inner.queryRaw(q),
    executeRaw: (q) => inner.executeRaw(q),
    executeScript: (s) => inner.executeScript(s),
    startTransaction: async (isolationLevel) => serialTransaction(await inner.startTransaction(isolationLevel)),
    getConnectionInfo: inner.getConnectionInfo?.bind(inner),
    dispose: () => inner.dispose(),
  };
}

export function serializedPgTransactions(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialTransactions(await factory.connect()),
  };
}

// better-sqlite3 gives Prisma one connection. Prisma's adapter serializes transactions on it, but
// a query outside a transaction still runs on that connection while another request's
// transaction is open — inside that transaction. If the transaction then rolls back, the outside
// write is rolled back with it: lost. (Seen with @prisma/adapter-better-sqlite3 6.19.3; see
// test/db/sqlite-concurrency.test.ts.) This wrapper makes every top-level query wait while a
// transaction is open, so each statement belongs to the transaction that issued it.
//
// Code inside `$transaction(async (tx) => ...)` must use `tx`: a top-level query there would wait
// for the transaction it is part of. The lock gives up after LOCK_TIMEOUT_MS with a clear error
// instead of hanging.
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  Transaction,
} from "@prisma/driver-adapter-utils";

const LOCK_TIMEOUT_MS = 30_000;

/**
 * A FIFO async lock: the one SQLite connection's turn. Prisma's adapter (below) and the hot writes'
 * own connection (hot-writer.ts) share one, so a write of either never runs while the other's
 * transaction is open.
 */
export class Lock {
  #tail: Promise<void> = Promise.resolve();

  async acquire(): Promise<() => void> {
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    const before = this.#tail;
    this.#tail = before.then(() => mine);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error("SQLite: waited too long for an open transaction (is a top-level query running inside $transaction?)")),
        LOCK_TIMEOUT_MS,
      );
      timer.unref();
    });
    try {
      await Promise.race([before, timeout]);
    } catch (e) {
      // Give our turn away once it comes, so the queue keeps moving.
      void before.then(release);
      throw e;
    } finally {
      clearTimeout(timer);
    }
    let released = false;
    return () => {
      if (!released) {
        released = true;
        release();
      }
    };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

function serializedTransaction(tx: Transaction, release: () => void): Transaction {
  return {
    get options() {
      return tx.options;
    },
    provider: tx.provider,
    adapterName: tx.adapterName,
    queryRaw: (q: SqlQuery) => tx.queryRaw(q),
    executeRaw: (q: SqlQuery) => tx.executeRaw(q),
    commit: () => tx.commit().finally(release),
    rollback: () => tx.rollback().finally(release),
  };
}

/**
 * The adapter opens transactions with a deferred BEGIN: the first read takes a snapshot, and a
 * write after it fails at once with SQLITE_BUSY_SNAPSHOT when another process (a second console on
 * the same file) committed in between — the busy timeout cannot help. Seen with two consoles
 * starting together (test/endpoint/two-consoles.test.ts). A write as the transaction's first
 * statement makes it BEGIN IMMEDIATE: it waits for the write lock (busy timeout) and then reads
 * the latest data. In this process transactions already run one at a time, so nothing waits more.
 * The no-op touches the migrations table, which every database the console opens has.
 */
async function takeWriteLock(tx: Transaction): Promise<void> {
  try {
    await tx.executeRaw({ sql: 'UPDATE "_prisma_migrations" SET "id" = "id" WHERE 0', args: [], argTypes: [] });
  } catch (e) {
    if (!/no such table/.test(String((e as { cause?: { originalMessage?: string } }).cause?.originalMessage ?? e))) {
      await tx.rollback().catch(() => undefined);
      throw e;
    }
  }
}

function serializedAdapter(inner: SqlDriverAdapter, lock: Lock): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (q) => lock.run(() => inner.queryRaw(q)),
    executeRaw: (q) => lock.run(() => inner.executeRaw(q)),
    executeScript: (s) => lock.run(() => inner.executeScript(s)),
    async startTransaction(isolationLevel?: IsolationLevel) {
      const release = await lock.acquire();
      try {
        const tx = await inner.startTransaction(isolationLevel);
        await takeWriteLock(tx);
        return serializedTransaction(tx, release);
      } catch (e) {
        release();
        throw e;
      }
    },
    getConnectionInfo: inner.getConnectionInfo?.bind(inner),
    dispose: () => inner.dispose(),
  };
}

export function serializedSqlite(factory: SqlDriverAdapterFactory, lock = new Lock()): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      // The database runs in WAL mode (lib/db/migrate.ts). There, synchronous=NORMAL still never
      // corrupts the file and loses nothing when the process crashes or is killed; only a power
      // loss or OS crash may roll back the last commits. FULL (the default) instead waits for an
      // fsync on every commit, which made every write — an engine tick, a StartIncident — wait
      // for the disk.
      await adapter.executeScript("PRAGMA synchronous = NORMAL");
      return serializedAdapter(adapter, lock);
    },
  };
}

// pg's pipeline mode (node-postgres.com, "Pipelining"; pg ≥ 8.21): a connection sends a statement
// without waiting for the answer to the one before; the server answers in order. Two uses here:
//   - the hot writer's transactions (hot-writer.ts) send the writes nobody waits for ahead of the
//     next read or the commit, so they share its round trip;
//   - point reads (hot-reader.ts: a row by its key, answered in microseconds) share a few
//     connections of their own, so the reads of many requests at once leave in one socket write
//     and come back in few reads, instead of a write, a read and a server wake-up each.
// Measured on the 2-core machine, 16 callers, one prepared SELECT by key: 24–26k reads/s at
// ~40 µs of the console's CPU each through the pool, 34–54k at 20–29 µs on one or two shared
// pipelined connections.
import pg from "pg";

type Corkable = { cork?(): void; uncork?(): void };

const corked = new WeakSet<object>();

/**
 * What the connection sends from now to the end of this turn of the event loop leaves in one
 * socket write. pg corks the socket around each statement's messages; holding it corked across
 * statements makes one write of them all, and wakes the server once rather than per statement.
 */
export function batchThisTurn(connection: pg.Client | pg.PoolClient): void {
  const stream = (connection as unknown as { connection?: { stream?: Corkable } }).connection?.stream;
  if (!stream?.cork || !stream.uncork || corked.has(stream)) return;
  stream.cork();
  corked.add(stream);
  process.nextTick(() => {
    corked.delete(stream);
    stream.uncork!();
  });
}

/** Turns pipeline mode on or off: a client property, read each time the client sends. */
export function setPipelined(client: pg.Client | pg.PoolClient, on: boolean): void {
  (client as unknown as { pipeline: boolean }).pipeline = on;
}

/**
 * A few connections in pipeline mode, beside the pool, for statements that are each answered in
 * microseconds: a slow statement here would hold up every one sent after it on its connection.
 * A connection that fails is dropped (the statements on it fail, as on a pool's connection) and
 * replaced on next use.
 */
export class SharedPipelinedConnections {
  readonly #slots: (Promise<pg.Client> | undefined)[];
  #next = 0;
  #ended = false;

  constructor(
    private readonly config: pg.ClientConfig,
    size: number,
  ) {
    this.#slots = Array.from({ length: size }, () => undefined);
  }

  #connect(slot: number): Promise<pg.Client> {
    const client = new pg.Client({ ...this.config, pipeline: true } as pg.ClientConfig);
    const drop = () => {
      if (this.#slots[slot] === connecting) this.#slots[slot] = undefined;
    };
    // Without a listener a dropped connection's "error" would end the process.
    client.on("error", (e) => {
      drop();
      if (!this.#ended) console.error("[db] shared PostgreSQL connection failed:", e.message);
    });
    client.on("end", drop);
    const connecting = client.connect().then(
      () => client,
      (e: unknown) => {
        drop();
        throw e;
      },
    );
    this.#slots[slot] = connecting;
    return connecting;
  }

  async query(config: pg.QueryConfig): Promise<pg.QueryResult> {
    if (this.#ended) throw new Error("The database client was disconnected");
    const slot = this.#next++ % this.#slots.length;
    const client = await (this.#slots[slot] ?? this.#connect(slot));
    batchThisTurn(client);
    return client.query(config);
  }

  async end(): Promise<void> {
    this.#ended = true;
    const open = this.#slots.splice(0).filter((c): c is Promise<pg.Client> => c !== undefined);
    await Promise.all(open.map((c) => c.then((client) => client.end(), () => undefined)));
  }
}

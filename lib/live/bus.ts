// The process's live-event bus: an in-process fan-out, and — when the database is PostgreSQL — a
// LISTEN/NOTIFY bridge, so a change made through one console instance reaches the streams of every
// other instance sharing the database. SQLite is one process's file: in-process is all there is.
import { EventEmitter } from "node:events";
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { LiveEvent } from "./events";

export const LIVE_CHANNEL = "im_live";

export interface LiveBus {
  publish(event: LiveEvent): void;
  /** Calls `listener` for every event, from this process or (PostgreSQL) any other; returns an unsubscribe. */
  subscribe(listener: (event: LiveEvent) => void): () => void;
  close(): Promise<void>;
}

/** Events within one process only. */
export function memoryBus(): LiveBus & { emit(event: LiveEvent): void } {
  const emitter = new EventEmitter();
  // Every open console tab is a listener: no leak warning at a few dozen.
  emitter.setMaxListeners(0);
  return {
    emit: (event) => emitter.emit("event", event),
    publish: (event) => emitter.emit("event", event),
    subscribe(listener) {
      emitter.on("event", listener);
      return () => emitter.off("event", listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}

type Envelope = { origin: string; event: LiveEvent };

/**
 * Events shared through PostgreSQL's LISTEN/NOTIFY on one dedicated connection (opened on first
 * use, reopened after a failure). A notification is delivered to every listening session,
 * including this one: the origin id keeps an instance from delivering its own event twice.
 * Delivery is best effort — a console that misses an event still shows fresh data on its next
 * fetch — so a broken connection is logged, never thrown at the caller.
 */
export function postgresBus(url: string, options: { retryMs?: number } = {}): LiveBus {
  const origin = randomUUID();
  const local = memoryBus();
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client | undefined> | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let sending: Promise<void> = Promise.resolve();

  const connect = (): Promise<pg.Client | undefined> => {
    if (client) return Promise.resolve(client);
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url });
      try {
        await c.connect();
        c.on("notification", (n) => {
          if (n.channel !== LIVE_CHANNEL || !n.payload) return;
          try {
            const envelope = JSON.parse(n.payload) as Envelope;
            if (envelope.origin !== origin) local.emit(envelope.event);
          } catch {
            // Not ours: ignore.
          }
        });
        c.on("error", (e) => {
          console.error("[live] the PostgreSQL connection failed; reconnecting", e.message);
          if (client === c) client = undefined;
          void c.end().catch(() => undefined);
          scheduleReconnect();
        });
        await c.query(`LISTEN ${LIVE_CHANNEL}`);
        if (closed) {
          await c.end();
          return undefined;
        }
        client = c;
        return c;
      } catch (e) {
        console.error("[live] couldn't listen on PostgreSQL; events stay in this process for now", (e as Error).message);
        void c.end().catch(() => undefined);
        scheduleReconnect();
        return undefined;
      } finally {
        connecting = undefined;
      }
    })();
    return connecting;
  };

  const scheduleReconnect = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, options.retryMs ?? 2000);
    retry.unref();
  };

  return {
    publish(event) {
      local.emit(event);
      // Closed (the server is stopping): no new connection just to share one last event.
      if (closed) return;
      // One query at a time on the connection (pg 9 will refuse overlapping ones), in order.
      sending = sending.then(async () => {
        const c = await connect();
        if (!c) return;
        try {
          await c.query("SELECT pg_notify($1, $2)", [LIVE_CHANNEL, JSON.stringify({ origin, event } satisfies Envelope)]);
        } catch (e) {
          console.error("[live] couldn't share an event through PostgreSQL", (e as Error).message);
        }
      });
    },
    subscribe(listener) {
      void connect();
      return local.subscribe(listener);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await connecting;
      await sending;
      await client?.end().catch(() => undefined);
      client = undefined;
      await local.close();
    },
  };
}

// One console's /api/live stream, and the bounds on it: so many streams per user in this process,
// so much queued for a reader that stopped reading, and a session checked again while it lasts.
// The route (app/api/live) wires the session and the bus in; nothing here knows of either.
import type { LiveEvent } from "./events";

/** Open streams per user in one process: the 11th tab polls instead (components/live). */
export const MAX_STREAMS_PER_USER = 10;
/** What a stream may hold for a reader that doesn't read: some thousands of events, never more. */
export const MAX_QUEUED_BYTES = 1024 * 1024;
export const HEARTBEAT_MS = 15_000;

export type StreamSlots = {
  /** A slot for one more stream of `userId`, or undefined when it has `max` open. The release is idempotent. */
  acquire(userId: string): (() => void) | undefined;
  /** How many streams `userId` has open. */
  count(userId: string): number;
};

export function streamSlots(max = MAX_STREAMS_PER_USER): StreamSlots {
  const open = new Map<string, number>();
  return {
    acquire(userId) {
      const n = open.get(userId) ?? 0;
      if (n >= max) return undefined;
      open.set(userId, n + 1);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const left = (open.get(userId) ?? 1) - 1;
        if (left > 0) open.set(userId, left);
        else open.delete(userId);
      };
    },
    count: (userId) => open.get(userId) ?? 0,
  };
}

/** Why a stream ended: the reader went away, fell too far behind, or its session no longer holds. */
export type StreamEnd = "closed" | "slow" | "session";

export type LiveStreamOptions = {
  subscribe(listener: (event: LiveEvent) => void): () => void;
  /** Asked every `recheckMs` while the stream is open; false (or a failure) ends it. */
  recheck(): Promise<boolean>;
  recheckMs: number;
  heartbeatMs?: number;
  maxQueuedBytes?: number;
  /** The request's: the stream ends when the client goes away. */
  signal?: AbortSignal;
  /** Called once, when the stream ends for whatever reason. */
  onEnd?(why: StreamEnd): void;
};

/**
 * A server-sent events stream of the bus's events. Its queue is counted in bytes: a reader that
 * stops reading (a paused socket) makes it grow, and past `maxQueuedBytes` the stream is dropped —
 * errored, which discards what it held — instead of buffering every later event.
 */
export function liveStream(options: LiveStreamOptions): ReadableStream<Uint8Array> {
  const { recheckMs, heartbeatMs = HEARTBEAT_MS, maxQueuedBytes = MAX_QUEUED_BYTES, signal } = options;
  const encoder = new TextEncoder();
  let end: (why: StreamEnd) => void = () => {};
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        let ended = false;
        let unsubscribe = () => {};
        const timers: ReturnType<typeof setInterval>[] = [];
        end = (why) => {
          if (ended) return;
          ended = true;
          timers.forEach(clearInterval);
          unsubscribe();
          try {
            // An AbortError, as for a client that went away: Next.js then ends the response
            // (destroying the socket) without logging a failed pipe.
            if (why === "slow") controller.error(new DOMException("the reader fell too far behind", "AbortError"));
            else controller.close();
          } catch {
            // Already closed or cancelled.
          }
          options.onEnd?.(why);
        };
        const send = (text: string) => {
          if (ended) return;
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            end("closed");
            return;
          }
          if ((controller.desiredSize ?? 0) < 0) end("slow");
        };
        if (signal?.aborted) return end("closed");
        signal?.addEventListener("abort", () => end("closed"), { once: true });
        // Tells the browser how soon to reconnect after a drop, and that the stream is open.
        send(`retry: 2000\n: connected\n\n`);
        if (ended) return;
        unsubscribe = options.subscribe((event) => send(`data: ${JSON.stringify(event)}\n\n`));
        timers.push(setInterval(() => send(`: heartbeat\n\n`), heartbeatMs));
        let checking = false;
        const recheck = () => {
          if (checking) return;
          checking = true;
          options
            .recheck()
            .catch(() => false) // Fails closed: the browser reconnects, and the check on open decides.
            .then((ok) => {
              checking = false;
              if (!ok) end("session");
            });
        };
        timers.push(setInterval(recheck, recheckMs));
      },
      cancel() {
        end("closed");
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: maxQueuedBytes }),
  );
}

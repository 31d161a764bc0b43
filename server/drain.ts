// The HTTP half of a clean stop (README "Operating"): stop accepting, let the requests in flight
// finish within a bound, and tell keep-alive clients not to send more on a connection that is
// about to close. Event streams (/api/live) never finish on their own: they are ended at once, and
// the browser's EventSource reconnects — to another instance, or to this one once it is back.
import type { Server, ServerResponse } from "node:http";

export type Drain = {
  /** Requests answered or still open when the stop began (for the log line). */
  inFlight(): number;
  /**
   * Stops accepting connections, closes idle keep-alive ones, ends event streams, and resolves
   * once every request in flight has been answered — or after `timeoutMs`, cutting the rest off.
   */
  drain(timeoutMs: number): Promise<{ answered: number; cut: number; streams: number }>;
};

const isEventStream = (res: ServerResponse) => String(res.getHeader("content-type") ?? "").startsWith("text/event-stream");

/** Asks the client to open a new connection for its next request: this one closes after the answer. */
function lastOnConnection(res: ServerResponse) {
  if (!res.headersSent) res.setHeader("connection", "close");
}

export function drainable(server: Server): Drain {
  const open = new Set<ServerResponse>();
  let stopping = false;
  let settled: (() => void) | undefined;

  server.on("request", (_req, res) => {
    open.add(res);
    if (stopping) lastOnConnection(res);
    res.once("close", () => {
      open.delete(res);
      if (!stopping) return;
      // A response whose headers went out before the stop said keep-alive: its connection is idle now.
      server.closeIdleConnections();
      if (open.size === 0) settled?.();
    });
  });

  return {
    inFlight: () => open.size,
    async drain(timeoutMs) {
      stopping = true;
      // No new connections; Node also closes the idle keep-alive ones here.
      server.close();
      server.closeIdleConnections();
      const before = open.size;
      let streams = 0;
      for (const res of open) {
        lastOnConnection(res);
        if (isEventStream(res)) {
          streams++;
          // The route's own writer may still try a heartbeat before it sees the close: ignore it.
          res.on("error", () => undefined);
          res.end();
        }
      }
      if (open.size) {
        await new Promise<void>((resolve) => {
          settled = resolve;
          setTimeout(resolve, timeoutMs).unref();
        });
      }
      const cut = open.size;
      if (cut) server.closeAllConnections();
      return { answered: before - cut, cut, streams };
    },
  };
}

// The HTTP half of a clean stop (README "Operating"): stop accepting, let the requests in flight
// finish within a bound, and tell keep-alive clients not to send more on a connection that is
// about to close. Event streams (/api/live) never finish on their own: they are ended at once, and
// the browser's EventSource reconnects — to another instance, or to this one once it is back.
//
// Node's own server.close() also destroys every connection without a request in progress: one
// accepted a moment ago whose first request is still on its way, or a keep-alive one whose client
// is sending its next request just now — that client would see a reset for a request it had
// already sent. So the listener is closed with net.Server's close, and a connection without a
// request in progress gets IDLE_GRACE_MS to send one (answered, with "Connection: close") before
// it is closed.
import type { Server, ServerResponse } from "node:http";
import { Server as NetServer, type Socket } from "node:net";

const IDLE_GRACE_MS = 1_000;

export type Drain = {
  /** Requests in progress now. */
  inFlight(): number;
  /**
   * Stops accepting connections, ends event streams, and resolves once every request in flight
   * has been answered and every connection closed — or after `timeoutMs`, cutting the rest off.
   */
  drain(timeoutMs: number): Promise<{ answered: number; cut: number; streams: number }>;
};

const isEventStream = (res: ServerResponse) => String(res.getHeader("content-type") ?? "").startsWith("text/event-stream");

/** Asks the client to open a new connection for its next request: this one closes after the answer. */
function lastOnConnection(res: ServerResponse) {
  if (!res.headersSent) res.setHeader("connection", "close");
}

/** Requests in progress on a connection; while stopping, the timer that closes it once idle. */
type Connection = { socket: Socket; open: number; idle?: NodeJS.Timeout };

export function drainable(server: Server): Drain {
  const connections = new Map<Socket, Connection>();
  const responses = new Set<ServerResponse>();
  let stopping = false;
  let settled: (() => void) | undefined;
  const closeWhenIdle = (conn: Connection) => {
    conn.idle = setTimeout(() => conn.open === 0 && conn.socket.destroy(), IDLE_GRACE_MS);
  };
  const check = () => {
    if (stopping && connections.size === 0) settled?.();
  };

  server.on("connection", (socket: Socket) => {
    connections.set(socket, { socket, open: 0 });
    socket.once("close", () => {
      connections.delete(socket);
      check();
    });
  });
  // Before the server's own handler, so "Connection: close" is set before it can write its headers.
  server.prependListener("request", (req, res) => {
    const conn = connections.get(req.socket);
    if (conn) {
      conn.open++;
      clearTimeout(conn.idle);
    }
    responses.add(res);
    if (stopping) lastOnConnection(res);
    res.once("close", () => {
      responses.delete(res);
      if (conn) conn.open--;
      // Its headers may have gone out before the stop, saying keep-alive: give the client the grace.
      if (stopping && conn?.open === 0) closeWhenIdle(conn);
    });
  });

  return {
    inFlight: () => responses.size,
    async drain(timeoutMs) {
      stopping = true;
      NetServer.prototype.close.call(server);
      const before = responses.size;
      let streams = 0;
      for (const res of responses) {
        lastOnConnection(res);
        if (isEventStream(res)) {
          streams++;
          // The route's own writer may still try a heartbeat before it sees the close: ignore it.
          res.on("error", () => undefined);
          res.end();
        }
      }
      for (const conn of connections.values()) if (conn.open === 0) closeWhenIdle(conn);
      if (connections.size) {
        await new Promise<void>((resolve) => {
          settled = resolve;
          setTimeout(resolve, timeoutMs).unref();
        });
      }
      const cut = responses.size;
      for (const conn of connections.values()) conn.socket.destroy();
      return { answered: before - cut, cut, streams };
    },
  };
}

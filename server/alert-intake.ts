// POST /api/integrations/<id> and POST /v2/enqueue on plain node:http: the alert intake
// (lib/console/alerts/http.ts) without Next's per-request work, so the answer is the delivery's
// one INSERT transaction and little else (issue 15: intake p95 ≤ 50 ms under a storm). `next dev`
// serves the same handler through app/api/integrations/[id] and app/v2/enqueue.
//
// The body is read with a hard cap: a Content-Length past 1 MiB is answered 413 before anything is
// read, and a body that passes it while streaming (chunked) is answered 413 as soon as it does; the
// rest is never read into memory, and the connection is closed after the answer.
import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLarge, intakeTargetOf, processIntakeHandler, SenderGone, type IntakeHandler, type IntakeTarget } from "@/lib/console/alerts/http";

/** The intake a request URL is for (path only; the query may carry the token), or undefined. */
export function alertIntakeFor(url: string | undefined): IntakeTarget | undefined {
  if (!url) return undefined;
  const q = url.indexOf("?");
  return intakeTargetOf(q < 0 ? url : url.slice(0, q));
}

/** How long a refused upload may keep sending (discarded) before its connection is cut. */
const REFUSED_UPLOAD_GRACE_MS = 2_000;

function readCapped(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onGone);
      req.off("close", onGone);
      outcome();
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limit) {
        chunks.length = 0;
        // Stop here: nothing more is read into memory (the answer closes the connection).
        req.pause();
        finish(() => reject(new BodyTooLarge(limit)));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(() => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total)));
    const onGone = () => finish(() => reject(new SenderGone()));
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onGone);
    req.once("close", onGone);
  });
}

export type AlertIntake = (target: IntakeTarget, req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Answers alert deliveries from the process's intake (or a given one, in tests). */
export function alertIntake(handler: IntakeHandler = processIntakeHandler()): AlertIntake {
  return async (target, req, res) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const response = await handler({
      method: req.method ?? "GET",
      target,
      search: q < 0 ? "" : url.slice(q + 1),
      header: (name) => {
        const v = req.headers[name];
        return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
      },
      readBody: (limit) => readCapped(req, limit),
    });
    if (res.destroyed) return;
    const headers: Record<string, string | number> = { ...response.headers, "content-length": Buffer.byteLength(response.body) };
    if (response.closeConnection) headers.connection = "close";
    res.writeHead(response.status, headers);
    res.end(req.method === "HEAD" ? undefined : response.body);
    if (response.closeConnection && !req.complete) {
      // Discard (never keep) what the sender still has in flight for a moment, so that it reads
      // the 413 rather than a reset connection; then cut it off.
      req.on("data", () => undefined);
      req.resume();
      setTimeout(() => req.socket.destroy(), REFUSED_UPLOAD_GRACE_MS).unref();
    }
  };
}

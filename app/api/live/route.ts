// GET /api/live: a server-sent events stream of what changes (lib/live), for signed-in consoles.
// Each event says only which operation changed which resource; the console refetches what it
// shows. A comment line every 15 s keeps proxies from closing an idle stream. In aws mode there is
// nothing to stream: the answer says so and the console polls instead. Bounded (lib/live/stream):
// at most 10 streams per user (the next gets 429 and its console polls), a reader that stops
// reading is dropped, and the session is checked again every IM_LIVE_RECHECK_MS (a minute).
import { requireLastingPermission } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { isImError } from "@/lib/im/errors";
import { liveBus, liveStream, liveStreamSlots } from "@/lib/live";

export const dynamic = "force-dynamic";

/** How soon a console turned away for too many streams tries again (components/live polls meanwhile). */
const RETRY_AFTER_S = 60;

export async function GET(req: Request) {
  let session;
  try {
    session = await requireLastingPermission("incidents.read");
  } catch (e) {
    if (isImError(e)) return Response.json({ name: e.code, message: e.message }, { status: e.status });
    throw e;
  }
  if (config().backend !== "local") {
    return Response.json({ name: "LiveUnavailable", message: "aws mode has no change stream: poll instead" }, { status: 404 });
  }
  const release = liveStreamSlots().acquire(session.user.id);
  if (!release) {
    return Response.json(
      { name: "TooManyStreams", message: "You have too many live streams open: this console polls for changes instead" },
      { status: 429, headers: { "Retry-After": String(RETRY_AFTER_S) } },
    );
  }
  const stream = liveStream({
    subscribe: (listener) => liveBus().subscribe(listener),
    recheck: session.stillAllowed,
    recheckMs: config().liveRecheckMs,
    signal: req.signal,
    onEnd(why) {
      release();
      if (why === "slow") console.warn(`[live] dropped a stream of user ${session.user.id}: its reader stopped reading`);
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}

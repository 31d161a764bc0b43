// GET /api/live: a server-sent events stream of what changes (lib/live), for signed-in consoles.
// Each event says only which operation changed which resource; the console refetches what it
// shows. A comment line every 15 s keeps proxies from closing an idle stream. In aws mode there is
// nothing to stream: the answer says so and the console polls instead.
import { requirePermission } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { isImError } from "@/lib/im/errors";
import { liveBus, type LiveEvent } from "@/lib/live";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;

export async function GET(req: Request) {
  try {
    await requirePermission("incidents.read");
  } catch (e) {
    if (isImError(e)) return Response.json({ name: e.code, message: e.message }, { status: e.status });
    throw e;
  }
  if (config().backend !== "local") {
    return Response.json({ name: "LiveUnavailable", message: "aws mode has no change stream: poll instead" }, { status: 404 });
  }

  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      // Tells the browser how soon to reconnect after a drop, and that the stream is open.
      send(`retry: 2000\n: connected\n\n`);
      const unsubscribe = liveBus().subscribe((event: LiveEvent) => send(`data: ${JSON.stringify(event)}\n\n`));
      const heartbeat = setInterval(() => send(`: heartbeat\n\n`), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        cleanup = () => {};
        try {
          controller.close();
        } catch {
          // Already closed.
        }
      };
      req.signal.addEventListener("abort", () => cleanup());
    },
    cancel() {
      cleanup();
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

// GET /api/health: the backend in use and whether the database answers. Public (no session), so
// it says only that: why the database failed (host names, user names, driver messages) goes to
// the server's log, never to whoever asks.
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

/** One log line per failure streak, not one per probe (a load balancer asks every few seconds). */
let failing = false;

export async function GET() {
  const cfg = config();
  let ok: boolean;
  try {
    await db().$queryRawUnsafe("SELECT 1");
    ok = true;
    if (failing) console.log("[health] the database answers again");
    failing = false;
  } catch (e) {
    ok = false;
    if (!failing) console.error("[health] the database does not answer", e);
    failing = true;
  }
  // Always 200: the body says whether the database answers, so a probe can tell the two apart.
  return Response.json({ status: ok ? "ok" : "degraded", backend: cfg.backend, database: { ok, provider: cfg.databaseProvider } });
}

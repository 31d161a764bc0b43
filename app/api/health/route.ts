// GET /api/health: the backend in use and whether the database answers. Public (no session).
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  const cfg = config();
  let database: { ok: boolean; provider: string; error?: string };
  try {
    await db().$queryRawUnsafe("SELECT 1");
    database = { ok: true, provider: cfg.databaseProvider };
  } catch (e) {
    database = { ok: false, provider: cfg.databaseProvider, error: e instanceof Error ? e.message.split("\n")[0] : "unreachable" };
  }
  // Always 200: the body says whether the database answers, so a probe can tell the two apart.
  return Response.json({ status: database.ok ? "ok" : "degraded", backend: cfg.backend, database });
}

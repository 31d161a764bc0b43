// POST /api/integrations/<id>: an alert integration's ingestion URL (issue 15), authenticated by the
// integration's token (Authorization: Bearer or ?token=), not by a session — the auth proxy lets it
// through (proxy.ts). The production server answers this path itself (server/alert-intake.ts);
// this route serves the same handler under `next dev`. Every other method is a 405.
import { answerIntakeRequest } from "@/lib/console/alerts/http";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

export const POST = answerIntakeRequest;
export const GET = answerIntakeRequest;
export const HEAD = answerIntakeRequest;
export const PUT = answerIntakeRequest;
export const PATCH = answerIntakeRequest;
export const DELETE = answerIntakeRequest;
export const OPTIONS = answerIntakeRequest;

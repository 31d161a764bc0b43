// POST /v2/enqueue: the PagerDuty Events API v2-compatible intake (issue 15), so a tool that pages
// PagerDuty pages this console with only the URL changed; the event's routing_key is a PagerDuty
// integration's token, and the answers are PagerDuty's. Outside /api on purpose (PagerDuty's own
// path), and let through the auth proxy (proxy.ts). The production server answers this path
// itself (server/alert-intake.ts); this route serves the same handler under `next dev`.
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

// GET /api/incidents/engagements?arn=: the incident's engagements, pages and receipts.
import type { NextRequest } from "next/server";
import { listIncidentEngagements } from "@/lib/console/engagements/queries";
import { toResponse } from "@/lib/console/core/http";

export async function GET(req: NextRequest) {
  const arn = req.nextUrl.searchParams.get("arn");
  if (!arn) return Response.json({ name: "ValidationException", message: "Give the incident's arn." }, { status: 400 });
  return toResponse(await listIncidentEngagements(arn));
}

// GET /api/alerts/groups?incident=: the alert groups behind an incident (its Alerts tab).
import type { NextRequest } from "next/server";
import { listIncidentAlertGroups } from "@/lib/console/alerts/queries";
import { toResponse } from "@/lib/console/core/http";

export async function GET(req: NextRequest) {
  const arn = req.nextUrl.searchParams.get("incident");
  if (!arn || arn.length > 1000) return Response.json({ name: "ValidationException", message: "Give the incident's arn." }, { status: 400 });
  return toResponse(await listIncidentAlertGroups(arn));
}

// GET /api/incidents/tags?arn=...: an incident's tags, sorted by key.
import type { NextRequest } from "next/server";
import { toResponse } from "@/lib/console/core/http";
import { getIncidentTags } from "@/lib/console/incidents/queries";

export async function GET(req: NextRequest) {
  const arn = req.nextUrl.searchParams.get("arn");
  if (!arn) return Response.json({ name: "ValidationException", message: "The arn query parameter is required." }, { status: 400 });
  return toResponse(await getIncidentTags(arn));
}

// GET /api/incidents/timeline?arn=...: every timeline event of an incident, oldest first.
import type { NextRequest } from "next/server";
import { toResponse } from "@/lib/console/core/http";
import { getTimeline } from "@/lib/console/timeline/queries";

export async function GET(req: NextRequest) {
  const arn = req.nextUrl.searchParams.get("arn");
  if (!arn) return Response.json({ name: "ValidationException", message: "The arn query parameter is required." }, { status: 400 });
  return toResponse(await getTimeline(arn));
}

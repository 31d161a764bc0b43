// GET /api/incidents/runbook?arn=: the response plan's automation and the incident's executions.
import type { NextRequest } from "next/server";
import { toResponse } from "@/lib/console/core/http";
import { getRunbook } from "@/lib/console/incidents/queries";

export async function GET(req: NextRequest) {
  const arn = req.nextUrl.searchParams.get("arn");
  if (!arn) return Response.json({ name: "ValidationException", message: "Give the incident's arn." }, { status: 400 });
  return toResponse(await getRunbook(arn));
}

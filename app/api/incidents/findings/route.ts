// GET /api/incidents/findings?arn=: an incident's findings (the Findings tab).
import type { NextRequest } from "next/server";
import { toResponse } from "@/lib/console/core/http";
import { listFindings } from "@/lib/console/findings/queries";

export async function GET(req: NextRequest) {
  const arn = req.nextUrl.searchParams.get("arn");
  if (!arn) return Response.json({ name: "ValidationException", message: "Give the incident's arn." }, { status: 400 });
  return toResponse(await listFindings(arn));
}

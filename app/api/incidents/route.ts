// GET /api/incidents?status=OPEN|RESOLVED&nextToken=...: a page of incidents (the list polls it).
import type { NextRequest } from "next/server";
import { listIncidents, parseIncidentStatus } from "@/lib/queries/incidents";
import { toResponse } from "@/lib/queries/http";

export async function GET(req: NextRequest) {
  const params = req.nextUrl.searchParams;
  return toResponse(await listIncidents({ status: parseIncidentStatus(params.get("status")), nextToken: params.get("nextToken") ?? undefined }));
}

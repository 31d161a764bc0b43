// GET /api/incidents?status=&impact=&createdBy=&since=&q=&nextToken=: a page of incidents (the list polls it).
import type { NextRequest } from "next/server";
import { parseIncidentListFilter } from "@/lib/console/incidents/filters";
import { listIncidents } from "@/lib/console/incidents/queries";
import { toResponse } from "@/lib/console/core/http";

export async function GET(req: NextRequest) {
  const params = req.nextUrl.searchParams;
  return toResponse(await listIncidents(parseIncidentListFilter(params), params.get("nextToken") ?? undefined));
}

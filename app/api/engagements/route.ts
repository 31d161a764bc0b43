// GET /api/engagements?incident=&range=&from=&to=&nextToken=: one page of the Engagements list.
import type { NextRequest } from "next/server";
import { parseEngagementListFilter } from "@/lib/queries/engagement-filters";
import { listEngagementsPage } from "@/lib/queries/engagement-list";
import { toResponse } from "@/lib/queries/http";

export async function GET(req: NextRequest) {
  const params = req.nextUrl.searchParams;
  return toResponse(await listEngagementsPage(parseEngagementListFilter(params), params.get("nextToken") ?? undefined));
}

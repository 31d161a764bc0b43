// GET /api/engagements?incident=&range=&from=&to=&nextToken=: one page of the Engagements list.
import type { NextRequest } from "next/server";
import { parseEngagementListFilter } from "@/lib/console/engagements/filters";
import { listEngagementsPage } from "@/lib/console/engagements/queries";
import { toResponse } from "@/lib/console/core/http";

export async function GET(req: NextRequest) {
  const params = req.nextUrl.searchParams;
  return toResponse(await listEngagementsPage(parseEngagementListFilter(params), params.get("nextToken") ?? undefined));
}

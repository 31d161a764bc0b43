// GET /api/alerts?integration=&status=&outcome=&since=&from=&to=&group=&cursor=: a page of received alerts (the Alerts page).
import type { NextRequest } from "next/server";
import { parseAlertFilter } from "@/lib/console/alerts/filters";
import { listAlerts } from "@/lib/console/alerts/queries";
import { toResponse } from "@/lib/console/core/http";

export async function GET(req: NextRequest) {
  const params = req.nextUrl.searchParams;
  return toResponse(await listAlerts(parseAlertFilter(params), params.get("cursor") || undefined));
}

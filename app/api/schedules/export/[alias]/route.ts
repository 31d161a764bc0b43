// GET /api/schedules/export/<alias>?from=&to=: every shift of one schedule as CSV (on-call pay).
import type { NextRequest } from "next/server";
import { csvResponse } from "@/lib/console/schedules/feeds/http";
import { exportScheduleShifts } from "@/lib/console/schedules/feeds/queries";

export async function GET(req: NextRequest, { params }: { params: Promise<{ alias: string }> }) {
  const { alias } = await params;
  const q = req.nextUrl.searchParams;
  return csvResponse(await exportScheduleShifts(alias, q.get("from"), q.get("to")), `${alias}-shifts-${q.get("from")}-${q.get("to")}.csv`);
}

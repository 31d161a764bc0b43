// GET /api/schedules/export/mine?from=&to=: the signed-in user's shifts as CSV (on-call pay).
import type { NextRequest } from "next/server";
import { csvResponse } from "@/lib/console/schedules/feeds/http";
import { exportMyShifts } from "@/lib/console/schedules/feeds/queries";

export async function GET(req: NextRequest) {
  const q = req.nextUrl.searchParams;
  return csvResponse(await exportMyShifts(q.get("from"), q.get("to")), `my-shifts-${q.get("from")}-${q.get("to")}.csv`);
}

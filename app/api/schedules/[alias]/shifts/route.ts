// GET /api/schedules/<alias>/shifts?from=<ISO>&to=<ISO>: the calendar's shifts and overrides of a
// schedule's rotations in a range, each override with who made it.
import type { NextRequest } from "next/server";
import { toResponse } from "@/lib/console/core/http";
import { scheduleCalendar } from "@/lib/console/schedules/queries";

export async function GET(req: NextRequest, { params }: { params: Promise<{ alias: string }> }) {
  const { alias } = await params;
  const search = req.nextUrl.searchParams;
  return toResponse(await scheduleCalendar(decodeURIComponent(alias), search.get("from"), search.get("to")));
}

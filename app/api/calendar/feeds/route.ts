// GET /api/calendar/feeds[?schedule=<alias>]: the signed-in user's calendar feeds — of their own
// shifts, or of one schedule. (Feeds themselves are /api/calendar/<token>.ics.)
import type { NextRequest } from "next/server";
import { toResponse } from "@/lib/console/core/http";
import { listMyFeeds, listScheduleFeeds } from "@/lib/console/schedules/feeds/queries";

export async function GET(req: NextRequest) {
  const schedule = req.nextUrl.searchParams.get("schedule");
  return toResponse(await (schedule ? listScheduleFeeds(schedule) : listMyFeeds()));
}

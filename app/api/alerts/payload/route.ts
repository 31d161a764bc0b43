// GET /api/alerts/payload?id=: one alert's raw payload, pretty-printed (an Alerts page row, opened).
import type { NextRequest } from "next/server";
import { getAlertPayload } from "@/lib/console/alerts/queries";
import { toResponse } from "@/lib/console/core/http";

export async function GET(req: NextRequest) {
  const id = req.nextUrl.searchParams.get("id");
  if (!id || id.length > 64) return Response.json({ name: "ValidationException", message: "Give the alert's id." }, { status: 400 });
  return toResponse(await getAlertPayload(id));
}

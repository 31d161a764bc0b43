// GET /api/response-plans[?include=template]: the plans (with their incident templates).
import type { NextRequest } from "next/server";
import { toResponse } from "@/lib/console/core/http";
import { listResponsePlanOptions, listResponsePlans } from "@/lib/console/response-plans/queries";

export async function GET(req: NextRequest) {
  const withTemplate = req.nextUrl.searchParams.get("include") === "template";
  return toResponse(await (withTemplate ? listResponsePlanOptions() : listResponsePlans()));
}

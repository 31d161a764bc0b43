// GET /api/response-plans[?include=template]: the plans (with their incident templates).
import type { NextRequest } from "next/server";
import { toResponse } from "@/lib/queries/http";
import { listResponsePlanOptions, listResponsePlans } from "@/lib/queries/response-plans";

export async function GET(req: NextRequest) {
  const withTemplate = req.nextUrl.searchParams.get("include") === "template";
  return toResponse(await (withTemplate ? listResponsePlanOptions() : listResponsePlans()));
}

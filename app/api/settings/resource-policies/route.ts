// GET /api/settings/resource-policies?arn=<response plan ARN>: the plan's resource policies (admins only).
import type { NextRequest } from "next/server";
import { toResponse } from "@/lib/console/core/http";
import { listResourcePolicyRows } from "@/lib/console/settings/queries";

export async function GET(req: NextRequest) {
  const arn = req.nextUrl.searchParams.get("arn");
  if (!arn) return Response.json({ name: "ValidationException", message: "The arn query parameter is required." }, { status: 400 });
  return toResponse(await listResourcePolicyRows(arn));
}

// GET /api/incidents/related-items?arn=: an incident's related items.
import type { NextRequest } from "next/server";
import { toResponse } from "@/lib/console/core/http";
import { listRelatedItems } from "@/lib/console/related-items/queries";

export async function GET(req: NextRequest) {
  const arn = req.nextUrl.searchParams.get("arn");
  if (!arn) return Response.json({ name: "ValidationException", message: "Give the incident's arn." }, { status: 400 });
  return toResponse(await listRelatedItems(arn));
}

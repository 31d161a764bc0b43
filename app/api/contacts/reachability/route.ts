// GET /api/contacts/reachability?arn=…&arn=…: which of these contacts (or escalation plans' contacts) can't be reached.
import type { NextRequest } from "next/server";
import { reachWarnings } from "@/lib/console/contacts/reachability";
import { toResponse } from "@/lib/console/core/http";

export async function GET(req: NextRequest) {
  return toResponse(await reachWarnings(req.nextUrl.searchParams.getAll("arn").filter(Boolean)));
}

// GET /api/pages[?nextToken=]: the pages addressed to the signed-in user's contact.
import type { NextRequest } from "next/server";
import { toResponse } from "@/lib/console/core/http";
import { listMyPages } from "@/lib/console/pages/queries";

export async function GET(req: NextRequest) {
  return toResponse(await listMyPages(req.nextUrl.searchParams.get("nextToken") ?? undefined));
}

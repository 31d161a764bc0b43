// GET /api/contacts?aliasPrefix=&type=PERSONAL|ESCALATION&nextToken=...: a page of contacts.
import type { NextRequest } from "next/server";
import { listContacts, parseContactType } from "@/lib/queries/contacts";
import { toResponse } from "@/lib/queries/http";

export async function GET(req: NextRequest) {
  const params = req.nextUrl.searchParams;
  return toResponse(
    await listContacts({
      aliasPrefix: params.get("aliasPrefix") ?? undefined,
      type: parseContactType(params.get("type")),
      nextToken: params.get("nextToken") ?? undefined,
    }),
  );
}

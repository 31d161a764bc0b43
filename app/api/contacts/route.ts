// GET /api/contacts?aliasPrefix=&type=PERSONAL|ESCALATION&nextToken=...: a page of contacts.
import type { NextRequest } from "next/server";
import { listContacts, parseContactType } from "@/lib/console/contacts/queries";
import { toResponse } from "@/lib/console/core/http";

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

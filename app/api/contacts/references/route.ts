// GET /api/contacts/references?arn=...: the escalation and response plans that engage a contact.
import type { NextRequest } from "next/server";
import { contactReferences } from "@/lib/console/contacts/queries";
import { toResponse } from "@/lib/console/core/http";

export async function GET(req: NextRequest) {
  const arn = req.nextUrl.searchParams.get("arn");
  if (!arn) return Response.json({ name: "ValidationException", message: "arn is required" }, { status: 400 });
  return toResponse(await contactReferences(arn));
}

// GET /api/contacts/references?arn=...: the escalation and response plans that engage a contact.
import type { NextRequest } from "next/server";
import { contactReferences } from "@/lib/queries/contacts";
import { toResponse } from "@/lib/queries/http";

export async function GET(req: NextRequest) {
  const arn = req.nextUrl.searchParams.get("arn");
  if (!arn) return Response.json({ name: "ValidationException", message: "arn is required" }, { status: 400 });
  return toResponse(await contactReferences(arn));
}

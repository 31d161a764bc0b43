// GET /api/contacts: contacts and escalation plans, for pickers.
import { toResponse } from "@/lib/queries/http";
import { listContactOptions } from "@/lib/queries/contacts";

export async function GET() {
  return toResponse(await listContactOptions());
}

// GET /api/contacts/options: contacts and escalation plans, for pickers.
import { toResponse } from "@/lib/queries/http";
import { listContactOptions } from "@/lib/queries/contact-options";

export async function GET() {
  return toResponse(await listContactOptions());
}

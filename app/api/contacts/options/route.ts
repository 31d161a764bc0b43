// GET /api/contacts/options: contacts and escalation plans, for pickers.
import { toResponse } from "@/lib/console/core/http";
import { listContactOptions } from "@/lib/console/contacts/queries";

export async function GET() {
  return toResponse(await listContactOptions());
}

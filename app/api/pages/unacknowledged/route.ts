// GET /api/pages/unacknowledged: how many of the signed-in user's pages wait for an acknowledgement.
import { toResponse } from "@/lib/console/core/http";
import { countMyUnacknowledgedPages } from "@/lib/console/pages/queries";

export async function GET() {
  return toResponse(await countMyUnacknowledgedPages());
}

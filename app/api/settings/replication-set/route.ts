// GET /api/settings/replication-set: the account's replication set, or null (admins only).
import { toResponse } from "@/lib/console/core/http";
import { getReplicationSetView } from "@/lib/console/settings/queries";

export async function GET() {
  return toResponse(await getReplicationSetView());
}

// GET /api/settings/replication-set: the account's replication set, or null (admins only).
import { toResponse } from "@/lib/queries/http";
import { getReplicationSetView } from "@/lib/queries/settings";

export async function GET() {
  return toResponse(await getReplicationSetView());
}

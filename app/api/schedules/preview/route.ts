// GET /api/schedules/preview?rotation=<the rotation form's values as JSON>&from=<ISO>&days=<n>:
// the shifts an unsaved rotation would make (the builder's live preview).
import { toResponse } from "@/lib/console/core/http";
import { previewRotation } from "@/lib/console/schedules/builder/queries";

export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const bad = (message: string) => Response.json({ name: "ValidationException", message }, { status: 400 });
  let rotation: unknown;
  try {
    rotation = JSON.parse(params.get("rotation") ?? "");
  } catch {
    return bad("rotation must be the rotation's form values as JSON");
  }
  const from = params.has("from") ? new Date(params.get("from")!) : new Date();
  if (Number.isNaN(from.getTime())) return bad("from must be an ISO date and time");
  const days = Number(params.get("days") ?? 28);
  return toResponse(await previewRotation(rotation, from, days));
}

// The export routes' answer: the CSV as a download, or the error as every GET route gives it.
import "server-only";
import { toResponse } from "@/lib/console/core/http";
import type { ActionResult } from "@/lib/console/core/result";

export function csvResponse(result: ActionResult<string>, filename: string): Response {
  if (!result.ok) return toResponse(result);
  return new Response(result.data, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "no-store",
    },
  });
}

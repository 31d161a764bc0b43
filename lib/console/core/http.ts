// GET route handlers answer with a console read's result: the data, or the error with its status.
import "server-only";
import type { ActionResult } from "@/lib/console/core/result";
import { ERROR_STATUS, type ImErrorName } from "@/lib/im/errors";

export function toResponse<T>(result: ActionResult<T>): Response {
  if (result.ok) return Response.json(result.data, { headers: { "Cache-Control": "no-store" } });
  const status = ERROR_STATUS[result.error.name as ImErrorName] ?? 500;
  return Response.json(result.error, { status, headers: { "Cache-Control": "no-store" } });
}

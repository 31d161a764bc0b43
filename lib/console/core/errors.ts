// Client side of the GET route handlers (lib/queries/http.ts): JSON, or the error they answered.
import type { ActionError } from "@/lib/console/core/result";

/** A failed console read, carrying the AWS exception name the route handler answered with. */
export class ReadError extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
    this.name = error.name;
  }
}

export async function readJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    throw new ReadError(
      body && typeof body.name === "string" ? body : { name: "InternalServerException", message: `The console answered ${res.status}.` },
    );
  }
  return body as T;
}

// The client side of the console's errors, for every component: a failed read (the GET route
// handlers of lib/console/core/http.ts), a failed server action, and what either shows.
// Client-safe: types only from the server side.
import type { ActionError, ActionResult } from "@/lib/console/core/result";

/** What a failed request (network, server restart) shows: nothing the user did is wrong. */
export const NETWORK_ERROR: ActionError = { name: "NetworkError", message: "The console could not be reached. Check your connection and try again." };

/**
 * A failed read or a refused action, carrying the AWS exception name the console answered with:
 * what react-query's error channel holds for a query (readJson) or a mutation (unwrap).
 */
export class ConsoleError extends Error {
  constructor(readonly error: ActionError) {
    super(error.message);
    this.name = error.name;
  }
}

export async function readJson<T>(url: string): Promise<T> {
  const res = await fetch(url, { headers: { Accept: "application/json" }, cache: "no-store" });
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    throw new ConsoleError(
      body && typeof body.name === "string" ? body : { name: "InternalServerException", message: `The console answered ${res.status}.` },
    );
  }
  return body as T;
}

/** Runs a server action; a request that never got an answer becomes NETWORK_ERROR, so callers handle one result. */
export async function settle<T>(call: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await call();
  } catch {
    return { ok: false, error: NETWORK_ERROR };
  }
}

/** Runs a server action for a react-query mutation: its data, or a ConsoleError to roll back on. */
export async function unwrap<T>(call: () => Promise<ActionResult<T>>): Promise<T> {
  const result = await settle(call);
  if (!result.ok) throw new ConsoleError(result.error);
  return result.data;
}

/** What to show for an error value (a query's or a mutation's error, a caught exception); null for none. */
export function errorOf(e: Error): ActionError;
export function errorOf(e: unknown): ActionError | null;
export function errorOf(e: unknown): ActionError | null {
  if (e == null) return null;
  if (e instanceof ConsoleError) return e.error;
  // Anything else never reached the console (fetch itself failed): its message, under a plain
  // "Error" rather than a JavaScript class name such as TypeError.
  if (e instanceof Error) return { name: "Error", message: e.message };
  return { name: "Error", message: "Something went wrong. Try again." };
}

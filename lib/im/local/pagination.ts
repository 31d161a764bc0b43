// Opaque list cursors. A cursor names the last row returned by its sort key and id, so rows
// inserted while a caller pages never shift or repeat what the next page returns.
import { ImError } from "../errors";

/** The last row's sort key, its id, and (timeline events) its seq, which orders rows of one key. */
export type Cursor = { k: string | number; id: string; s?: number };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), "utf8").toString("base64url");
}

export function decodeCursor(token: string | undefined): Cursor | undefined {
  if (token === undefined || token === "") return undefined;
  try {
    const c = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Cursor;
    if ((typeof c.k === "string" || typeof c.k === "number") && typeof c.id === "string" && (c.s === undefined || Number.isSafeInteger(c.s))) return c;
  } catch {}
  throw invalidToken();
}

export function invalidToken(): ImError {
  return new ImError("ValidationException", "The nextToken is not valid: pass a nextToken returned by a previous call of this operation", {
    reason: "FIELD_VALIDATION_FAILED",
    fields: [{ name: "nextToken", message: "Invalid pagination token" }],
  });
}

/** Splits a page of `limit + 1` rows into the rows to return and the next cursor. */
export function page<T extends { id: string }>(rows: T[], limit: number, key: (row: T) => string | number, seq?: (row: T) => number) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  const cursor = last && { k: key(last), id: last.id, ...(seq ? { s: seq(last) } : {}) };
  return { items, nextToken: more && cursor ? encodeCursor(cursor) : undefined };
}

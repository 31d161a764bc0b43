// Secret URL tokens (calendar feeds, alert integrations): 256 random bits, shown once, kept only as
// their SHA-256. A fast hash is right here, unlike for passwords: a token that long can't be
// guessed, so there is nothing for a slow hash to slow down, and the hash is what a unique index
// looks up (a salted or sealed value could not be found by index). A copy of the database opens
// nothing.
import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** 32 random bytes in base64url: 43 characters of [A-Za-z0-9_-]. */
export const BEARER_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newBearerToken(): string {
  return randomBytes(32).toString("base64url");
}

/** The stored form: SHA-256, hex. */
export function bearerTokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Compares a presented token's hash with a stored one in constant time. */
export function sameTokenHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

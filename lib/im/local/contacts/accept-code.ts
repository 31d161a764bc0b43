// A page's accept code: six digits (AcceptCode: "a 6-digit code used to acknowledge the page"),
// quoted in every message of the page, so a responder can acknowledge by replying or by typing it
// in the console. AcceptPage with AcceptCodeValidation ENFORCE compares against the hash the page
// keeps, bound to the page's id so one code never fits another page.
import { createHash, randomInt, timingSafeEqual } from "node:crypto";

export function newAcceptCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0");
}

export function hashAcceptCode(pageId: string, code: string): string {
  return createHash("sha256").update(`${pageId}:${code}`).digest("hex");
}

export function acceptCodeMatches(pageId: string, code: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(hashAcceptCode(pageId, code), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return given.length === stored.length && timingSafeEqual(given, stored);
}

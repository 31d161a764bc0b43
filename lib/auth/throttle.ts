// Sign-in throttling per (e-mail, client address): a few tries free, then each failure doubles the
// wait before the next attempt, up to a minute. Never a lock: an attacker guessing the on-call
// admin's password from elsewhere slows down only themselves, and the admin, signing in from their
// own address, is not kept out. Kept in the database, so every console instance counts together.
//
// Written here rather than with rate-limiter-flexible: its SQLite and PostgreSQL stores want their
// own raw driver connections and create their own tables, outside the schema and migrations the
// console keeps for both databases; one table and a compare-and-set on it is all this needs.
import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";

/** Failures that cost nothing: a mistyped password or two. */
export const FREE_FAILURES = 3;
export const MAX_DELAY_SECONDS = 60;
/** Failures older than this are forgotten. */
const FORGET_AFTER_MS = 60 * 60_000;

/** The wait after the `failures`-th failure in a row: 0, 0, 0, 1, 2, 4, … 60 s. */
export function delaySeconds(failures: number): number {
  return failures <= FREE_FAILURES ? 0 : Math.min(2 ** (failures - FREE_FAILURES - 1), MAX_DELAY_SECONDS);
}

/** Hashed: the table says nothing of who tried from where. */
export function throttleKey(email: string, client: string): string {
  return createHash("sha256").update(`${email.trim().toLowerCase()}\n${client}`).digest("hex");
}

export type Attempt = { allowed: true; succeeded(): Promise<void> } | { allowed: false; retryAfterSeconds: number };

/**
 * Claims one attempt for `key`, counted as a failure until `succeeded()` says otherwise, so that
 * concurrent guesses can't all slip in before the first failure is recorded: each claim is a
 * compare-and-set on the failure count, and one that loses the race reads the count again (a
 * second tab signing in at the same moment gets the next free try; a burst of guesses soon
 * reaches the counts that wait).
 */
export async function claimAttempt(db: Db, key: string, now = new Date()): Promise<Attempt> {
  for (let tries = 0; tries < 5; tries++) {
    const row = await db.signInThrottle.findUnique({ where: { key } });
    if (row && row.blockedUntil.getTime() > now.getTime()) {
      return { allowed: false, retryAfterSeconds: Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000) };
    }
    const previous = row && now.getTime() - row.updatedAt.getTime() < FORGET_AFTER_MS ? row.failures : 0;
    const failures = previous + 1;
    const data = { failures, blockedUntil: new Date(now.getTime() + delaySeconds(failures) * 1000), updatedAt: now };
    let claimed: boolean;
    if (!row) {
      try {
        await db.signInThrottle.create({ data: { key, ...data }, select: { key: true } });
        claimed = true;
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        claimed = false;
      }
    } else {
      claimed = (await db.signInThrottle.updateMany({ where: { key, failures: row.failures, updatedAt: row.updatedAt }, data })).count > 0;
    }
    if (claimed) {
      return {
        allowed: true,
        succeeded: async () => {
          await db.signInThrottle.deleteMany({ where: { key } });
        },
      };
    }
  }
  return { allowed: false, retryAfterSeconds: 1 };
}

/**
 * The client's address: the one the console's server saw (server/main.ts passes it on as
 * x-im-remote-address, after dropping any a client sent), or — behind a proxy IM_TRUST_PROXY says
 * to believe — the last X-Forwarded-For entry, the one that proxy appended.
 */
export function clientAddress(headers: Record<string, string | string[] | undefined>, trustProxy: boolean): string {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(",") : v);
  if (trustProxy) {
    const forwarded = one(headers["x-forwarded-for"])?.split(",").map((s) => s.trim()).filter(Boolean);
    if (forwarded?.length) return forwarded[forwarded.length - 1];
  }
  return one(headers["x-im-remote-address"]) || "unknown";
}

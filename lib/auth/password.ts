// Password hashing with scrypt from Node's crypto (memory-hard, no native add-on to build), at
// OWASP's current cost for scrypt: N=2^17, r=8, p=1 (128 MiB and a few hundred ms per hash).
// Hashes keep their parameters, so older, cheaper ones still verify and are rehashed at the
// next successful sign-in (lib/auth/options.ts).
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number, options: object) => Promise<Buffer>;
const KEYLEN = 64;
const R = 8;
const P = 1;
/** log2 of OWASP's N. */
const DEFAULT_LOG2_N = 17;

let warned = false;

/**
 * The N new hashes get. IM_PASSWORD_SCRYPT_LOG2N lowers it for test runs only (a browser suite
 * signs in hundreds of times); anything under OWASP's cost is said at start-up.
 */
export function currentCost(): { N: number; r: number; p: number } {
  const raw = process.env.IM_PASSWORD_SCRYPT_LOG2N?.trim();
  const log2 = raw && /^\d+$/.test(raw) && Number(raw) >= 4 && Number(raw) <= 20 ? Number(raw) : DEFAULT_LOG2_N;
  if (log2 < DEFAULT_LOG2_N && !warned) {
    warned = true;
    console.warn(`[auth] IM_PASSWORD_SCRYPT_LOG2N=${log2}: passwords are hashed below OWASP's cost (2^${DEFAULT_LOG2_N}); for tests only`);
  }
  return { N: 2 ** log2, r: R, p: P };
}

/** Node refuses scrypt above `maxmem` (32 MiB by default); scrypt needs 128·N·r bytes. */
const maxmem = (N: number, r: number) => 128 * N * r + 16 * 1024 * 1024;

/** `scrypt$N$r$p$salt$hash`, all parameters kept so they can be raised later. */
export async function hashPassword(password: string, cost = currentCost()): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, KEYLEN, { ...cost, maxmem: maxmem(cost.N, cost.r) });
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64"), hash.toString("base64")].join("$");
}

/** Whether `stored` was hashed at a lower cost than new hashes get (rehash it at sign-in). */
export function needsRehash(stored: string): boolean {
  const [kind, n, r, p] = stored.split("$");
  const cost = currentCost();
  return kind !== "scrypt" || Number(n) < cost.N || Number(r) < cost.r || Number(p) < cost.p;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [kind, n, r, p, salt, hash] = stored.split("$");
  if (kind !== "scrypt" || !salt || !hash) return false;
  const N = Number(n);
  const R_ = Number(r);
  // A stored hash can't make the server spend more than twice OWASP's memory.
  if (!Number.isInteger(N) || !Number.isInteger(R_) || N < 2 || 128 * N * R_ > 256 * 1024 * 1024) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scrypt(password, Buffer.from(salt, "base64"), expected.length, { N, r: R_, p: Number(p), maxmem: maxmem(N, R_) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

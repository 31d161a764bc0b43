// The key that signs session cookies (JWTs). NEXTAUTH_SECRET wins; for local use a random secret
// is generated on first run into <IM_DATA_DIR>/nextauth-secret (mode 0600), so sessions survive
// restarts without any set-up. Read by the next-auth options and by proxy.ts: both must agree.
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDir } from "@/lib/config";

let cached: string | undefined;

function readSecret(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8").trim() || undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

function readOrCreate(file: string): string {
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Write a private temporary file, then link it into place: link() fails if another process
  // (a second instance, or proxy.ts and the auth route in one server) won the race, and a reader
  // never sees a half-written file.
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}`;
  writeFileSync(tmp, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  try {
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  } finally {
    unlinkSync(tmp);
  }
  const secret = readSecret(file);
  if (!secret) throw new Error(`${file} is empty: delete it or set NEXTAUTH_SECRET`);
  return secret;
}

/** The session signing secret (computed once per process, never at build time). */
export function authSecret(): string {
  cached ??= process.env.NEXTAUTH_SECRET?.trim() || readOrCreate(path.join(dataDir(), "nextauth-secret"));
  return cached;
}

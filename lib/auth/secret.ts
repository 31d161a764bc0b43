// The key that signs session cookies (JWTs). NEXTAUTH_SECRET wins; for local use a random secret
// is generated on first run into <IM_DATA_DIR>/nextauth-secret (mode 0600), so sessions survive
// restarts without any set-up. Read by the next-auth options and by proxy.ts: both must agree.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { dataDir } from "@/lib/config";
import { readOrCreateKeyFile } from "@/lib/secrets/server-key";

let cached: string | undefined;

function readOrCreate(file: string): string {
  const secret = readOrCreateKeyFile(file, () => [randomBytes(32).toString("base64url")])?.[0];
  if (!secret) throw new Error(`${file} is empty: delete it or set NEXTAUTH_SECRET`);
  return secret;
}

/** The session signing secret (computed once per process, never at build time). */
export function authSecret(): string {
  cached ??= process.env.NEXTAUTH_SECRET?.trim() || readOrCreate(path.join(dataDir(), "nextauth-secret"));
  return cached;
}

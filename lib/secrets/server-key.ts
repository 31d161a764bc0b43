// The server's secret key: what the console keeps but must not be usable as stored — API keys'
// signing keys — is sealed with it (AES-256-GCM from node:crypto), and activation codes are
// hashed with a key derived from it. It lives outside the database: IM_SECRET_KEY (32 bytes,
// base64 or hex; required with PostgreSQL, where every instance must share it), or else a file
// generated on first use next to the session secret, <IM_DATA_DIR>/secret-key (mode 0600).
//
// Rotation: the current key seals; older keys still open what they sealed. In the file the first
// line is the current key and the lines after it older ones; with the environment,
// IM_SECRET_KEY_PREVIOUS lists older keys (comma-separated). `npm run secrets:rotate` makes a new
// current key (file) or takes the new IM_SECRET_KEY, and seals everything again under it
// (lib/bootstrap/rotate-secret-key.ts).
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { config, ConfigError, dataDir } from "@/lib/config";

export type ServerKeys = { current: Buffer; previous: Buffer[] };

const KEY_BYTES = 32;
const VERSION = "v1";

function parseKey(text: string, where: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (key.length !== KEY_BYTES) throw new ConfigError(`${where} must be ${KEY_BYTES} bytes, base64 or hex (e.g. \`openssl rand -base64 32\`)`);
  return key;
}

export const newKeyText = () => randomBytes(KEY_BYTES).toString("base64");

export function keyFile(dir = dataDir()): string {
  return path.join(dir, "secret-key");
}

/**
 * Writes the key file (the current key's line first, older keys after it) private (0600) and
 * atomically: a reader never sees half of it. `replace`: renamed over what is there. Otherwise
 * linked into place, which fails if another process (a second instance starting at the same
 * moment) wrote it first — the winner's content is the one both use.
 */
export function writeKeyFile(file: string, lines: string[], replace: boolean): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString("hex")}`;
  writeFileSync(tmp, `${lines.join("\n")}\n`, { mode: 0o600, flag: "wx" });
  if (replace) {
    renameSync(tmp, file);
    return;
  }
  try {
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  } finally {
    unlinkSync(tmp);
  }
}

export function readKeyFile(file: string): string[] | undefined {
  try {
    const lines = readFileSync(file, "utf8").split("\n").map((l) => l.trim()).filter(Boolean);
    return lines.length ? lines : undefined;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

/**
 * The lines of a private secret file, made with `make()` on first use (writeKeyFile: two processes
 * starting together both end up with the first one's). The session secret's file uses it too.
 */
export function readOrCreateKeyFile(file: string, make: () => string[]): string[] | undefined {
  const lines = readKeyFile(file);
  if (lines) return lines;
  writeKeyFile(file, make(), false);
  return readKeyFile(file);
}

/** The keys from the environment, or the data directory's file (created on first use). */
export function loadServerKeys(env: Partial<NodeJS.ProcessEnv> = process.env, postgres = config().databaseProvider === "postgresql"): ServerKeys {
  const fromEnv = env.IM_SECRET_KEY?.trim();
  if (fromEnv) {
    const previous = (env.IM_SECRET_KEY_PREVIOUS ?? "").split(",").filter((s) => s.trim()).map((s) => parseKey(s, "IM_SECRET_KEY_PREVIOUS"));
    return { current: parseKey(fromEnv, "IM_SECRET_KEY"), previous };
  }
  if (postgres) {
    throw new ConfigError("IM_SECRET_KEY is required with PostgreSQL: every console instance must share it (e.g. `openssl rand -base64 32`)");
  }
  const file = keyFile(dataDir(env as NodeJS.ProcessEnv));
  const lines = readOrCreateKeyFile(file, () => [newKeyText()]);
  if (!lines) throw new Error(`${file} is empty: delete it (API keys sealed with it stop working) or set IM_SECRET_KEY`);
  return { current: parseKey(lines[0], file), previous: lines.slice(1).map((l) => parseKey(l, file)) };
}

const globalForKeys = globalThis as unknown as { imServerKeys?: ServerKeys };

/** The process's keys (read once). */
export function serverKeys(): ServerKeys {
  globalForKeys.imServerKeys ??= loadServerKeys();
  return globalForKeys.imServerKeys;
}

/** Forgets the process's keys (after a rotation, and in tests). */
export function resetServerKeys(): void {
  globalForKeys.imServerKeys = undefined;
}

const keyId = (key: Buffer) => createHash("sha256").update(key).digest("hex").slice(0, 8);

/** `v1.<key id>.<iv>.<ciphertext>.<tag>`; `context` (the row's id) must be the same to open it. */
export function seal(plaintext: Buffer, context: string, keys: ServerKeys = serverKeys()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.current, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [VERSION, keyId(keys.current), iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export function isSealed(value: string): boolean {
  return value.startsWith(`${VERSION}.`);
}

/** Whether `sealed` was sealed with the current key (a rotation seals the others again). */
export function sealedWithCurrent(sealed: string, keys: ServerKeys = serverKeys()): boolean {
  return sealed.split(".")[1] === keyId(keys.current);
}

/** The plaintext, or null when it was not sealed by any of our keys for this context, or was changed. */
export function unseal(sealed: string, context: string, keys: ServerKeys = serverKeys()): Buffer | null {
  const [version, id, iv, body, tag] = sealed.split(".");
  if (version !== VERSION || !iv || !body || !tag) return null;
  const key = [keys.current, ...keys.previous].find((k) => keyId(k) === id);
  if (!key) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(context, "utf8"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
  } catch {
    return null;
  }
}

/** A keyed hash for short secrets (activation codes): without the key, guessing them offline is useless. */
export function keyedHash(purpose: string, value: string, keys: ServerKeys = serverKeys()): string {
  const subkey = createHmac("sha256", keys.current).update(`im:${purpose}`).digest();
  return createHmac("sha256", subkey).update(value).digest("hex");
}

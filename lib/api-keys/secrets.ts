// Access key material. The secret is shown once and never stored. Verifying a signature needs
// SHA-256("AWS4" + secret), the key HMAC actually uses for the first SigV4 derivation step,
// because "AWS4" + a 64-character secret is longer than SHA-256's 64-byte block (RFC 2104 §2:
// such keys are hashed first): HMAC(hash, m) == HMAC("AWS4" + secret, m). That hash is as good as
// the secret for signing, so the database keeps it sealed with the server's key (lib/secrets),
// bound to the key's id: someone who reads the database or a backup can't sign with it.
import { createHash, randomBytes, randomInt } from "node:crypto";
import { isSealed, seal, unseal, type ServerKeys } from "@/lib/secrets/server-key";

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
// 64 symbols, so one random byte masked to 6 bits picks one without bias.
const SECRET_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+";

export const SECRET_LENGTH = 64;
/** SHA-256's block size: keys longer than this are hashed by HMAC, which is what makes hashing at rest work. */
const HMAC_BLOCK_BYTES = 64;

/** `AKIA` + 16 uppercase letters and digits, as AWS access key ids look. */
export function generateAccessKeyId(): string {
  let id = "AKIA";
  for (let i = 0; i < 16; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

export function generateSecretAccessKey(): string {
  const bytes = randomBytes(SECRET_LENGTH);
  let secret = "";
  for (const b of bytes) secret += SECRET_ALPHABET[b & 63];
  return secret;
}

/** hex(SHA-256("AWS4" + secret)): the stored form of a secret. */
export function signingKeyHash(secretAccessKey: string): string {
  const key = Buffer.from(`AWS4${secretAccessKey}`, "utf8");
  // A shorter key would be zero-padded by HMAC, not hashed, and the stored hash would not verify.
  if (key.byteLength <= HMAC_BLOCK_BYTES) {
    throw new Error(`a hashed signing key needs a secret longer than ${HMAC_BLOCK_BYTES - 4} bytes`);
  }
  return createHash("sha256").update(key).digest("hex");
}

/** The stored form of a signing key hash: sealed with the server's key for this access key id. */
export function sealSigningKey(hashHex: string, accessKeyId: string, keys?: ServerKeys): string {
  return seal(Buffer.from(hashHex, "hex"), `api-key:${accessKeyId}`, keys);
}

/**
 * The signing key hash a stored value holds: opened with the server's keys, or — a key stored
 * before sealing, until start-up seals it (lib/api-keys/seal-keys.ts) — the bare hex hash.
 * Null when it can't be opened (another server key, or tampered).
 */
export function openSigningKey(stored: string, accessKeyId: string, keys?: ServerKeys): Uint8Array | null {
  if (isSealed(stored)) {
    const hash = unseal(stored, `api-key:${accessKeyId}`, keys);
    return hash && hash.length === 32 ? new Uint8Array(hash) : null;
  }
  return /^[0-9a-f]{64}$/i.test(stored) ? Uint8Array.from(Buffer.from(stored, "hex")) : null;
}

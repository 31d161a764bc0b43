// Access key material. The secret is shown once and never stored: what the database keeps is
// SHA-256("AWS4" + secret), the key HMAC actually uses for the first SigV4 derivation step,
// because "AWS4" + a 64-character secret is longer than SHA-256's 64-byte block (RFC 2104 §2:
// such keys are hashed first). So HMAC(hash, m) == HMAC("AWS4" + secret, m), a signature can be
// verified, and the secret cannot be recovered from the database.
import { createHash, randomBytes, randomInt } from "node:crypto";

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

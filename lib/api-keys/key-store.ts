// Where the SigV4 verifier looks up access keys: the database's issued keys (hashed signing keys)
// and the bootstrap key from the environment (its raw secret, held in memory only).
import "server-only";
import { isRole, type Role } from "@/lib/auth/permissions";
import type { Config } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { touchLastUsed } from "./touch-last-used";

/** How a key's signatures are verified: from its secret, or from SHA-256("AWS4" + secret). */
export type SigningSecret =
  | { kind: "secret"; secretAccessKey: string }
  | { kind: "hashed"; signingKeyHash: Uint8Array };

export type ApiKeyCredential = {
  accessKeyId: string;
  /** The principal name the key acts as (what createdBy records). */
  name: string;
  role: Role | null;
  signing: SigningSecret;
  revoked: boolean;
};

export type KeyStore = {
  find(accessKeyId: string): Promise<ApiKeyCredential | null>;
  /** Records a successful use; failures here must not fail the request. */
  touch(accessKeyId: string, at: Date): Promise<void>;
};

export type BootstrapKey = { accessKeyId: string; secretAccessKey: string };

export const BOOTSTRAP_KEY_NAME = "bootstrap";

/** The bootstrap key from IM_API_ACCESS_KEY_ID / IM_API_SECRET_ACCESS_KEY, when both are set. */
export function bootstrapKey(cfg: Pick<Config, "apiAccessKeyId" | "apiSecretAccessKey">): BootstrapKey | undefined {
  if (!cfg.apiAccessKeyId || !cfg.apiSecretAccessKey) return undefined;
  return { accessKeyId: cfg.apiAccessKeyId, secretAccessKey: cfg.apiSecretAccessKey };
}

/** Within this long of its last recorded use, a key's use is not written again by this process. */
const TOUCH_MEMORY_MS = 60_000;

export function dbKeyStore(db: Db, options: { bootstrap?: BootstrapKey } = {}): KeyStore {
  const { bootstrap } = options;
  // Even an UPDATE that matches no row takes SQLite's write lock; remembering recent touches here
  // keeps a burst of API calls from queueing behind one another for bookkeeping.
  const touchedAt = new Map<string, number>();
  return {
    async find(accessKeyId) {
      if (bootstrap && accessKeyId === bootstrap.accessKeyId) {
        return {
          accessKeyId,
          name: BOOTSTRAP_KEY_NAME,
          role: "admin",
          signing: { kind: "secret", secretAccessKey: bootstrap.secretAccessKey },
          revoked: false,
        };
      }
      const row = await db.apiKey.findUnique({
        where: { accessKeyId },
        select: { accessKeyId: true, name: true, role: true, signingKeyHash: true, revokedAt: true },
      });
      // A malformed stored hash can verify nothing: treat the key as unknown rather than guess.
      if (!row || !/^[0-9a-f]{64}$/i.test(row.signingKeyHash)) return null;
      return {
        accessKeyId: row.accessKeyId,
        name: row.name,
        role: isRole(row.role) ? row.role : null,
        signing: { kind: "hashed", signingKeyHash: Uint8Array.from(Buffer.from(row.signingKeyHash, "hex")) },
        revoked: row.revokedAt !== null,
      };
    },
    async touch(accessKeyId, at) {
      if (bootstrap && accessKeyId === bootstrap.accessKeyId) return;
      const last = touchedAt.get(accessKeyId);
      if (last !== undefined && Math.abs(at.getTime() - last) < TOUCH_MEMORY_MS) return;
      if (touchedAt.size > 10_000) touchedAt.clear();
      touchedAt.set(accessKeyId, at.getTime());
      await touchLastUsed(db, accessKeyId, at);
    },
  };
}

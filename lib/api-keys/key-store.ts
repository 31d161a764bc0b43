// Where the SigV4 verifier looks up access keys: the database's issued keys (hashed signing keys)
// and the bootstrap key from the environment (its raw secret, held in memory only).
import "server-only";
import { isRole, type Role } from "@/lib/auth/permissions";
import type { Config } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { hotQuery, hotReader } from "@/lib/db/hot-reader";
import { openSigningKey } from "./secrets";
import { touchLastUsed } from "./touch-last-used";

/** How a key's signatures are verified: from its secret, or from SHA-256("AWS4" + secret). */
export type SigningSecret =
  | { kind: "secret"; secretAccessKey: string }
  | { kind: "hashed"; signingKeyHash: Uint8Array };

export type ApiKeyCredential = {
  accessKeyId: string;
  /** The principal name the key acts as (what createdBy records): its owner's e-mail. */
  name: string;
  /** The key's role, never more than its owner's. */
  role: Role | null;
  signing: SigningSecret;
  revoked: boolean;
  /** Why a key that verifies may still do nothing (revoked, or its owner deactivated or gone). */
  disabled?: string;
};

export type KeyStore = {
  find(accessKeyId: string): Promise<ApiKeyCredential | null>;
  /** Records a successful use; failures here must not fail the request. */
  touch(accessKeyId: string, at: Date): Promise<void>;
};

/** `actsAs`: the principal the bootstrap key acts as — the first admin's e-mail when configured. */
export type BootstrapKey = { accessKeyId: string; secretAccessKey: string; actsAs?: string };

export const BOOTSTRAP_KEY_NAME = "bootstrap";

/** The bootstrap key from IM_API_ACCESS_KEY_ID / IM_API_SECRET_ACCESS_KEY, when both are set. */
export function bootstrapKey(cfg: Pick<Config, "apiAccessKeyId" | "apiSecretAccessKey" | "adminEmail">): BootstrapKey | undefined {
  if (!cfg.apiAccessKeyId || !cfg.apiSecretAccessKey) return undefined;
  // It acts as the first admin (IM_ADMIN_EMAIL), as a key made in Settings acts as its creator.
  return { accessKeyId: cfg.apiAccessKeyId, secretAccessKey: cfg.apiSecretAccessKey, actsAs: cfg.adminEmail?.trim().toLowerCase() || undefined };
}

const RANK: Record<Role, number> = { viewer: 0, responder: 1, admin: 2 };
/** The lower of two roles: a key never does more than its owner may. */
const lower = (a: Role | null, b: Role | null): Role | null => (a && b ? (RANK[a] <= RANK[b] ? a : b) : null);

/** Within this long of its last recorded use, a key's use is not written again by this process. */
const TOUCH_MEMORY_MS = 60_000;

/**
 * How long a key looked up in the database is trusted without asking again. A key revoked in the
 * console stops working at once in the process that revoked it (revokeApiKey drops it from every
 * key store of the process) and within this long in any other console instance sharing the
 * database. Unknown keys are not remembered, so a new key works at once.
 */
export const KEY_CACHE_MS = 5_000;

type StoredKey = {
  accessKeyId: string;
  name: string;
  role: string;
  signingKeyHash: string;
  revokedAt: Date | null;
  ownerEmail: string | null;
  ownerRole: string | null;
  ownerActive: boolean | null;
};

// Asked for every request signed with a key this process doesn't hold (hot-reader.ts says why
// it isn't a Prisma query).
const KEY_BY_ID = hotQuery(
  "apiKey.byAccessKeyId",
  `SELECT k."accessKeyId", k."name", k."role", k."signingKeyHash", k."revokedAt", u."email" AS "ownerEmail", u."role" AS "ownerRole", u."active" AS "ownerActive"
   FROM "ApiKey" k LEFT JOIN "User" u ON u."id" = k."userId" WHERE k."accessKeyId" = ?`,
  { dates: ["revokedAt"], booleans: ["ownerActive"], point: true },
);

// Every key store of the process, so revokeApiKey can reach the ones the production server's and
// Next's bundles each hold (on globalThis: the two bundles have their own module copies).
// Weakly held: a key store that is gone (a test's) is not kept alive by this list.
const globalForKeyStores = globalThis as unknown as { imKeyCaches?: Set<WeakRef<Map<string, unknown>>> };
const keyCaches = (globalForKeyStores.imKeyCaches ??= new Set());

/** Drops a key from every key store's cache in this process (revokeApiKey calls it). */
export function forgetCachedKey(accessKeyId: string): void {
  for (const ref of keyCaches) {
    const cache = ref.deref();
    if (cache) cache.delete(accessKeyId);
    else keyCaches.delete(ref);
  }
}

export function dbKeyStore(db: Db, options: { bootstrap?: BootstrapKey; cacheMs?: number; now?: () => number } = {}): KeyStore {
  const { bootstrap } = options;
  const cacheMs = options.cacheMs ?? KEY_CACHE_MS;
  const clock = options.now ?? Date.now;
  // Even an UPDATE that matches no row takes SQLite's write lock; remembering recent touches here
  // keeps a burst of API calls from queueing behind one another for bookkeeping.
  const touchedAt = new Map<string, number>();
  const cache = new Map<string, { credential: ApiKeyCredential; until: number }>();
  keyCaches.add(new WeakRef(cache));

  async function load(accessKeyId: string): Promise<StoredKey | null> {
    return (await hotReader(db).get<StoredKey>(KEY_BY_ID, [accessKeyId])) ?? null;
  }

  // One object for the process's life: the verifier caches signing keys by the credential's secret.
  const bootstrapCredential: ApiKeyCredential | undefined = bootstrap && {
    accessKeyId: bootstrap.accessKeyId,
    name: bootstrap.actsAs ?? BOOTSTRAP_KEY_NAME,
    role: "admin",
    signing: { kind: "secret", secretAccessKey: bootstrap.secretAccessKey },
    revoked: false,
  };

  return {
    async find(accessKeyId) {
      if (bootstrapCredential && accessKeyId === bootstrapCredential.accessKeyId) return bootstrapCredential;
      const now = clock();
      const hit = cache.get(accessKeyId);
      if (hit && hit.until > now) return hit.credential;
      const row = await load(accessKeyId);
      // A stored key that can't be opened (sealed with a server key this process doesn't have, or
      // changed) can verify nothing: treat the key as unknown rather than guess.
      const signingKey = row ? openSigningKey(row.signingKeyHash, row.accessKeyId) : null;
      if (!row || !signingKey) {
        cache.delete(accessKeyId);
        return null;
      }
      // A key acts as its owner: under the owner's name (never the key's free-text one), with no
      // more than the owner's role, and not at all once the owner is deactivated or gone.
      const ownerActive = row.ownerActive === true;
      const credential: ApiKeyCredential = {
        accessKeyId: row.accessKeyId,
        name: row.ownerEmail ?? `api-key/${row.accessKeyId}`,
        role: lower(isRole(row.role) ? row.role : null, isRole(row.ownerRole) ? row.ownerRole : null),
        signing: { kind: "hashed", signingKeyHash: signingKey },
        revoked: row.revokedAt !== null,
        disabled:
          row.revokedAt !== null
            ? "has been revoked"
            : !row.ownerEmail
              ? "belongs to no console user"
              : !ownerActive
                ? `belongs to ${row.ownerEmail}, who is deactivated`
                : undefined,
      };
      if (cacheMs > 0) {
        // Bounded: ids are whatever callers send, but only keys that exist are kept.
        if (cache.size > 10_000) cache.clear();
        cache.set(accessKeyId, { credential, until: now + cacheMs });
      }
      return credential;
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

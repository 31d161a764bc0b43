// How the intake finds the integration a delivery is for: by id and token (the native URL,
// `/api/integrations/<id>`) or by token alone (PagerDuty's `routing_key` at `/v2/enqueue`, through
// the unique index on tokenHash). A live integration, once its token matched, is trusted for a few
// seconds (as API keys are, lib/api-keys/key-store.ts) so that the hot path is the delivery's one
// INSERT transaction: a token revoked or rotated in the console stops working at once in that
// console process (the action calls forgetIntegration) and within INTEGRATION_CACHE_MS in any other
// instance sharing the database. Nothing else is remembered: an unknown id, a wrong token and a
// revoked integration each cost one indexed read and one constant-time comparison, so the answer's
// timing does not say which it was, and a new integration or a new token works at once.
import "server-only";
import type { Db } from "@/lib/db/client";
import type { AlertIntegrationModel } from "@/lib/db/generated/sqlite/models";
import { sameTokenHash } from "@/lib/secrets/bearer-token";

export const INTEGRATION_CACHE_MS = 5_000;

/** Compared against when no integration has the id, so that a miss takes the comparison's time too. */
const NO_HASH = "0".repeat(64);
const MAX_ENTRIES = 10_000;

export type IntegrationLookup = {
  /** The live (unrevoked) integration with this id whose token hashes to `tokenHash`, or null. */
  byId(id: string, tokenHash: string): Promise<AlertIntegrationModel | null>;
  /** The live integration whose token hashes to `tokenHash`, or null. */
  byTokenHash(tokenHash: string): Promise<AlertIntegrationModel | null>;
};

type Entry = { row: AlertIntegrationModel; until: number };
type Caches = { byId: Map<string, Entry>; byHash: Map<string, Entry> };

// Every lookup's caches in this process, so that forgetIntegration reaches the production server's
// bundle and Next's (each has its own copy of this module). Weakly held, as the key stores are.
const globalForCaches = globalThis as unknown as { imIntegrationCaches?: Set<WeakRef<Caches>> };
const registry = (globalForCaches.imIntegrationCaches ??= new Set());

/**
 * Stops this process trusting an integration's cached token at once: call it after rotating or
 * revoking the token, or deleting the integration (other instances follow within INTEGRATION_CACHE_MS).
 */
export function forgetIntegration(id: string): void {
  for (const ref of registry) {
    const caches = ref.deref();
    if (!caches) {
      registry.delete(ref);
      continue;
    }
    caches.byId.delete(id);
    for (const [hash, entry] of caches.byHash) if (entry.row.id === id) caches.byHash.delete(hash);
  }
}

export function integrationLookup(db: Db, options: { cacheMs?: number; now?: () => number } = {}): IntegrationLookup {
  const cacheMs = options.cacheMs ?? INTEGRATION_CACHE_MS;
  const clock = options.now ?? Date.now;
  const caches: Caches = { byId: new Map(), byHash: new Map() };
  registry.add(new WeakRef(caches));

  function remember(map: Map<string, Entry>, key: string, row: AlertIntegrationModel) {
    if (cacheMs <= 0) return;
    // Bounded: only integrations whose token matched get here, but ids come and go.
    if (map.size >= MAX_ENTRIES) map.clear();
    map.set(key, { row, until: clock() + cacheMs });
  }

  function fresh(entry: Entry | undefined): AlertIntegrationModel | undefined {
    return entry && entry.until > clock() ? entry.row : undefined;
  }

  const live = (row: AlertIntegrationModel | null, tokenHash: string): row is AlertIntegrationModel =>
    // The comparison runs whether or not there is a row (and before the revocation is looked at).
    sameTokenHash(tokenHash, row?.tokenHash ?? NO_HASH) && row !== null && row.revokedAt === null;

  return {
    async byId(id, tokenHash) {
      const cached = fresh(caches.byId.get(id));
      if (cached && sameTokenHash(tokenHash, cached.tokenHash)) return cached;
      // Not cached, or another token (a rotated one is new here): the database decides.
      const row = await db.alertIntegration.findUnique({ where: { id } });
      if (!live(row, tokenHash)) return null;
      remember(caches.byId, id, row);
      return row;
    },
    async byTokenHash(tokenHash) {
      const cached = fresh(caches.byHash.get(tokenHash));
      if (cached) return cached;
      const row = await db.alertIntegration.findUnique({ where: { tokenHash } });
      if (!live(row, tokenHash)) return null;
      remember(caches.byHash, tokenHash, row);
      return row;
    },
  };
}

import "server-only";
import type { Db, Prisma } from "@/lib/db/client";
import { notFound } from "@/lib/im/errors";
import { forgetCachedKey } from "./key-store";
import { API_KEY_SUMMARY_SELECT, toApiKeySummary, type ApiKeySummary } from "./api-key";

export type RevokeApiKeyOptions = {
  /** Only revoke the key if it belongs to this user (scope in the query, not after it). */
  userId?: string;
  now?: Date;
};

/** Revokes a key for good. Revoking a revoked key keeps its first revocation time. */
export async function revokeApiKey(db: Db, accessKeyId: string, options: RevokeApiKeyOptions = {}): Promise<ApiKeySummary> {
  const where: Prisma.ApiKeyWhereInput = { accessKeyId };
  if (options.userId !== undefined) where.userId = options.userId;
  await db.apiKey.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: options.now ?? new Date() } });
  // This process's SigV4 verifiers stop trusting it now (other instances: within KEY_CACHE_MS).
  forgetCachedKey(accessKeyId);
  const row = await db.apiKey.findFirst({ where, select: API_KEY_SUMMARY_SELECT });
  if (!row) throw notFound("API_KEY", accessKeyId, `API key ${accessKeyId} does not exist`);
  return toApiKeySummary(row);
}

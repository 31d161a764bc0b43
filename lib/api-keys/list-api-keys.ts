import "server-only";
import type { Db, Prisma } from "@/lib/db/client";
import { API_KEY_SUMMARY_SELECT, toApiKeySummary, type ApiKeySummary } from "./api-key";

export type ListApiKeysOptions = {
  /** Only this user's keys (a non-admin's settings page). */
  userId?: string;
  includeRevoked?: boolean;
};

/** Keys, newest first, without their signing key hashes. */
export async function listApiKeys(db: Db, options: ListApiKeysOptions = {}): Promise<ApiKeySummary[]> {
  const where: Prisma.ApiKeyWhereInput = {};
  if (options.userId !== undefined) where.userId = options.userId;
  if (options.includeRevoked === false) where.revokedAt = null;
  const rows = await db.apiKey.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "asc" }], select: API_KEY_SUMMARY_SELECT });
  return rows.map(toApiKeySummary);
}

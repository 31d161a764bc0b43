// What the console may show of an API key: everything but the signing key hash.
import { isRole, type Role } from "@/lib/auth/permissions";

export type ApiKeySummary = {
  id: string;
  accessKeyId: string;
  name: string;
  /** null when the stored role is not one this version knows: such a key may do nothing. */
  role: Role | null;
  userId: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The columns of an ApiKey row that make a summary (never `signingKeyHash`). */
export const API_KEY_SUMMARY_SELECT = {
  id: true,
  accessKeyId: true,
  name: true,
  role: true,
  userId: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

type SummaryRow = Omit<ApiKeySummary, "role"> & { role: string };

export function toApiKeySummary(row: SummaryRow): ApiKeySummary {
  return { ...row, role: isRole(row.role) ? row.role : null };
}

// Settings rows as client components receive them (times as ISO strings). Client-safe.
import type { Role } from "@/lib/auth/permissions";

export type ApiKeyRow = {
  accessKeyId: string;
  name: string;
  role: Role | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role | null;
  active: boolean;
  contactArn: string | null;
  createdAt: string;
  lastLoginAt: string | null;
};

/** What creating a key returns: the only time the secret leaves the server. */
export type CreatedKey = { accessKeyId: string; secretAccessKey: string; name: string; role: Role };

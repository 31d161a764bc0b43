// Settings reads (admins only): API access keys and console users, as plain JSON for the page.
// Both live in the console's own database in either backend mode, so aws mode has them too.
import "server-only";
import { withServices } from "@/lib/actions/safe-action";
import { listApiKeys } from "@/lib/api-keys";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { listUsers } from "@/lib/users/manage-users";
import type { ApiKeyRow, UserRow } from "./settings-dto";

export function listApiKeyRows() {
  return withServices("listApiKeyRows", "settings.read", async (): Promise<ApiKeyRow[]> => {
    const keys = await listApiKeys(db());
    return keys.map((k) => ({
      accessKeyId: k.accessKeyId,
      name: k.name,
      role: k.role,
      createdAt: k.createdAt.toISOString(),
      lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
      revokedAt: k.revokedAt?.toISOString() ?? null,
    }));
  });
}

export function listUserRows() {
  return withServices("listUserRows", "settings.read", async (): Promise<UserRow[]> => {
    const users = await listUsers(db());
    return users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      active: u.active,
      contactArn: u.contactArn,
      createdAt: u.createdAt.toISOString(),
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    }));
  });
}

/** The region the CLI example names (the console's own). */
export function consoleRegion(): string {
  return config().region;
}

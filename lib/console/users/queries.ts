// Console users (Settings → Users; admins only), as plain JSON for the page.
import "server-only";
import { withServices } from "@/lib/console/core/safe-action";
import { db } from "@/lib/db/client";
import { listUsers } from "@/lib/users/manage-users";
import type { UserRow } from "./dto";

export function listUserRows() {
  return withServices("listUserRows", "settings.read", async (): Promise<UserRow[]> => {
    const users = await listUsers(db());
    return users.map((u) => ({ ...u, createdAt: u.createdAt.toISOString(), lastLoginAt: u.lastLoginAt?.toISOString() ?? null }));
  });
}

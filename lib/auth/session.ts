// The one place sessions are read. Pages call requireUser() (and can() for what they show);
// server actions and route handlers call requirePermission(). Both fail closed.
import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { accessDenied, ImError } from "@/lib/im/errors";
import { authOptions } from "./options";
import { SIGN_IN_PATH } from "./paths";
import { can, isRole, type Permission, type Role } from "./permissions";

export type SessionUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in user, or null. The JWT only says who signed in: the user's row is read again on
 * every request, so deactivating a user or changing a role takes effect at once.
 */
export const getSession = cache(async (): Promise<SessionUser | null> => {
  await connection();
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  if (!user || !user.active || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSession();
  if (!user) redirect(SIGN_IN_PATH);
  return user;
}

/** For server actions and route handlers: the user, or an AccessDeniedException (403). */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await getSession();
  if (!user) throw new ImError("AccessDeniedException", "Sign in to continue.");
  if (!can(user.role, permission)) throw accessDenied(`Your role (${user.role}) does not allow ${permission}.`);
  return user;
}

// The one place sessions are read. Pages call requireUser() (and can() for what they show);
// server actions and route handlers call requirePermission(). Both fail closed.
import "server-only";
import { getServerSession } from "next-auth";
import { getToken } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { db } from "@/lib/db/client";
import { accessDenied, ImError } from "@/lib/im/errors";
import { authOptions } from "./options";
import { SIGN_IN_PATH } from "./paths";
import { can, isRole, type Permission, type Role } from "./permissions";
import { authSecret } from "./secret";
import { secureCookies } from "./security-headers";
import { config } from "@/lib/config";

export type SessionUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in user, or null. The JWT only says who signed in: the user's row is read again on
 * every request, so deactivating a user or changing a role takes effect at once.
 */
export const getSession = cache(async (): Promise<SessionUser | null> => {
  await connection();
  const secure = secureCookies(await headers(), config().trustProxy);
  const session = await getServerSession(authOptions(secure));
  const id = session?.user?.id;
  if (!id) return null;
  return activeUser(id);
});

/** The user's row, if it is still active with a known role. */
async function activeUser(id: string): Promise<SessionUser | null> {
  const user = await db().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, active: true },
  });
  if (!user || !user.active || !isRole(user.role)) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

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

/**
 * For a response that lasts (the live stream): the user, as requirePermission gives it, and the
 * same check to repeat while the response lasts — the session the request came with not yet
 * expired, the user still active and still allowed `permission`. Such a response never renews its
 * cookie, so the session's expiry is the one its JWT says.
 */
export async function requireLastingPermission(permission: Permission): Promise<{ user: SessionUser; stillAllowed(): Promise<boolean> }> {
  const user = await requirePermission(permission);
  const expiresAt = await sessionExpiry();
  return {
    user,
    async stillAllowed() {
      if (Date.now() >= expiresAt) return false;
      const now = await activeUser(user.id);
      return !!now && can(now.role, permission);
    },
  };
}

/** When the request's session JWT expires (ms since the epoch); "now" when it has none, so a check fails closed. */
async function sessionExpiry(): Promise<number> {
  const req = { cookies: await cookies(), headers: await headers() };
  // next-auth names the cookie by whether it was set over https: either may be the one sent.
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req: req as never, secret: authSecret(), secureCookie });
    if (typeof token?.exp === "number") return token.exp * 1000;
  }
  return Date.now();
}

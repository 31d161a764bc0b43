// next-auth (v4) configuration: e-mail + password against the User table, JWT sessions.
import "server-only";
import { randomBytes } from "node:crypto";
import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { isRole } from "./permissions";
import { SIGN_IN_PATH } from "./paths";
import { authSecret } from "./secret";
import { claimAttempt, clientAddress, throttleKey } from "./throttle";
import { config } from "@/lib/config";

// Checked when the e-mail is unknown, so a wrong address takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/** Thrown to the sign-in form (next-auth hands it the message): a wait, not a wrong password. */
export class TooManyAttempts extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in attempts: try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`);
  }
}

export async function authorizeCredentials(email: unknown, password: unknown, headers: Record<string, string | string[] | undefined> = {}): Promise<User | null> {
  if (typeof email !== "string" || typeof password !== "string" || !email.trim() || !password) return null;
  // Claimed before the password is checked, so a burst of guesses can't outrun the count.
  const attempt = await claimAttempt(db(), throttleKey(email, clientAddress(headers, config().trustProxy)));
  if (!attempt.allowed) throw new TooManyAttempts(attempt.retryAfterSeconds);
  const user = await db().user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true },
  });
  dummyHash ??= hashPassword(randomBytes(16).toString("hex"));
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash));
  if (!user || !ok || !user.active || !isRole(user.role)) return null;
  await attempt.succeeded();
  // A hash made at an older, lower cost is replaced now that the password is known.
  const passwordHash = needsRehash(user.passwordHash) ? await hashPassword(password) : undefined;
  await db().user.update({ where: { id: user.id }, data: { lastLoginAt: new Date(), ...(passwordHash ? { passwordHash } : {}) }, select: { id: true } });
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

const optionsBySecurity = new Map<boolean, NextAuthOptions>();

/**
 * Built on first use (not at import): the secret may be generated into the data directory.
 * `secure`: the request came over https (lib/auth/security-headers.ts secureCookies), so the
 * session cookies are set `Secure`, under next-auth's prefixed names.
 */
export function authOptions(secure = false): NextAuthOptions {
  let options = optionsBySecurity.get(secure);
  if (options) return options;
  options = {
    useSecureCookies: secure,
    secret: authSecret(),
    // A responder's shift, not a month: a stolen cookie stops working the same day.
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: {
          email: { label: "Email", type: "email" },
          password: { label: "Password", type: "password" },
        },
        authorize: (credentials, req) => authorizeCredentials(credentials?.email, credentials?.password, req?.headers ?? {}),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.id = user.id;
          token.email = user.email;
          token.name = user.name;
          token.role = user.role;
        }
        return token;
      },
      session({ session, token }) {
        if (token.id && token.email && token.role) {
          session.user = { id: token.id, email: token.email, name: token.name ?? token.email, role: token.role };
        }
        return session;
      },
    },
  };
  optionsBySecurity.set(secure, options);
  return options;
}

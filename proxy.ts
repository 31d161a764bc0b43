// Redirects signed-out page requests to /signin (with a callbackUrl). It only redirects: every
// page, route handler and server action checks the session and permission itself (lib/auth).
// Every page it passes gets a Content-Security-Policy with a fresh nonce (Next puts the nonce on
// its own scripts) and, over https, HSTS (lib/auth/security-headers.ts).
import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth } from "next-auth/middleware";
import { SIGN_IN_PATH } from "@/lib/auth/paths";
import { authSecret } from "@/lib/auth/secret";
import { contentSecurityPolicy, secureCookies, servedOverHttps, sessionCookieName, STRICT_TRANSPORT_SECURITY } from "@/lib/auth/security-headers";
import { config as appConfig } from "@/lib/config";

function secured(req: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  // On the request too: that is where Next reads the nonce for its scripts.
  const headers = new Headers(req.headers);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  if (servedOverHttps(req.headers, appConfig().trustProxy)) res.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return res;
}

/** next-auth's middleware for one cookie security (its session cookie's name depends on it). */
const signedInWith = (secure: boolean) =>
  withAuth(secured, {
    pages: { signIn: SIGN_IN_PATH },
    cookies: { sessionToken: { name: sessionCookieName(secure) } },
    // A getter: the secret is read (or generated) on the first request, never at build time.
    get secret() {
      return authSecret();
    },
    callbacks: {
      // Our JSON routes and server actions answer a missing session themselves (403 /
      // AccessDeniedException), where a redirect to an HTML page would only confuse a fetch.
      authorized: ({ req, token }) => !!token || req.nextUrl.pathname.startsWith("/api/") || req.headers.has("next-action"),
    },
  });
const signedIn = { secure: signedInWith(true), plain: signedInWith(false) };

export function proxy(req: NextRequest, event: NextFetchEvent) {
  // The sign-in page is public (next-auth's middleware would pass it without calling `secured`).
  if (req.nextUrl.pathname === SIGN_IN_PATH) return secured(req);
  const handler = secureCookies(req.headers, appConfig().trustProxy) ? signedIn.secure : signedIn.plain;
  return handler(req as Parameters<typeof handler>[0], event);
}

export const config = {
  matcher: [
    // Everything except next-auth's own routes, the health probe, the SigV4-signed AWS endpoints
    // and the alert intake (they authenticate each request: signature, integration token) and
    // static files.
    "/((?!api/auth|api/health|api/aws|api/integrations/[^/]+$|v2/enqueue$|_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|txt|css|js|map|woff2?)$).*)",
  ],
};

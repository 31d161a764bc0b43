// Redirects signed-out page requests to /signin (with a callbackUrl). It only redirects: every
// page, route handler and server action checks the session and permission itself (lib/auth).
import { withAuth } from "next-auth/middleware";
import { SIGN_IN_PATH } from "@/lib/auth/paths";
import { authSecret } from "@/lib/auth/secret";

export const proxy = withAuth({
  pages: { signIn: SIGN_IN_PATH },
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

export const config = {
  matcher: [
    // Everything except sign-in, next-auth's own routes, the health probe, the SigV4-signed AWS
    // endpoints (they authenticate each request) and static files.
    "/((?!signin|api/auth|api/health|api/aws|_next/static|_next/image|favicon\\.ico|.*\\.(?:svg|png|jpg|jpeg|gif|webp|ico|txt|css|js|map|woff2?)$).*)",
  ],
};

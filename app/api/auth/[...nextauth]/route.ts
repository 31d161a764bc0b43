import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { secureCookies } from "@/lib/auth/security-headers";
import { config } from "@/lib/config";

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Built on the first request, not at import: the options read (or generate) the session secret.
// One per cookie security: a request that came over https gets Secure cookies.
const handlers = new Map<boolean, Handler>();
const auth: Handler = (req, ctx) => {
  const secure = secureCookies(req.headers, config().trustProxy);
  let handler = handlers.get(secure);
  if (!handler) handlers.set(secure, (handler = NextAuth(authOptions(secure)) as Handler));
  return handler(req, ctx);
};

export { auth as GET, auth as POST };

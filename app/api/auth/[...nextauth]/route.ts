import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

type Handler = (req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

// Built on the first request, not at import: the options read (or generate) the session secret.
let handler: Handler | undefined;
const auth: Handler = (req, ctx) => {
  handler ??= NextAuth(authOptions()) as Handler;
  return handler(req, ctx);
};

export { auth as GET, auth as POST };

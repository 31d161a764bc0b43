// What our JWT and session carry beyond next-auth's defaults (see lib/auth/options.ts).
import type { DefaultSession } from "next-auth";
import type { Role } from "./permissions";

declare module "next-auth" {
  interface User {
    id: string;
    email: string;
    name: string;
    role: Role;
  }
  interface Session {
    user: DefaultSession["user"] & { id: string; email: string; role: Role };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id?: string;
    email?: string;
    role?: Role;
  }
}

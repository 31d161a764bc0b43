// Console users as client components receive them (times as ISO strings), and the signed-in
// user the shell shows. Client-safe types.
import type { Role } from "@/lib/auth/permissions";

export type { SessionUser } from "@/lib/auth/session";

export type UserRow = {
  id: string;
  email: string;
  name: string;
  role: Role | null;
  active: boolean;
  contactArn: string | null;
  createdAt: string;
  lastLoginAt: string | null;
};

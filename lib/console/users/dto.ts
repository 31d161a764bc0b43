// Console users as client components receive them (lib/users' UserSummary with times as ISO
// strings), and the signed-in user the shell shows. Client-safe types.
import type { UserSummary } from "@/lib/users/user";

export type { SessionUser } from "@/lib/auth/session";

export type UserRow = Omit<UserSummary, "createdAt" | "lastLoginAt"> & { createdAt: string; lastLoginAt: string | null };

// Console users as client components receive them (lib/users' UserSummary with times as ISO
// strings). Client-safe types.
import type { UserSummary } from "@/lib/users/user";

export type UserRow = Omit<UserSummary, "createdAt" | "lastLoginAt"> & { createdAt: string; lastLoginAt: string | null };

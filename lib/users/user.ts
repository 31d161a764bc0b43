// What the console may show of a console user: everything but the password hash.
import { isRole, type Role } from "@/lib/auth/permissions";

export type UserSummary = {
  id: string;
  email: string;
  name: string;
  /** null when the stored role is not one this version knows: such a user can sign in to nothing. */
  role: Role | null;
  active: boolean;
  contactArn: string | null;
  createdAt: Date;
  lastLoginAt: Date | null;
};

export const USER_SUMMARY_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  contactArn: true,
  createdAt: true,
  lastLoginAt: true,
} as const;

export function toUserSummary(row: Omit<UserSummary, "role"> & { role: string }): UserSummary {
  return { ...row, role: isRole(row.role) ? row.role : null };
}

export const USER_NAME_MAX = 128;
export const USER_EMAIL_MAX = 254;
/** Long enough to resist guessing; the upper bound keeps scrypt's input reasonable. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

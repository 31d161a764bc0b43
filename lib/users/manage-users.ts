// Console user management (Settings → Users). The rules that protect the console from locking
// itself out live here, next to the writes, so every caller gets them:
//   - the last active admin can be neither demoted nor deactivated;
//   - an admin cannot deactivate themself (they would lose the session they are acting in).
// The check and the write run in one transaction, so two admins demoting each other at once
// cannot both succeed on SQLite (one writer at a time); see the note on PostgreSQL below.
import "server-only";
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { isRole, type Role } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict, notFound, validation } from "@/lib/im/errors";
import { PASSWORD_MAX, PASSWORD_MIN, toUserSummary, USER_EMAIL_MAX, USER_NAME_MAX, USER_SUMMARY_SELECT, type UserSummary } from "./user";

export async function listUsers(db: Db): Promise<UserSummary[]> {
  const rows = await db.user.findMany({ orderBy: [{ email: "asc" }], select: USER_SUMMARY_SELECT });
  return rows.map(toUserSummary);
}

export type CreateUserInput = { email: string; name: string; role: Role; password: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function createUser(db: Db, input: CreateUserInput): Promise<UserSummary> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  const fields = [];
  if (!EMAIL.test(email) || email.length > USER_EMAIL_MAX) fields.push({ name: "email", message: "Enter an e-mail address" });
  if (!name || name.length > USER_NAME_MAX) fields.push({ name: "name", message: `Must be 1 to ${USER_NAME_MAX} characters` });
  if (!isRole(input.role)) fields.push({ name: "role", message: "Must be admin, responder or viewer" });
  if (input.password.length < PASSWORD_MIN || input.password.length > PASSWORD_MAX) {
    fields.push({ name: "password", message: `Must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters` });
  }
  if (fields.length) throw validation("Some fields are not valid.", fields);
  const passwordHash = await hashPassword(input.password);
  try {
    const row = await db.user.create({
      data: { id: randomUUID(), email, name, role: input.role, passwordHash, active: true },
      select: USER_SUMMARY_SELECT,
    });
    return toUserSummary(row);
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw conflict("USER", email, `A user with the e-mail ${email} already exists.`);
    }
    throw e;
  }
}

export type UserChange = { role?: Role; active?: boolean };

/**
 * Changes a user's role and/or active flag as `actorId`, refusing any change that would leave no
 * active admin, and an admin deactivating themself. Errors are ConflictException (409) with a
 * message the settings page shows as is.
 */
export async function updateUser(db: Db, actorId: string, userId: string, change: UserChange): Promise<UserSummary> {
  if (change.role !== undefined && !isRole(change.role)) {
    throw validation("A role must be admin, responder or viewer", [{ name: "role", message: "Must be admin, responder or viewer" }]);
  }
  if (change.active === false && userId === actorId) {
    throw conflict("USER", userId, "You cannot deactivate yourself. Ask another admin.");
  }
  return db.$transaction(async (tx) => {
      const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, role: true, active: true } });
      if (!user) throw notFound("USER", userId, `User ${userId} does not exist`);
      const role = change.role ?? user.role;
      const active = change.active ?? user.active;
      const losesAdmin = user.role === "admin" && user.active && (role !== "admin" || !active);
      if (losesAdmin) {
        // Lock every active admin's row first (a no-op write): a concurrent demotion of another
        // admin waits here until this one commits, and then counts what this one wrote. Without
        // it, on PostgreSQL (read committed) two admins demoting each other could both see one
        // other admin left. SQLite has one writer at a time anyway.
        await tx.user.updateMany({ where: { role: "admin", active: true }, data: { updatedAt: new Date() } });
        const others = await tx.user.count({ where: { role: "admin", active: true, id: { not: userId } } });
        if (others === 0) {
          throw conflict(
            "USER",
            userId,
            role !== "admin"
              ? "This is the last active admin: make another user an admin before changing this user's role."
              : "This is the last active admin: make another user an admin before deactivating this user.",
          );
        }
      }
      const row = await tx.user.update({ where: { id: userId }, data: { role, active }, select: USER_SUMMARY_SELECT });
      return toUserSummary(row);
  });
}

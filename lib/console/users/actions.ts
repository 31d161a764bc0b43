"use server";
// Console users (admins only: settings.write): create, change role or deactivate, and link a user
// to the Incident Manager contact whose pages are theirs. safeAction checks the session and the
// role before the input is even parsed.
import { z } from "zod";
import { setUserContactArn } from "@/lib/auth/my-contact";
import { requirePersonalContact } from "@/lib/console/contacts/queries";
import { linkedContactArn } from "@/lib/console/contacts/schemas";
import { safeAction } from "@/lib/console/core/safe-action";
import { db } from "@/lib/db/client";
import { createUser, updateUser } from "@/lib/users/manage-users";
import { createUserSchema, roleSchema, userIdSchema } from "./schemas";

const SETTINGS = () => ["/settings"];

export const createUserAction = safeAction({
  name: "createUserAction",
  input: createUserSchema,
  permission: "settings.write",
  fieldFor: (path) => path,
  conflictField: "email",
  run: async (input) => {
    const user = await createUser(db(), input);
    return { id: user.id, email: user.email };
  },
  revalidate: SETTINGS,
});

export const updateUserAction = safeAction({
  name: "updateUserAction",
  input: z.object({ userId: userIdSchema, role: roleSchema.optional(), active: z.boolean().optional() }),
  permission: "settings.write",
  run: async ({ userId, role, active }, { user }) => {
    const updated = await updateUser(db(), user.id, userId, { role, active });
    return { id: updated.id, role: updated.role, active: updated.active };
  },
  revalidate: SETTINGS,
});

/** Links a user to a personal contact (or unlinks with ""); one contact per user. */
export const linkUserContactAction = safeAction({
  name: "linkUserContactAction",
  input: z.object({ userId: userIdSchema, contactArn: linkedContactArn }),
  permission: "settings.write",
  conflictField: "contactArn",
  fieldFor: (path) => (path === "contactArn" || path === "ContactId" ? "contactArn" : undefined),
  run: async ({ userId, contactArn }, { im }) => {
    if (contactArn) await requirePersonalContact(im, contactArn);
    await setUserContactArn(db(), userId, contactArn || null);
    return { userId, contactArn: contactArn || null };
  },
  revalidate: () => ["/settings", "/pages"],
});

"use server";
// Settings mutations (admins only: settings.write): API access keys and console users.
// safeAction checks the session and the role before the input is even parsed.
import { z } from "zod";
import { createApiKey, revokeApiKey } from "@/lib/api-keys";
import { API_KEY_NAME_MAX } from "@/lib/api-keys/create-api-key";
import { setUserContactArn } from "@/lib/auth/my-contact";
import { ROLES } from "@/lib/auth/permissions";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { validation } from "@/lib/im/errors";
import type { CreatedKey } from "@/lib/console/settings/dto";
import { createUser, updateUser } from "@/lib/users/manage-users";
import { PASSWORD_MAX, PASSWORD_MIN, USER_EMAIL_MAX, USER_NAME_MAX } from "@/lib/users/user";
import { safeAction } from "../core/safe-action";

const role = z.enum(ROLES, { error: "Choose admin, responder or viewer" });
const SETTINGS = () => ["/settings"];
const byName = (path: string) => path;

export const createApiKeyAction = safeAction({
  name: "createApiKeyAction",
  input: z.object({ name: z.string().trim().min(1, "Enter a name").max(API_KEY_NAME_MAX, `At most ${API_KEY_NAME_MAX} characters`), role }),
  permission: "settings.write",
  fieldFor: byName,
  run: async ({ name, role }): Promise<CreatedKey> => {
    // Keys sign calls to the local model's endpoints; an aws-mode console shows a note instead.
    if (config().backend !== "local") throw validation("API access keys are for a console in local mode. In aws mode, use IAM access keys with the AWS CLI and SDKs.");
    const key = await createApiKey(db(), { name, role });
    return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, name: key.name, role };
  },
  revalidate: SETTINGS,
});

export const revokeApiKeyAction = safeAction({
  name: "revokeApiKeyAction",
  input: z.object({ accessKeyId: z.string().trim().min(1).max(128) }),
  permission: "settings.write",
  run: async ({ accessKeyId }) => {
    const key = await revokeApiKey(db(), accessKeyId);
    return { accessKeyId: key.accessKeyId };
  },
  revalidate: SETTINGS,
});

export const createUserAction = safeAction({
  name: "createUserAction",
  input: z.object({
    email: z.email("Enter an e-mail address").trim().max(USER_EMAIL_MAX),
    name: z.string().trim().min(1, "Enter a name").max(USER_NAME_MAX, `At most ${USER_NAME_MAX} characters`),
    role,
    password: z.string().min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`).max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters`),
  }),
  permission: "settings.write",
  fieldFor: byName,
  conflictField: "email",
  run: async (input) => {
    const user = await createUser(db(), input);
    return { id: user.id, email: user.email };
  },
  revalidate: SETTINGS,
});

export const updateUserAction = safeAction({
  name: "updateUserAction",
  input: z.object({ userId: z.string().min(1).max(64), role: role.optional(), active: z.boolean().optional() }),
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
  input: z.object({ userId: z.string().min(1).max(64), contactArn: z.string().trim().max(2048) }),
  permission: "settings.write",
  conflictField: "contactArn",
  fieldFor: (path) => (path === "contactArn" || path === "ContactId" ? "contactArn" : undefined),
  run: async ({ userId, contactArn }, { im }) => {
    if (contactArn) {
      const contact = await im.contacts.getContact({ ContactId: contactArn });
      if (contact.Type !== "PERSONAL") throw validation("Choose a personal contact: escalation plans page other contacts.", [{ name: "contactArn", message: "Choose a personal contact" }]);
    }
    const exists = await db().user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!exists) throw validation(`User ${userId} does not exist`);
    await setUserContactArn(db(), userId, contactArn || null);
    return { userId, contactArn: contactArn || null };
  },
  revalidate: () => ["/settings", "/pages"],
});

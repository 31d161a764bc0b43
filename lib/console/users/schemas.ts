// The console users' forms (Settings → Users): what an admin enters to create, change or link a
// user. Client-safe: the create-user form shows the same limits the server checks.
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { PASSWORD_MAX, PASSWORD_MIN, USER_EMAIL_MAX, USER_NAME_MAX } from "@/lib/users/user";

export { PASSWORD_MIN };

export const roleSchema = z.enum(ROLES, { error: "Choose admin, responder or viewer" });

export const createUserSchema = z.object({
  email: z.email("Enter an e-mail address").trim().max(USER_EMAIL_MAX),
  name: z.string().trim().min(1, "Enter a name").max(USER_NAME_MAX, `At most ${USER_NAME_MAX} characters`),
  role: roleSchema,
  password: z.string().min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`).max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters`),
});

export const userIdSchema = z.string().min(1).max(64);

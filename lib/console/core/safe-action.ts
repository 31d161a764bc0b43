// The one wrapper every server action (and every console read) goes through:
// session → permission → zod input → the caller's lib/im services → revalidate.
// Only ImError information reaches the user; anything else is logged and reported generically.
import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import { requirePermission, type SessionUser } from "@/lib/auth/session";
import { services } from "@/lib/bootstrap/services";
import { config } from "@/lib/config";
import type { Services } from "@/lib/im";
import { principalArn } from "@/lib/im/arns";
import { isImError, toImError } from "@/lib/im/errors";
import { toFieldErrors, type FieldFor } from "./model-rules";
import type { ActionError, ActionResult, FieldError } from "./result";

export type ServiceContext = { user: SessionUser; im: Services };

type ErrorMapping = {
  /** Puts a ValidationException's member paths on the form's fields. */
  fieldFor?: FieldFor;
  /** The form field a ConflictException belongs to (e.g. a duplicate name). */
  conflictField?: string;
};

function toActionError(e: unknown, where: string, mapping: ErrorMapping = {}): ActionError {
  if (!isImError(e)) console.error(`[${where}] unexpected failure`, e);
  const err = toImError(e);
  let fields: FieldError[] | undefined;
  if (err.code === "ValidationException" && mapping.fieldFor && err.details.fields) {
    fields = toFieldErrors(err.details.fields, mapping.fieldFor);
  } else if (err.code === "ConflictException" && mapping.conflictField) {
    fields = [{ name: mapping.conflictField, message: err.message }];
  }
  return { name: err.code, message: err.message, ...(fields?.length ? { fields } : {}) };
}

async function serviceContext(permission: Permission): Promise<ServiceContext> {
  const user = await requirePermission(permission);
  return { user, im: services({ principalArn: principalArn(config().accountId, user.email) }) };
}

function failure(e: unknown, where: string, mapping?: ErrorMapping): { ok: false; error: ActionError } {
  unstable_rethrow(e); // redirect() / notFound() are not failures
  return { ok: false, error: toActionError(e, where, mapping) };
}

/** A console read: `work` runs as the signed-in user, with the permission checked. */
export async function withServices<T>(
  where: string,
  permission: Permission,
  work: (ctx: ServiceContext) => Promise<T>,
): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work(await serviceContext(permission)) };
  } catch (e) {
    return failure(e, where);
  }
}

type ActionDefinition<S extends z.ZodType, T> = ErrorMapping & {
  name: string;
  input: S;
  permission: Permission;
  run: (input: z.output<S>, ctx: ServiceContext) => Promise<T>;
  /** Paths whose server-rendered pages show what the action changed. */
  revalidate?: (input: z.output<S>, data: T) => string[];
};

/**
 * A server action. Who may call it is checked before the input is even parsed: a caller without
 * the permission learns nothing, not even whether its input was valid.
 */
export function safeAction<S extends z.ZodType, T>(def: ActionDefinition<S, T>) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const ctx = await serviceContext(def.permission);
      const parsed = def.input.safeParse(raw);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((i) => ({ name: i.path.map(String).join("."), message: i.message }));
        return { ok: false, error: { name: "ValidationException", message: "Some fields are not valid.", fields } };
      }
      const data = await def.run(parsed.data, ctx);
      for (const path of def.revalidate?.(parsed.data, data) ?? []) revalidatePath(path);
      return { ok: true, data };
    } catch (e) {
      return failure(e, def.name, def);
    }
  };
}

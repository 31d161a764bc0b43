// Prisma's unique-constraint violation (P2002), the answer of a write that lost a race for a
// unique key: callers turn it into the AWS error or the result the winner's row gives.

type Constraint = { fields?: string[]; index?: string };
type P2002 = { code: "P2002"; meta?: { target?: string | string[]; driverAdapterError?: { cause?: { constraint?: Constraint } } } };

function isP2002(e: unknown): e is P2002 {
  return typeof e === "object" && e !== null && "code" in e && (e as { code?: unknown }).code === "P2002";
}

/** The columns of the violated key, as the driver adapter reports them (PostgreSQL quotes them). */
function violatedFields(e: P2002): string[] {
  const constraint = e.meta?.driverAdapterError?.cause?.constraint;
  const target = e.meta?.target;
  return [
    ...(constraint?.fields ?? []),
    ...(constraint?.index ? [constraint.index] : []),
    ...(Array.isArray(target) ? target : target ? [target] : []),
  ].map((f) => f.replace(/"/g, ""));
}

/**
 * Whether `e` is a unique-constraint violation — on the key that includes `field`, when given
 * (the column name, or the index name, which Prisma derives from it: `User_email_key`).
 */
export function isUniqueViolation(e: unknown, field?: string): boolean {
  if (!isP2002(e)) return false;
  if (field === undefined) return true;
  return violatedFields(e).some((f) => f === field || f.split("_").includes(field));
}

/** Whether `e` is Prisma's "record to update or delete was not found" (P2025). */
export function isRecordNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && (e as { code?: unknown }).code === "P2025";
}

/** Whether `e` is a foreign-key violation (P2003): a row still referenced, or a reference to a row that is gone. */
export function isForeignKeyViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && (e as { code?: unknown }).code === "P2003";
}

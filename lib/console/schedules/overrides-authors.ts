// Who made each rotation override: ssm-contacts keeps no author (an override is rotation, people,
// start, end and its creation time), so the console records the signed-in user of every override
// it creates in its own table, by override id — in local and aws mode alike. Overrides made
// elsewhere (the AWS console, the CLI, an SDK) have no author here.
import "server-only";
import { db } from "@/lib/db/client";

export async function recordOverrideAuthor(rotationArn: string, overrideId: string, createdBy: string): Promise<void> {
  await db().rotationOverrideAuthor.upsert({ where: { overrideId }, create: { overrideId, rotationArn, createdBy }, update: {} });
}

export async function forgetOverrideAuthor(overrideId: string): Promise<void> {
  await db().rotationOverrideAuthor.deleteMany({ where: { overrideId } });
}

/** The recorded author of each of these overrides (those the console made). */
export async function overrideAuthors(overrideIds: string[]): Promise<Map<string, string>> {
  const known = new Map<string, string>();
  if (overrideIds.length === 0) return known;
  const rows = await db().rotationOverrideAuthor.findMany({ where: { overrideId: { in: overrideIds } }, select: { overrideId: true, createdBy: true } });
  for (const r of rows) known.set(r.overrideId, r.createdBy);
  return known;
}

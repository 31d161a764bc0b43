// An API key for tests, with the console user it belongs to (every key has one): made here when
// the test doesn't name one, with the key's role and an e-mail from the key's name.
import { randomBytes, randomUUID } from "node:crypto";
import { createApiKey, type CreatedApiKey } from "@/lib/api-keys";
import { isRole, type Role } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";

export type TestKey = CreatedApiKey & { ownerEmail: string };

export async function createTestKey(db: Db, input: { name: string; role: Role; userId?: string }): Promise<TestKey> {
  let userId = input.userId;
  let ownerEmail = "";
  if (userId === undefined) {
    const slug = (input.name.trim().toLowerCase().replace(/[^a-z0-9-]+/g, "-").slice(0, 40) || "key").replace(/^-+|-+$/g, "") || "key";
    ownerEmail = `${slug}-${randomBytes(3).toString("hex")}@keys.test`;
    const user = await db.user.create({
      data: { id: randomUUID(), email: ownerEmail, name: input.name.trim() || "key owner", passwordHash: "!", role: isRole(input.role) ? input.role : "viewer" },
      select: { id: true },
    });
    userId = user.id;
  }
  const key = await createApiKey(db, { ...input, userId });
  return { ...key, ownerEmail };
}

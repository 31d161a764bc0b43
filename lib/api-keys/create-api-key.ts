import "server-only";
import { randomUUID } from "node:crypto";
import { isRole, type Role } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { notFound, validation } from "@/lib/im/errors";
import { API_KEY_SUMMARY_SELECT, toApiKeySummary, type ApiKeySummary } from "./api-key";
import { generateAccessKeyId, generateSecretAccessKey, sealSigningKey, signingKeyHash } from "./secrets";

/** `userId`: the console user the key belongs to (and acts as); Settings gives its creator. */
export type CreateApiKeyInput = { name: string; role: Role; userId: string };

/** A new key with its secret: the only time the secret exists outside the caller's hands. */
export type CreatedApiKey = ApiKeySummary & { secretAccessKey: string };

export const API_KEY_NAME_MAX = 64;

export async function createApiKey(db: Db, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  const name = typeof input.name === "string" ? input.name.trim() : "";
  if (!name || name.length > API_KEY_NAME_MAX) {
    throw validation(`An API key needs a name of 1 to ${API_KEY_NAME_MAX} characters`, [
      { name: "name", message: `Must be 1 to ${API_KEY_NAME_MAX} characters` },
    ]);
  }
  if (!isRole(input.role)) {
    throw validation("An API key's role must be admin, responder or viewer", [
      { name: "role", message: "Must be admin, responder or viewer" },
    ]);
  }
  const user = await db.user.findUnique({ where: { id: String(input.userId ?? "") }, select: { id: true } });
  if (!user) throw notFound("USER", String(input.userId ?? ""));
  const secretAccessKey = generateSecretAccessKey();
  const accessKeyId = generateAccessKeyId();
  const row = await db.apiKey.create({
    data: {
      id: randomUUID(),
      accessKeyId,
      signingKeyHash: sealSigningKey(signingKeyHash(secretAccessKey), accessKeyId),
      name,
      role: input.role,
      userId: user.id,
    },
    select: API_KEY_SUMMARY_SELECT,
  });
  return { ...toApiKeySummary(row), secretAccessKey };
}

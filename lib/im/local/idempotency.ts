// clientToken / IdempotencyToken: a retried call with the same token (from the same caller, for
// the same operation) returns the first call's result and creates nothing new. The record is
// written in the same transaction as the operation's own rows, so two racing retries cannot both
// create: the second one's insert hits the unique key, rolls back, and returns the first result.
import { createHash, randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { conflict } from "../errors";
import type { ServiceId } from "../model";
import type { LocalContext } from "./context";

const DATE = "$date";

function encode(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, v) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE]: raw.toISOString() } : v;
  });
}

function decode<T>(text: string): T {
  return JSON.parse(text, (_k, v) => (v && typeof v === "object" && DATE in v ? new Date(v[DATE]) : v)) as T;
}

function requestHash(input: Record<string, unknown>, tokenField: string): string {
  const rest = { ...input, [tokenField]: undefined };
  return createHash("sha256").update(encode(rest)).digest("hex");
}

/**
 * Runs `work` in a transaction, once per client token. Without a token it simply runs.
 */
export async function idempotent<T>(
  ctx: LocalContext,
  key: { service: ServiceId; operation: string; token: string | undefined; tokenField: string },
  input: object,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const { service, operation, token } = key;
  if (!token) return ctx.db.$transaction((tx) => work(tx));
  const hash = requestHash(input as Record<string, unknown>, key.tokenField);
  const where = { service_operation_principal_token: { service, operation, principal: ctx.principalArn, token } };
  const replay = async (): Promise<T | undefined> => {
    const first = await ctx.db.idempotencyRecord.findUnique({ where });
    if (!first) return undefined;
    if (first.requestHash !== hash) {
      throw conflict("CLIENT_TOKEN", token, `The client token ${token} was already used for a ${operation} call with different parameters`);
    }
    return decode<T>(first.response);
  };
  const earlier = await replay();
  if (earlier !== undefined) return earlier;
  try {
    return await ctx.db.$transaction(async (tx) => {
      const result = await work(tx);
      await tx.idempotencyRecord.create({
        data: { id: randomUUID(), service, operation, principal: ctx.principalArn, token, requestHash: hash, response: encode(result) },
      });
      return result;
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      const first = await replay();
      if (first !== undefined) return first;
    }
    throw e;
  }
}

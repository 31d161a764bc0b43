// clientToken / IdempotencyToken: a retried call with the same token (from the same caller, for
// the same operation) returns the first call's result and creates nothing new. The record is
// written in the same transaction as the operation's own rows, so two racing retries cannot both
// create: the second one's insert hits the unique key, rolls back, and returns the first result.
import { createHash, randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db/client";
import { hotQuery, hotReader } from "@/lib/db/hot-reader";
import type { HotTx, HotWriter } from "@/lib/db/hot-writer";
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

type TokenKey = { service: ServiceId; operation: string; token: string | undefined; tokenField: string };

const RECORD = hotQuery(
  "idempotency.byToken",
  `SELECT "requestHash", "response" FROM "IdempotencyRecord" WHERE "service" = ? AND "operation" = ? AND "principal" = ? AND "token" = ?`,
);
const INSERT_RECORD = hotQuery(
  "idempotency.insert",
  `INSERT INTO "IdempotencyRecord" ("id", "service", "operation", "principal", "token", "requestHash", "response", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
);

type RecordRow = { id: string; service: string; operation: string; principal: string; token: string; requestHash: string; response: string };

/**
 * The first call's answer if this token was used before (a hot read); else `transact`, which runs
 * the operation and writes the record `recordOf` gives in its transaction. A racing retry whose
 * record insert hits the unique key answers with the winner's result.
 */
async function oncePerToken<T>(
  ctx: LocalContext,
  key: TokenKey & { token: string },
  input: object,
  transact: (recordOf: (result: T) => RecordRow) => Promise<T>,
): Promise<T> {
  const { service, operation, token } = key;
  const hash = requestHash(input as Record<string, unknown>, key.tokenField);
  const replay = async (): Promise<T | undefined> => {
    const first = await hotReader(ctx.db).get<{ requestHash: string; response: string }>(RECORD, [service, operation, ctx.principalArn, token]);
    if (!first) return undefined;
    if (first.requestHash !== hash) {
      throw conflict("CLIENT_TOKEN", token, `The client token ${token} was already used for a ${operation} call with different parameters`);
    }
    return decode<T>(first.response);
  };
  const earlier = await replay();
  if (earlier !== undefined) return earlier;
  try {
    return await transact((result) => ({ id: randomUUID(), service, operation, principal: ctx.principalArn, token, requestHash: hash, response: encode(result) }));
  } catch (e) {
    if (isUniqueViolation(e)) {
      const first = await replay();
      if (first !== undefined) return first;
    }
    throw e;
  }
}

/**
 * Runs `work` in a transaction, once per client token. Without a token it simply runs.
 */
export async function idempotent<T>(
  ctx: LocalContext,
  key: TokenKey,
  input: object,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const { token } = key;
  if (!token) return ctx.db.$transaction((tx) => work(tx));
  return oncePerToken<T>(ctx, { ...key, token }, input, (recordOf) =>
    ctx.db.$transaction(async (tx) => {
      const result = await work(tx);
      await tx.idempotencyRecord.create({ data: recordOf(result) });
      return result;
    }),
  );
}

/**
 * `idempotent` for a hot write (lib/db/hot-writer.ts): the same records and answers, the first
 * call's record written in the operation's own transaction.
 */
export async function idempotentHot<T>(
  ctx: LocalContext,
  writer: HotWriter,
  key: TokenKey,
  input: object,
  work: (tx: HotTx) => Promise<T>,
): Promise<T> {
  const { token } = key;
  if (!token) return writer.transaction(work);
  return oncePerToken<T>(ctx, { ...key, token }, input, (recordOf) =>
    writer.transaction(async (tx) => {
      const result = await work(tx);
      const r = recordOf(result);
      // createdAt as Prisma's @default(now()) sets it: the time of writing.
      tx.queue(INSERT_RECORD, [r.id, r.service, r.operation, r.principal, r.token, r.requestHash, r.response, new Date()]);
      return result;
    }),
  );
}

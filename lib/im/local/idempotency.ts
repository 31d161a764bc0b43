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

const SET_RESPONSE = hotQuery("idempotency.setResponse", `UPDATE "IdempotencyRecord" SET "response" = ? WHERE "id" = ?`);

type RecordRow = { id: string; service: string; operation: string; principal: string; token: string; requestHash: string; response: string };

type TokenCall = { ctx: LocalContext; key: TokenKey & { token: string }; hash: string };

function tokenCall(ctx: LocalContext, key: TokenKey, input: object): TokenCall | undefined {
  const { token } = key;
  return token ? { ctx, key: { ...key, token }, hash: requestHash(input as Record<string, unknown>, key.tokenField) } : undefined;
}

/** The first call's answer, if this token was used before; a conflict if it was used for other parameters. */
async function replay<T>({ ctx, key, hash }: TokenCall): Promise<T | undefined> {
  const { service, operation, token } = key;
  const first = await hotReader(ctx.db).get<{ requestHash: string; response: string }>(RECORD, [service, operation, ctx.principalArn, token]);
  if (!first) return undefined;
  if (first.requestHash !== hash) {
    throw conflict("CLIENT_TOKEN", token, `The client token ${token} was already used for a ${operation} call with different parameters`);
  }
  return decode<T>(first.response);
}

/**
 * `transact` for a call with a token; a racing retry whose record insert hit the unique key (it
 * rolled back) answers with the first call's result.
 */
async function answeredOnce<T>(call: TokenCall, transact: () => Promise<T>): Promise<T> {
  try {
    return await transact();
  } catch (e) {
    if (isUniqueViolation(e)) {
      const first = await replay<T>(call);
      if (first !== undefined) return first;
    }
    throw e;
  }
}

const recordOf = ({ ctx, key, hash }: TokenCall, response: string): RecordRow => ({
  id: randomUUID(),
  service: key.service,
  operation: key.operation,
  principal: ctx.principalArn,
  token: key.token,
  requestHash: hash,
  response,
});

/**
 * Runs `work` in a transaction, once per client token. Without a token it simply runs. The first
 * call's answer if this token was used before (a hot read); else the operation, with the record
 * written in its transaction.
 */
export async function idempotent<T>(
  ctx: LocalContext,
  key: TokenKey,
  input: object,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  const call = tokenCall(ctx, key, input);
  if (!call) return ctx.db.$transaction((tx) => work(tx));
  const earlier = await replay<T>(call);
  if (earlier !== undefined) return earlier;
  return answeredOnce(call, () =>
    ctx.db.$transaction(async (tx) => {
      const result = await work(tx);
      await tx.idempotencyRecord.create({ data: recordOf(call, encode(result)) });
      return result;
    }),
  );
}

/**
 * `idempotent` for a hot write (lib/db/hot-writer.ts): the same records and answers. The token is
 * claimed first, in the operation's own transaction — its record inserted with an empty answer,
 * the answer set last — so a call whose token was used fails on the record's unique key before
 * the operation's first read, rolls back, and answers from the record; a first call pays no
 * separate lookup (on PostgreSQL both statements travel with others: HotTx.queue).
 */
export async function idempotentHot<T>(
  ctx: LocalContext,
  writer: HotWriter,
  key: TokenKey,
  input: object,
  work: (tx: HotTx) => Promise<T>,
): Promise<T> {
  const call = tokenCall(ctx, key, input);
  if (!call) return writer.transaction(work);
  return answeredOnce(call, () =>
    writer.transaction(async (tx) => {
      const r = recordOf(call, "");
      // createdAt as Prisma's @default(now()) sets it: the time of writing.
      tx.queue(INSERT_RECORD, [r.id, r.service, r.operation, r.principal, r.token, r.requestHash, r.response, new Date()]);
      const result = await work(tx);
      tx.queue(SET_RESPONSE, [encode(result), r.id]);
      return result;
    }),
  );
}

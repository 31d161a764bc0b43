import type { Tx } from "@/lib/db/client";
import { hotWriter, type HotTx } from "@/lib/db/hot-writer";
import { prismaHotTx } from "@/lib/db/prisma-hot-tx";
import type { LocalContext } from "../context";

/** What the engine needs of the local model's context (no caller: the engine acts for no one). */
export type EngineContext = Pick<LocalContext, "db" | "clock" | "notifier" | "accountId" | "region">;

/** A Prisma transaction of this context's database, for the engine's fixed statements (hot-writer.ts, prismaHotTx). */
export function prismaTx(ctx: Pick<EngineContext, "db">, tx: Tx): HotTx {
  return prismaHotTx(tx, hotWriter(ctx.db).dialect);
}

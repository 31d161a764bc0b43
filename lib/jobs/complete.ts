// The completion fence. A domain completes a claimed batch in one transaction with the batch's
// effects, and writes only the effects of the jobs this returns: those it still holds (its claim
// token). A scheduler whose lease ran out, and whose jobs another claimed meanwhile, so writes
// nothing of them (claim.ts). Fixed statements (lib/db/hot-writer.ts): in the hot writer's
// transaction, or in a Prisma transaction through prismaHotTx.
import { HotSql } from "@/lib/db/hot-reader";
import type { HotTx } from "@/lib/db/hot-writer";
import type { Claim } from "./claim";
import { JOB_STATUS } from "./job";

/**
 * Marks these claimed jobs DONE where `claim` still holds them; returns the ids it held. Call it
 * inside the transaction that writes the jobs' effects, before writing them.
 */
export async function completeClaimed(tx: HotTx, ids: string[], claim: Pick<Claim, "now" | "token">, name = "jobs"): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const done = new HotSql()
    .sql(`UPDATE "EngineJob" SET "status" = ?, "doneAt" = ? WHERE `, JOB_STATUS.done, claim.now)
    .in(`"id"`, ids, { oneStatement: true })
    .sql(` AND "status" = ? AND "claimedBy" = ?`, JOB_STATUS.running, claim.token);
  if ((await tx.run(done.query("jobs.complete"), done.params)) >= ids.length) return new Set(ids);
  // Some claims were lost (lease expired, another scheduler took them): find which are ours —
  // those that carry our token and are now DONE (another claimant would have replaced the token).
  const mine = new HotSql()
    .sql(`SELECT "id" FROM "EngineJob" WHERE `)
    .in(`"id"`, ids, { oneStatement: true })
    .sql(` AND "claimedBy" = ? AND "status" = ?`, claim.token, JOB_STATUS.done);
  const owned = new Set((await tx.all<{ id: string }>(mine.query("jobs.completedBy"), mine.params)).map((j) => j.id));
  console.warn(`[${name}] ${ids.length - owned.size} job(s) were claimed by another scheduler after this one's lease ran out; their effects are left to it`);
  return owned;
}

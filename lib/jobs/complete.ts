// The completion fence. A domain completes a claimed batch in one transaction with the batch's
// effects, and writes only the effects of the jobs this returns: those it still holds (its claim
// token). A scheduler whose lease ran out, and whose jobs another claimed meanwhile, so writes
// nothing of them (claim.ts).
import type { Tx } from "@/lib/db/client";
import type { Claim } from "./claim";
import { JOB_STATUS } from "./job";

/**
 * Marks these claimed jobs DONE where `claim` still holds them; returns the ids it held. Call it
 * inside the transaction that writes the jobs' effects, before writing them.
 */
export async function completeClaimed(tx: Tx, ids: string[], claim: Pick<Claim, "now" | "token">, name = "jobs"): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const { count } = await tx.engineJob.updateMany({
    where: { id: { in: ids }, status: JOB_STATUS.running, claimedBy: claim.token },
    data: { status: JOB_STATUS.done, doneAt: claim.now },
  });
  if (count >= ids.length) return new Set(ids);
  // Some claims were lost (lease expired, another scheduler took them): find which are ours —
  // those that carry our token and are now DONE (another claimant would have replaced the token).
  const owned = new Set((await tx.engineJob.findMany({ where: { id: { in: ids }, claimedBy: claim.token, status: JOB_STATUS.done }, select: { id: true } })).map((j) => j.id));
  console.warn(`[${name}] ${ids.length - owned.size} job(s) were claimed by another scheduler after this one's lease ran out; their effects are left to it`);
  return owned;
}

// PutResourcePolicy, GetResourcePolicies, DeleteResourcePolicy: the policies that share a response
// plan through AWS RAM (reference: PutResourcePolicy). The local model has no RAM to share with; it
// keeps each policy so callers and the console see exactly what they attached.
import { randomBytes } from "node:crypto";
import type * as I from "@aws-sdk/client-ssm-incidents";
import type { Tx } from "@/lib/db/client";
import type { Out } from "../../contract";
import { notFound, validation } from "../../errors";
import { parseIncidentsArn } from "@/lib/im/arns";
import type { LocalContext } from "../context";
import { decodeCursor, page } from "../pagination";

/**
 * Only response plans take resource policies (reference: PutResourcePolicy "Adds a resource policy
 * to the specified response plan"; GetResourcePolicies "attached to the specified response plan").
 */
async function requirePlan(db: Tx, resourceArn: string): Promise<void> {
  if (parseIncidentsArn(resourceArn)?.resourceType !== "response-plan") {
    throw validation(`Resource policies attach to response plans only; ${resourceArn} is not a response plan ARN`, [
      { name: "resourceArn", message: "Not a response plan ARN" },
    ]);
  }
  const plan = await db.responsePlan.findUnique({ where: { arn: resourceArn }, select: { id: true } });
  if (!plan) throw notFound("RESPONSE_PLAN", resourceArn, `Response plan ${resourceArn} does not exist`);
}

/** A policy document must be a JSON policy with statements, as RAM would read it. */
function checkPolicy(policy: string): void {
  let doc: unknown;
  try {
    doc = JSON.parse(policy);
  } catch {
    throw validation("The policy is not valid JSON", [{ name: "policy", message: "Not valid JSON" }]);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc) || !("Statement" in doc)) {
    throw validation("The policy must be a JSON policy document with a Statement", [{ name: "policy", message: "Missing Statement" }]);
  }
}

export async function putResourcePolicy(
  ctx: LocalContext,
  input: I.PutResourcePolicyCommandInput,
): Promise<Out<I.PutResourcePolicyCommandOutput>> {
  const resourceArn = input.resourceArn!;
  checkPolicy(input.policy!);
  return ctx.db.$transaction(async (tx) => {
    await requirePlan(tx, resourceArn);
    // Each call adds a policy with its own id (the 32-hex-digit form of the reference's examples);
    // DeleteResourcePolicy removes one by that id.
    const policyId = randomBytes(16).toString("hex");
    await tx.resourcePolicy.create({
      data: {
        id: policyId,
        resourceArn,
        policyDocument: input.policy!,
        // The Region whose RAM share the policy describes: the local model's own Region.
        ramResourceShareRegion: ctx.region,
        createdAt: ctx.clock.now(),
      },
    });
    return { policyId };
  });
}

export async function getResourcePolicies(
  ctx: LocalContext,
  input: I.GetResourcePoliciesCommandInput,
): Promise<Out<I.GetResourcePoliciesCommandOutput>> {
  const resourceArn = input.resourceArn!;
  await requirePlan(ctx.db, resourceArn);
  const limit = input.maxResults ?? 100;
  const cursor = decodeCursor(input.nextToken);
  const at = cursor ? new Date(Number(cursor.k)) : undefined;
  const rows = await ctx.db.resourcePolicy.findMany({
    where: at
      ? { resourceArn, OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: cursor!.id } }] }
      : { resourceArn },
    select: { id: true, policyDocument: true, ramResourceShareRegion: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const { items, nextToken } = page(rows, limit, (r) => r.createdAt.getTime());
  return {
    resourcePolicies: items.map((r) => ({ policyId: r.id, policyDocument: r.policyDocument, ramResourceShareRegion: r.ramResourceShareRegion })),
    nextToken,
  };
}

export async function deleteResourcePolicy(
  ctx: LocalContext,
  input: I.DeleteResourcePolicyCommandInput,
): Promise<Out<I.DeleteResourcePolicyCommandOutput>> {
  const resourceArn = input.resourceArn!;
  const policyId = input.policyId!;
  return ctx.db.$transaction(async (tx) => {
    await requirePlan(tx, resourceArn);
    // Scoped by the plan as well as the id: a policy of another plan is not this plan's to delete.
    const { count } = await tx.resourcePolicy.deleteMany({ where: { id: policyId, resourceArn } });
    if (count === 0) {
      throw notFound("RESOURCE_POLICY", policyId, `Resource policy ${policyId} is not attached to ${resourceArn}`);
    }
    return {};
  });
}

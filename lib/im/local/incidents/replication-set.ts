// The replication set: CreateReplicationSet, GetReplicationSet, ListReplicationSets,
// UpdateReplicationSet, UpdateDeletionProtection, DeleteReplicationSet.
//
// AWS adds and removes a Region asynchronously: the Region is CREATING (or DELETING) and the set
// UPDATING until the change completes. The local model completes a change REGION_SETTLE_MS after it
// started, judged by the Region's statusUpdateDateTime against the context's clock, so no background
// timer is needed and tests move a ManualClock instead of sleeping: reads show the settled state,
// and the next write stores it.
import type * as I from "@aws-sdk/client-ssm-incidents";
import type { Tx } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import type * as M from "@/lib/db/generated/sqlite/models";
import type { Out } from "../../contract";
import { conflict, notFound, validation } from "../../errors";
import { memberMax } from "../../model";
import { incidentsArn, newId } from "@/lib/im/arns";
import type { LocalContext } from "../context";
import { idempotent } from "../idempotency";
import { toReplicationSet } from "./records";
import { addTags } from "./tags";

/** How long adding or removing a Region takes in the local model. */
export const REGION_SETTLE_MS = 3_000;

/** A replication set spans at most as many Regions as CreateReplicationSet's regions map holds. */
export const MAX_REGIONS = memberMax("ssm-incidents", "CreateReplicationSetInput", "regions");

type SetRow = M.ReplicationSetModel & { regions: M.ReplicationRegionModel[] };

const withRegions = { regions: { orderBy: { regionName: "asc" } } } as const;

/** The set as it stands at `now`: due Region changes completed, and the set's status to match. */
export function settle(row: SetRow, now: Date): SetRow {
  const regions = row.regions.flatMap((r) => {
    const doneAt = r.statusUpdateDateTime.getTime() + REGION_SETTLE_MS;
    if (doneAt > now.getTime()) return [r];
    if (r.status === "CREATING") return [{ ...r, status: "ACTIVE", statusUpdateDateTime: new Date(doneAt) }];
    if (r.status === "DELETING") return [];
    return [r];
  });
  const changing = regions.some((r) => r.status === "CREATING" || r.status === "DELETING");
  return { ...row, regions, status: changing ? "UPDATING" : "ACTIVE" };
}

/** Stores what `settle` worked out, so the rows agree with what reads have been showing. */
async function storeSettled(tx: Tx, stored: SetRow, settled: SetRow): Promise<void> {
  for (const r of stored.regions) {
    const now = settled.regions.find((s) => s.id === r.id);
    if (!now) await tx.replicationRegion.delete({ where: { id: r.id } });
    else if (now.status !== r.status) {
      await tx.replicationRegion.update({ where: { id: r.id }, data: { status: now.status, statusUpdateDateTime: now.statusUpdateDateTime } });
    }
  }
  if (settled.status !== stored.status) await tx.replicationSet.update({ where: { id: stored.id }, data: { status: settled.status } });
}

async function findSet(tx: Tx, arn: string): Promise<SetRow> {
  const row = await tx.replicationSet.findUnique({ where: { arn }, include: withRegions });
  if (!row) throw notFound("REPLICATION_SET", arn, `Replication set ${arn} does not exist`);
  return row;
}

export async function createReplicationSet(
  ctx: LocalContext,
  input: I.CreateReplicationSetCommandInput,
): Promise<Out<I.CreateReplicationSetCommandOutput>> {
  const exists = (arn: string) => conflict("REPLICATION_SET", arn, `A replication set already exists in this account: ${arn}`);
  try {
    return await createSet(ctx, input, exists);
  } catch (e) {
    // Another CreateReplicationSet (say, a second console starting on the same database) won the
    // singleton key between our check and our insert: the same answer as if it had come first.
    if (!isUniqueViolation(e, "singleton")) throw e;
    const winner = await ctx.db.replicationSet.findUnique({ where: { singleton: 1 }, select: { arn: true } });
    if (!winner) throw e;
    throw exists(winner.arn);
  }
}

function createSet(
  ctx: LocalContext,
  input: I.CreateReplicationSetCommandInput,
  exists: (arn: string) => Error,
): Promise<Out<I.CreateReplicationSetCommandOutput>> {
  return idempotent(ctx, { service: "ssm-incidents", operation: "CreateReplicationSet", token: input.clientToken, tokenField: "clientToken" }, input, async (tx) => {
    const existing = await tx.replicationSet.findFirst({ select: { arn: true } });
    // One replication set per account (reference: CreateReplicationSet); the unique `singleton`
    // column holds it when two creates race past this check.
    if (existing) throw exists(existing.arn);
    const now = ctx.clock.now();
    const id = newId();
    const arn = incidentsArn.replicationSet(ctx, id);
    // A new set starts ACTIVE at once: the console sets Incident Manager up on first run and is
    // usable immediately; only later Region changes take REGION_SETTLE_MS.
    await tx.replicationSet.create({
      data: {
        id,
        arn,
        singleton: 1,
        status: "ACTIVE",
        createdBy: ctx.principalArn,
        createdTime: now,
        lastModifiedBy: ctx.principalArn,
        lastModifiedTime: now,
        regions: {
          create: Object.entries(input.regions ?? {}).map(([regionName, v]) => ({
            id: newId(),
            regionName,
            sseKmsKeyId: v?.sseKmsKeyId ?? "DefaultKey",
            status: "ACTIVE",
            statusUpdateDateTime: now,
          })),
        },
      },
    });
    await addTags(tx, arn, input.tags);
    return { arn };
  });
}

export async function getReplicationSet(
  ctx: LocalContext,
  input: I.GetReplicationSetCommandInput,
): Promise<Out<I.GetReplicationSetCommandOutput>> {
  const row = await findSet(ctx.db, input.arn!);
  return { replicationSet: toReplicationSet(settle(row, ctx.clock.now())) };
}

export async function listReplicationSets(
  ctx: LocalContext,
  _input: I.ListReplicationSetsCommandInput,
): Promise<Out<I.ListReplicationSetsCommandOutput>> {
  // At most one per account, so there is never a second page.
  const rows = await ctx.db.replicationSet.findMany({ select: { arn: true }, orderBy: { createdTime: "asc" } });
  return { replicationSetArns: rows.map((r) => r.arn) };
}

/**
 * Incident operations need a replication set that is ACTIVE, or UPDATING while a Region joins or
 * leaves (the set's other Regions keep serving). `settle` gives every stored set one of the two (a
 * set being deleted is gone at once), so the check is that one exists: StartIncident's first
 * statement reads it (hot-writes.ts).
 */
export const notSetUp = () =>
  conflict("REPLICATION_SET", "none", "Incident Manager is not set up in this account: create a replication set (CreateReplicationSet) first");

export async function updateReplicationSet(
  ctx: LocalContext,
  input: I.UpdateReplicationSetCommandInput,
): Promise<Out<I.UpdateReplicationSetCommandOutput>> {
  return idempotent(ctx, { service: "ssm-incidents", operation: "UpdateReplicationSet", token: input.clientToken, tokenField: "clientToken" }, input, async (tx) => {
    const now = ctx.clock.now();
    const stored = await findSet(tx, input.arn!);
    const set = settle(stored, now);
    await storeSettled(tx, stored, set);
    // One change at a time (the model's actions list holds exactly one): a Region still joining or
    // leaving leaves the set in an intermediate state that another change would conflict with.
    if (set.status !== "ACTIVE") {
      throw conflict("REPLICATION_SET", set.arn, "A Region is still being added to or removed from the replication set; try again when its status is ACTIVE");
    }
    const action = input.actions![0];
    if (action.addRegionAction) {
      const { regionName, sseKmsKeyId } = action.addRegionAction;
      if (!regionName) throw validation("addRegionAction needs a regionName", [{ name: "actions[0].addRegionAction.regionName", message: "Must not be empty" }]);
      if (set.regions.some((r) => r.regionName === regionName)) {
        throw validation(`${regionName} is already in the replication set`, [{ name: "actions[0].addRegionAction.regionName", message: "Already in the set" }]);
      }
      if (set.regions.length >= MAX_REGIONS) {
        throw validation(`A replication set spans at most ${MAX_REGIONS} Regions; delete one before adding ${regionName}`, [
          { name: "actions[0].addRegionAction.regionName", message: `At most ${MAX_REGIONS} Regions` },
        ]);
      }
      await tx.replicationRegion.create({
        data: { id: newId(), replicationSetId: set.id, regionName, sseKmsKeyId: sseKmsKeyId || "DefaultKey", status: "CREATING", statusUpdateDateTime: now },
      });
    } else {
      const regionName = action.deleteRegionAction!.regionName!;
      const region = set.regions.find((r) => r.regionName === regionName);
      if (!region) {
        throw validation(`${regionName} is not in the replication set`, [{ name: "actions[0].deleteRegionAction.regionName", message: "Not in the set" }]);
      }
      if (set.regions.length === 1) {
        // The last Region goes only with the whole set (reference: DeleteReplicationSet "Deletes all
        // Regions in your replication set"), and deletion protection forbids even that
        // (reference: ReplicationSet.deletionProtected "you can't delete the last AWS Region").
        throw validation(
          set.deletionProtected
            ? `${regionName} is the last Region of the replication set and deletion protection is on: it can't be deleted`
            : `${regionName} is the last Region of the replication set: delete the replication set (DeleteReplicationSet) to remove it`,
          [{ name: "actions[0].deleteRegionAction.regionName", message: "Last Region" }],
        );
      }
      await tx.replicationRegion.update({ where: { id: region.id }, data: { status: "DELETING", statusUpdateDateTime: now } });
    }
    await tx.replicationSet.update({
      where: { id: set.id },
      data: { status: "UPDATING", lastModifiedBy: ctx.principalArn, lastModifiedTime: now },
    });
    return {};
  });
}

export async function updateDeletionProtection(
  ctx: LocalContext,
  input: I.UpdateDeletionProtectionCommandInput,
): Promise<Out<I.UpdateDeletionProtectionCommandOutput>> {
  return idempotent(ctx, { service: "ssm-incidents", operation: "UpdateDeletionProtection", token: input.clientToken, tokenField: "clientToken" }, input, async (tx) => {
    const set = await findSet(tx, input.arn!);
    await tx.replicationSet.update({
      where: { id: set.id },
      data: { deletionProtected: input.deletionProtected!, lastModifiedBy: ctx.principalArn, lastModifiedTime: ctx.clock.now() },
    });
    return {};
  });
}

export async function deleteReplicationSet(
  ctx: LocalContext,
  input: I.DeleteReplicationSetCommandInput,
): Promise<Out<I.DeleteReplicationSetCommandOutput>> {
  return ctx.db.$transaction(async (tx) => {
    const set = await findSet(tx, input.arn!);
    if (set.deletionProtected) {
      throw validation("Deletion protection is on for this replication set: turn it off (UpdateDeletionProtection) before deleting the set", [
        { name: "arn", message: "Deletion protection is on" },
      ]);
    }
    // "Deleting the replication set deletes all Incident Manager data" (reference:
    // DeleteReplicationSet). The replication set is what onboards an account to Incident Manager
    // — its data is replicated with it: response plans, incidents and contacts — so deleting it
    // offboards the account: every incident record (its timeline events, related items and
    // automation executions cascade), every response plan (engagements, actions, integrations
    // cascade), every contact and escalation plan (channels and plan stages cascade), every
    // engagement (pages, receipts and pending engine steps cascade, so nobody is paged after it),
    // the console inbox and delivery log, resource policies, the tags of every Incident Manager
    // resource, and remembered results: a retried call must not answer with an ARN that is gone.
    await tx.incidentRecord.deleteMany({});
    await tx.responsePlan.deleteMany({});
    await tx.resourcePolicy.deleteMany({});
    await tx.engagement.deleteMany({});
    // Rotations first (their members and overrides go with them): a member keeps its contact.
    await tx.rotation.deleteMany({});
    await tx.contact.deleteMany({});
    await tx.notification.deleteMany({});
    await tx.tag.deleteMany({ where: { OR: [{ resourceArn: { contains: ":ssm-incidents:" } }, { resourceArn: { contains: ":ssm-contacts:" } }] } });
    await tx.idempotencyRecord.deleteMany({ where: { service: { in: ["ssm-incidents", "ssm-contacts"] } } });
    await tx.replicationSet.delete({ where: { id: set.id } });
    return {};
  });
}

// The replication set forms (create the set, add a Region, delete the set) and the inputs they
// make, checked against the service model. Shared by the Settings forms and their actions.
import type { CreateReplicationSetCommandInput, UpdateReplicationSetCommandInput } from "@aws-sdk/client-ssm-incidents";
import { z } from "zod";
import { modelRefinement, optional, type FieldFor } from "../core/model-rules";

/**
 * The Regions the pickers offer: the commercial AWS Regions where Incident Manager runs. The model
 * only bounds RegionName's length, so the local model takes any name; AWS refuses the others.
 */
export const INCIDENT_MANAGER_REGIONS = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "af-south-1",
  "ap-east-1",
  "ap-south-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-southeast-3",
  "ca-central-1",
  "eu-central-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-north-1",
  "eu-south-1",
  "me-south-1",
  "sa-east-1",
] as const;

/** A replication set spans at most this many Regions (the model's RegionMapInput). */
export const MAX_REPLICATION_REGIONS = 3;

/** What the delete dialog asks the admin to type, as AWS's console does. */
export const DELETE_CONFIRMATION = "delete";

// A Region name's form (as IM_REGION is checked); its length limit comes from the model.
const regionName = z.string().trim().regex(/^[a-z]{2}(-[a-z]+)+-[0-9]+$/, "Choose a Region.");

// ---- Add a Region (UpdateReplicationSet addRegionAction) ----

const addRegionFields = { arn: z.string().min(1), regionName, sseKmsKeyId: z.string() };
export type AddRegionFormValues = z.input<z.ZodObject<typeof addRegionFields>>;

export function toAddRegionInput(v: AddRegionFormValues): UpdateReplicationSetCommandInput {
  return { arn: v.arn, actions: [{ addRegionAction: { regionName: v.regionName.trim(), sseKmsKeyId: optional(v.sseKmsKeyId) } }] };
}

/** `actions[0].addRegionAction.regionName` → regionName (the local model names its refusals so). */
export const addRegionFieldFor: FieldFor = (path) => /\.(regionName|sseKmsKeyId)$/.exec(path)?.[1];

export const addRegionFormSchema = z
  .object(addRegionFields)
  .superRefine(modelRefinement("ssm-incidents", "UpdateReplicationSetInput", toAddRegionInput, addRegionFieldFor));

// ---- Create the set (CreateReplicationSet) ----

const createFields = {
  regions: z.array(z.object({ regionName, sseKmsKeyId: z.string() })).min(1, "Choose at least one Region."),
};
export type CreateReplicationSetFormValues = z.input<z.ZodObject<typeof createFields>>;

export function toCreateReplicationSetInput(v: CreateReplicationSetFormValues): CreateReplicationSetCommandInput {
  return { regions: Object.fromEntries(v.regions.map((r) => [r.regionName.trim(), { sseKmsKeyId: optional(r.sseKmsKeyId) }])) };
}

/** `regions` (how many) → the picker; `regions.eu-west-1.sseKmsKeyId` → that Region's key field. */
function createFieldFor(values: CreateReplicationSetFormValues): FieldFor {
  return (path) => {
    const key = /^regions\.(.+)\.sseKmsKeyId$/.exec(path)?.[1];
    if (!key) return path.startsWith("regions") ? "regions" : undefined;
    const i = values.regions.findIndex((r) => r.regionName === key);
    return i < 0 ? "regions" : `regions.${i}.sseKmsKeyId`;
  };
}

export const createReplicationSetFormSchema = z.object(createFields).superRefine((v, ctx) => {
  modelRefinement("ssm-incidents", "CreateReplicationSetInput", toCreateReplicationSetInput, createFieldFor(v))(v, ctx);
});

// ---- Delete the set (DeleteReplicationSet), after the typed confirmation ----

export const deleteReplicationSetFormSchema = z.object({
  arn: z.string().min(1),
  confirmation: z.string().refine((s) => s.trim() === DELETE_CONFIRMATION, `Type ${DELETE_CONFIRMATION} to confirm.`),
});
export type DeleteReplicationSetFormValues = z.input<typeof deleteReplicationSetFormSchema>;

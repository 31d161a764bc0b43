// The Settings forms and the inputs they make, checked against the service model; shared by the
// forms and their actions: the replication set (create the set, add or remove a Region, deletion
// protection, delete the set), resource policies and the tags of any resource.
import type { CreateReplicationSetCommandInput, UpdateReplicationSetCommandInput, PutResourcePolicyCommandInput } from "@aws-sdk/client-ssm-incidents";
import { z } from "zod";
import { modelRefinement, optional, type FieldFor } from "@/lib/console/core/model-rules";
import { checkTagKeys, tagRow, toTagMap } from "@/lib/console/tags/schemas";
import { maxOf, memberMax, type ServiceId } from "@/lib/im/model";
import { NOT_AN_IM_ARN, serviceOfArn } from "@/lib/console/tags/service-of-arn";

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

/** A replication set spans at most this many Regions (CreateReplicationSet's regions). */
export const MAX_REPLICATION_REGIONS = memberMax("ssm-incidents", "CreateReplicationSetInput", "regions");

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

// ---- Remove a Region, deletion protection: the set's ARN and a Region name from the page ----

const setArn = z.string().trim().min(1).max(memberMax("ssm-incidents", "UpdateReplicationSetInput", "arn"));

export const deleteRegionSchema = z.object({
  arn: setArn,
  regionName: z.string().trim().min(1).max(memberMax("ssm-incidents", "DeleteRegionAction", "regionName")),
});

export const deletionProtectionSchema = z.object({ arn: setArn, deletionProtected: z.boolean() });

// ---- Delete the set (DeleteReplicationSet), after the typed confirmation ----

export const deleteReplicationSetFormSchema = z.object({
  arn: z.string().min(1),
  confirmation: z.string().refine((s) => s.trim() === DELETE_CONFIRMATION, `Type ${DELETE_CONFIRMATION} to confirm.`),
});
export type DeleteReplicationSetFormValues = z.input<typeof deleteReplicationSetFormSchema>;

// ---- Resource policies: a response plan and a JSON policy document (PutResourcePolicy) ----
// The browser checks that the text is a JSON object and fits the model; what a policy may say is
// the backend's to judge (the local model wants a Statement, AWS RAM more).

const policyFields = { resourceArn: z.string().min(1, "Choose a response plan."), policy: z.string() };
export type ResourcePolicyFormValues = z.input<z.ZodObject<typeof policyFields>>;

export function toPutResourcePolicyInput(v: ResourcePolicyFormValues): PutResourcePolicyCommandInput {
  return { resourceArn: v.resourceArn, policy: v.policy.trim() };
}

export const resourcePolicyFieldFor: FieldFor = (path) => (path === "policy" || path === "resourceArn" ? path : undefined);

/** Why a policy text isn't a JSON object, or undefined when it is one. */
export function policyJsonProblem(text: string): string | undefined {
  if (!text.trim()) return "Enter a policy document.";
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return `Not valid JSON: ${e instanceof Error ? e.message : String(e)}`;
  }
  return typeof doc === "object" && doc !== null && !Array.isArray(doc) ? undefined : "Must be a JSON object (a policy document).";
}

export const resourcePolicyFormSchema = z
  .object(policyFields)
  .superRefine((v, ctx) => {
    const problem = policyJsonProblem(v.policy);
    if (problem) ctx.addIssue({ code: "custom", path: ["policy"], message: problem });
  })
  .superRefine(modelRefinement("ssm-incidents", "PutResourcePolicyInput", toPutResourcePolicyInput, resourcePolicyFieldFor));

/** DeleteResourcePolicy of a policy the page lists. */
export const deleteResourcePolicySchema = z.object({
  resourceArn: z.string().trim().min(1).max(memberMax("ssm-incidents", "DeleteResourcePolicyInput", "resourceArn")),
  policyId: z.string().trim().min(1).max(memberMax("ssm-incidents", "DeleteResourcePolicyInput", "policyId")),
});

/** A stored policy as the page shows it: indented when it is JSON, as stored when it isn't. */
export function prettyPolicy(doc: string): string {
  try {
    return JSON.stringify(JSON.parse(doc), null, 2);
  } catch {
    return doc;
  }
}

// ---- Tags of any Incident Manager resource, in either service ----
// The rows are checked against the model of the service that owns the ARN (ssm-incidents' TagMap,
// or ssm-contacts' TagsList, whose keys and values follow other patterns), each problem on its row.

// Either service's ARN, so the longer of their ARN shapes bounds it; TagResource then checks the
// owning service's own member.
const TAGGED_ARN_MAX = Math.max(maxOf("ssm-incidents", "Arn"), maxOf("ssm-contacts", "SsmContactsArn"));
const arnField = z.string().trim().min(1, "Enter an ARN.").max(TAGGED_ARN_MAX).refine((arn) => serviceOfArn(arn) !== undefined, NOT_AN_IM_ARN);

const tagFields = {
  arn: arnField,
  tags: z.array(tagRow),
  /** The keys the editor was opened with: those no longer among the rows are untagged. */
  loadedKeys: z.array(z.string()),
};
export type ResourceTagsFormValues = z.input<z.ZodObject<typeof tagFields>>;

/** The TagResource input for the rows, in the owning service's shape. */
function toTagResourceInput(service: ServiceId, v: ResourceTagsFormValues): unknown {
  if (service === "ssm-incidents") return { resourceArn: v.arn.trim(), tags: toTagMap(v.tags) };
  return { ResourceARN: v.arn.trim(), Tags: v.tags.map((t) => ({ Key: t.key.trim(), Value: t.value.trim() })) };
}

/** A model member path → the row field it belongs to (`tags.env(key)`, `Tags[2].Value`, ...). */
function rowFieldFor(v: ResourceTagsFormValues): FieldFor {
  const rowOf = (key: string) => v.tags.findIndex((t) => t.key.trim() === key);
  return (path) => {
    const listed = /^Tags\[(\d+)\]\.(Key|Value)$/.exec(path);
    if (listed) return `tags.${listed[1]}.${listed[2].toLowerCase()}`;
    const mapped = /^tags\.(.*?)(\(key\))?$/.exec(path);
    if (mapped) {
      const i = rowOf(mapped[1]);
      return i < 0 ? "tags" : `tags.${i}.${mapped[2] ? "key" : "value"}`;
    }
    if (path === "tags" || path === "Tags") return "tags";
    return path === "resourceArn" || path === "ResourceARN" ? "arn" : undefined;
  };
}

export const resourceTagsFormSchema = z
  .object(tagFields)
  .superRefine(checkTagKeys)
  .superRefine((v, ctx) => {
    const service = serviceOfArn(v.arn);
    // Nothing to set: only UntagResource runs, with keys the resource already had.
    if (!service || v.tags.length === 0) return;
    modelRefinement(service, "TagResourceRequest", (x: ResourceTagsFormValues) => toTagResourceInput(service, x), rowFieldFor(v))(v, ctx);
  });

/** Every field a server refusal may name, for useActionForm. */
export function resourceTagsFieldNames(v: ResourceTagsFormValues): string[] {
  return ["arn", "tags", ...v.tags.flatMap((_, i) => [`tags.${i}.key`, `tags.${i}.value`])];
}

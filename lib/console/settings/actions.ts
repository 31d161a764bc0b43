"use server";
// Settings mutations (admins only: settings.write; safeAction checks the session and the role
// before the input is even parsed): API access keys; resource policies of a response plan
// (PutResourcePolicy, DeleteResourcePolicy); the replication set (create it, add or remove a
// Region, deletion protection, delete it with everything Incident Manager holds); the tags of any
// Incident Manager resource, by ARN. Console users are lib/console/users.
import { z } from "zod";
import { createApiKey, revokeApiKey } from "@/lib/api-keys";
import { API_KEY_NAME_MAX } from "@/lib/api-keys/create-api-key";
import { config } from "@/lib/config";
import { safeAction } from "@/lib/console/core/safe-action";
import type { CreatedKey } from "@/lib/console/settings/dto";
import { updateResourceTags } from "@/lib/console/tags/resource-tags";
import { roleSchema } from "@/lib/console/users/schemas";
import { db } from "@/lib/db/client";
import { validation, ImError, isImError } from "@/lib/im/errors";
import {
  resourcePolicyFieldFor,
  resourcePolicyFormSchema,
  toPutResourcePolicyInput,
  addRegionFieldFor,
  addRegionFormSchema,
  createReplicationSetFormSchema,
  deleteRegionSchema,
  deleteReplicationSetFormSchema,
  deleteResourcePolicySchema,
  deletionProtectionSchema,
  toAddRegionInput,
  toCreateReplicationSetInput,
  resourceTagsFormSchema,
} from "./schemas";

const SETTINGS = () => ["/settings"];
const byName = (path: string) => path;

export const createApiKeyAction = safeAction({
  name: "createApiKeyAction",
  input: z.object({ name: z.string().trim().min(1, "Enter a name").max(API_KEY_NAME_MAX, `At most ${API_KEY_NAME_MAX} characters`), role: roleSchema }),
  permission: "settings.write",
  fieldFor: byName,
  run: async ({ name, role }, { user }): Promise<CreatedKey> => {
    // Keys sign calls to the local model's endpoints; an aws-mode console shows a note instead.
    if (config().backend !== "local") throw validation("API access keys are for a console in local mode. In aws mode, use IAM access keys with the AWS CLI and SDKs.");
    // The key belongs to the admin who makes it: it acts as them, and stops if they are deactivated.
    const key = await createApiKey(db(), { name, role, userId: user.id });
    return { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey, name: key.name, role };
  },
  revalidate: SETTINGS,
});

export const revokeApiKeyAction = safeAction({
  name: "revokeApiKeyAction",
  input: z.object({ accessKeyId: z.string().trim().min(1).max(128) }),
  permission: "settings.write",
  run: async ({ accessKeyId }) => {
    const key = await revokeApiKey(db(), accessKeyId);
    return { accessKeyId: key.accessKeyId };
  },
  revalidate: SETTINGS,
});

export const putResourcePolicyAction = safeAction({
  name: "putResourcePolicyAction",
  input: resourcePolicyFormSchema,
  permission: "settings.write",
  fieldFor: resourcePolicyFieldFor,
  run: async (values, { im }) => {
    try {
      const { policyId } = await im.incidents.putResourcePolicy(toPutResourcePolicyInput(values));
      return { policyId: policyId! };
    } catch (e) {
      // ssm-incidents' ValidationException has no field list on the wire (aws mode loses the
      // local model's); the plan came from a picker, so what the backend refused is the document.
      if (isImError(e) && e.code === "ValidationException" && !e.details.fields?.length) {
        throw new ImError(e.code, e.message, { ...e.details, fields: [{ name: "policy", message: e.message }] });
      }
      throw e;
    }
  },
});

export const deleteResourcePolicyAction = safeAction({
  name: "deleteResourcePolicyAction",
  input: deleteResourcePolicySchema,
  permission: "settings.write",
  run: async ({ resourceArn, policyId }, { im }) => {
    await im.incidents.deleteResourcePolicy({ resourceArn, policyId });
    return { policyId };
  },
});

export const createReplicationSetAction = safeAction({
  name: "createReplicationSetAction",
  input: createReplicationSetFormSchema,
  permission: "settings.write",
  fieldFor: (path) => (path.startsWith("regions") ? "regions" : undefined),
  run: async (values, { im }) => {
    const { arn } = await im.incidents.createReplicationSet(toCreateReplicationSetInput(values));
    return { arn: arn! };
  },
  revalidate: SETTINGS,
});

export const addReplicationRegionAction = safeAction({
  name: "addReplicationRegionAction",
  input: addRegionFormSchema,
  permission: "settings.write",
  fieldFor: addRegionFieldFor,
  run: async (values, { im }) => {
    await im.incidents.updateReplicationSet(toAddRegionInput(values));
    return { regionName: values.regionName };
  },
  revalidate: SETTINGS,
});

export const deleteReplicationRegionAction = safeAction({
  name: "deleteReplicationRegionAction",
  input: deleteRegionSchema,
  permission: "settings.write",
  run: async ({ arn, regionName }, { im }) => {
    await im.incidents.updateReplicationSet({ arn, actions: [{ deleteRegionAction: { regionName } }] });
    return { regionName };
  },
  revalidate: SETTINGS,
});

export const updateDeletionProtectionAction = safeAction({
  name: "updateDeletionProtectionAction",
  input: deletionProtectionSchema,
  permission: "settings.write",
  run: async ({ arn, deletionProtected }, { im }) => {
    await im.incidents.updateDeletionProtection({ arn, deletionProtected });
    return { deletionProtected };
  },
  revalidate: SETTINGS,
});

/** The typed confirmation is checked here too: a request without it deletes nothing. */
export const deleteReplicationSetAction = safeAction({
  name: "deleteReplicationSetAction",
  input: deleteReplicationSetFormSchema,
  permission: "settings.write",
  run: async ({ arn }, { im }) => {
    await im.incidents.deleteReplicationSet({ arn });
    return { arn };
  },
  revalidate: SETTINGS,
});

/** `tags.<key>`, `Tags[i]` and `ResourceARN` refusals of the backend: the whole editor, or the ARN. */
const tagsFieldFor = (path: string) => (/^(tags|Tags)\b/.test(path) ? "tags" : /^(resourceArn|ResourceARN|arn)$/.test(path) ? "arn" : undefined);

/** UntagResource then TagResource; safe to retry (resource-tags.ts). */
export const updateResourceTagsAction = safeAction({
  name: "updateResourceTagsAction",
  input: resourceTagsFormSchema,
  permission: "settings.write",
  fieldFor: tagsFieldFor,
  run: async ({ arn, tags, loadedKeys }, { im }) => {
    const rows = tags.map((t) => ({ key: t.key.trim(), value: t.value.trim() }));
    const kept = new Set(rows.map((t) => t.key));
    await updateResourceTags(im, arn, rows, loadedKeys.filter((k) => !kept.has(k)));
    return { arn };
  },
});

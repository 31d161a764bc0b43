"use server";
// Settings → Replication set (admins only: settings.write): create the set, add or remove a
// Region, deletion protection, and delete the set with everything Incident Manager holds.
import { z } from "zod";
import { safeAction } from "../core/safe-action";
import {
  addRegionFieldFor,
  addRegionFormSchema,
  createReplicationSetFormSchema,
  deleteReplicationSetFormSchema,
  toAddRegionInput,
  toCreateReplicationSetInput,
} from "./schemas";

const arn = z.string().trim().min(1).max(1000);
const SETTINGS = () => ["/settings"];

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
  input: z.object({ arn, regionName: z.string().trim().min(1).max(20) }),
  permission: "settings.write",
  run: async ({ arn, regionName }, { im }) => {
    await im.incidents.updateReplicationSet({ arn, actions: [{ deleteRegionAction: { regionName } }] });
    return { regionName };
  },
  revalidate: SETTINGS,
});

export const updateDeletionProtectionAction = safeAction({
  name: "updateDeletionProtectionAction",
  input: z.object({ arn, deletionProtected: z.boolean() }),
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

"use server";
// An incident's related items: add one, remove one (UpdateRelatedItems).
import type { ItemType, ItemValue } from "@aws-sdk/client-ssm-incidents";
import { safeAction } from "@/lib/console/core/safe-action";
import { addRelatedItemFieldFor, addRelatedItemFormSchema, removeRelatedItemSchema, toAddRelatedItemsInput } from "./schemas";

/** Adds one related item; the same type and value twice is a ConflictException, shown on the value field. */
export const addRelatedItemAction = safeAction({
  name: "addRelatedItemAction",
  input: addRelatedItemFormSchema,
  permission: "incidents.write",
  fieldFor: addRelatedItemFieldFor,
  conflictField: "value",
  run: async (values, { im }) => {
    await im.incidents.updateRelatedItems(toAddRelatedItemsInput(values));
    return { arn: values.incidentArn };
  },
});

/** Removes one related item, named by its type and value. */
export const removeRelatedItemAction = safeAction({
  name: "removeRelatedItemAction",
  input: removeRelatedItemSchema,
  permission: "incidents.write",
  run: async (v, { im }) => {
    const value = (v.value.arn ? { arn: v.value.arn } : v.value.url ? { url: v.value.url } : { metricDefinition: v.value.metricDefinition }) as ItemValue;
    await im.incidents.updateRelatedItems({
      incidentRecordArn: v.incidentArn,
      relatedItemsUpdate: { itemToRemove: { type: v.type as ItemType, value } },
    });
    return { arn: v.incidentArn };
  },
});

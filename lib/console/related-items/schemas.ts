// The Related items tab's forms: add one (UpdateRelatedItems' itemToAdd, made the way StartIncident
// makes its relatedItems: lib/console/incidents/schemas.ts) and remove one, with the model's rules
// and where its complaints belong. Shared by the tab and its actions.
import type { UpdateRelatedItemsCommandInput } from "@aws-sdk/client-ssm-incidents";
import { z } from "zod";
import { modelRefinement, type FieldFor } from "@/lib/console/core/model-rules";
import { relatedItemField, relatedItemFields, toRelatedItem } from "@/lib/console/incidents/schemas";


export const addRelatedItemSchema = z.object({ incidentArn: z.string().min(1), ...relatedItemFields });
export type AddRelatedItemValues = z.infer<typeof addRelatedItemSchema>;

export function toAddRelatedItemsInput(v: AddRelatedItemValues): UpdateRelatedItemsCommandInput {
  return { incidentRecordArn: v.incidentArn, relatedItemsUpdate: { itemToAdd: toRelatedItem(v) } };
}

export const addRelatedItemFieldFor: FieldFor = (path) => {
  const m = /^relatedItemsUpdate\.itemToAdd(.*)$/.exec(path);
  return m ? relatedItemField(m[1]) : undefined;
};

export const addRelatedItemFormSchema = addRelatedItemSchema
  .superRefine((v, ctx) => {
    if (!v.value.trim()) ctx.addIssue({ code: "custom", path: ["value"], message: "Required." });
  })
  .superRefine(modelRefinement("ssm-incidents", "UpdateRelatedItemsInput", toAddRelatedItemsInput, addRelatedItemFieldFor));

/** Removing names the item by its type and value, as UpdateRelatedItems' itemToRemove does. */
export const removeRelatedItemSchema = z.object({
  incidentArn: z.string().min(1),
  type: z.string().min(1),
  value: z.object({ arn: z.string().optional(), url: z.string().optional(), metricDefinition: z.string().optional() }),
});

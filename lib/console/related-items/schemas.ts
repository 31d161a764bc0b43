// A related item as the console's forms take it (type, a URL or an ARN, a title), the model's
// RelatedItem it becomes, and where the model's complaints about it belong. Shared by the
// start-incident dialog, the Related items tab and their actions.
import type { ItemType, ItemValue, RelatedItem, UpdateRelatedItemsCommandInput } from "@aws-sdk/client-ssm-incidents";
import { z } from "zod";
import { modelRefinement, optional, type FieldFor } from "../core/model-rules";

export { RELATED_ITEM_TYPES } from "./item-types";

export const relatedItemFields = { type: z.string(), value: z.string(), title: z.string() };
export type RelatedItemFormValues = { type: string; value: string; title: string };

/** An ARN is given as one; anything else is a URL (the model checks its form). */
export function toRelatedItem(v: RelatedItemFormValues): RelatedItem {
  const value = v.value.trim();
  return {
    identifier: { type: (optional(v.type) ?? undefined) as ItemType, value: (value.startsWith("arn:") ? { arn: value } : { url: value || undefined }) as ItemValue },
    title: optional(v.title),
  };
}

/** `…identifier.value.url` → `value`, `…identifier.type` → `type`, `…title` → `title`. */
export function relatedItemField(rest: string): string | undefined {
  if (/^\.?identifier\.value/.test(rest)) return "value";
  if (/^\.?identifier\.type/.test(rest) || /^\.?identifier$/.test(rest)) return "type";
  if (/^\.?title/.test(rest)) return "title";
  return undefined;
}

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

// The start-incident and edit-incident forms: fields, their StartIncidentInput /
// UpdateIncidentRecordInput, and the model's rules. Shared by the dialogs and the actions.
import type { ItemType, ItemValue, RelatedItem, StartIncidentCommandInput, UpdateIncidentRecordCommandInput } from "@aws-sdk/client-ssm-incidents";
import { z } from "zod";
import { modelRefinement, optional, optionalInt, type FieldFor } from "@/lib/console/core/model-rules";
import { memberMax } from "@/lib/im/model";

/** Top-level member paths name the field directly (`title`, `impact`, `responsePlanArn`). */
const topLevel = (known: readonly string[]): FieldFor => (path) => {
  const head = path.split(/[.[]/)[0];
  return known.includes(head) ? head : undefined;
};

// ---- A related item as the forms take it (type, a URL or an ARN, a title): StartIncident's
// relatedItems here, UpdateRelatedItems' itemToAdd in the Related items tab ----

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

// ---- Start incident ----

const startFields = {
  responsePlanArn: z.string(),
  title: z.string(),
  impact: z.string(),
  /** Related items to add as the incident starts (StartIncident's relatedItems). */
  relatedItems: z.array(z.object(relatedItemFields)).max(memberMax("ssm-incidents", "StartIncidentInput", "relatedItems")).optional(),
};
export type StartIncidentFormValues = z.infer<z.ZodObject<typeof startFields>>;

/** Empty title or impact: the response plan's template decides. */
export function toStartIncidentInput(v: StartIncidentFormValues): StartIncidentCommandInput {
  return {
    responsePlanArn: optional(v.responsePlanArn)!,
    title: optional(v.title),
    impact: optionalInt(v.impact),
    relatedItems: v.relatedItems?.length ? v.relatedItems.map(toRelatedItem) : undefined,
  };
}

/** Top-level members by name; `relatedItems[2].identifier.value.url` → `relatedItems.2.value`. */
export const startIncidentFieldFor: FieldFor = (path) => {
  const item = /^relatedItems\[(\d+)\](.*)$/.exec(path);
  if (item) {
    const field = relatedItemField(item[2]);
    return field ? `relatedItems.${item[1]}.${field}` : undefined;
  }
  return topLevel(["responsePlanArn", "title", "impact"])(path);
};

export const startIncidentFormSchema = z
  .object(startFields)
  .superRefine((v, ctx) => {
    v.relatedItems?.forEach((item, i) => {
      if (!item.value.trim()) ctx.addIssue({ code: "custom", path: [`relatedItems.${i}.value`], message: "Required." });
    });
  })
  .superRefine(modelRefinement("ssm-incidents", "StartIncidentInput", toStartIncidentInput, startIncidentFieldFor));

const updateFields = {
  arn: z.string(),
  title: z.string().optional(),
  impact: z.string().optional(),
  summary: z.string().optional(),
  status: z.string().optional(),
};
export type UpdateIncidentFormValues = z.input<z.ZodObject<typeof updateFields>>;

/** Only the fields the form sends are changed. */
export function toUpdateIncidentInput(v: UpdateIncidentFormValues): UpdateIncidentRecordCommandInput {
  return {
    arn: v.arn,
    title: v.title?.trim(),
    impact: v.impact === undefined ? undefined : optionalInt(v.impact),
    summary: v.summary?.trim(),
    status: v.status as UpdateIncidentRecordCommandInput["status"],
  };
}

export const updateIncidentFieldFor = topLevel(Object.keys(updateFields));

export const updateIncidentFormSchema = z
  .object(updateFields)
  .superRefine((v, ctx) => {
    // The model allows an empty title; a console listing incidents by title shouldn't.
    if (v.title !== undefined && !v.title.trim()) ctx.addIssue({ code: "custom", path: ["title"], message: "Required." });
  })
  .superRefine(modelRefinement("ssm-incidents", "UpdateIncidentRecordInput", toUpdateIncidentInput, updateIncidentFieldFor));

// The create-response-plan form: its fields, how they become a CreateResponsePlanInput, and the
// model's rules for them. Shared by the form (early feedback) and createResponsePlanAction.
import type { CreateResponsePlanCommandInput } from "@aws-sdk/client-ssm-incidents";
import { z } from "zod";
import { modelRefinement, optional, optionalInt, type FieldFor } from "./model-rules";

const fields = {
  name: z.string(),
  displayName: z.string(),
  title: z.string(),
  impact: z.string(),
  summary: z.string(),
  dedupeString: z.string(),
  /** Contact ARNs, one per line. */
  engagements: z.string(),
  /** key=value, one per line. */
  tags: z.string(),
};

export type ResponsePlanFormValues = { [K in keyof typeof fields]: string };

export const emptyResponsePlanForm: ResponsePlanFormValues = {
  name: "",
  displayName: "",
  title: "",
  impact: "",
  summary: "",
  dedupeString: "",
  engagements: "",
  tags: "",
};

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Tag lines that aren't key=value (a format rule of this form, not a model limit). */
function tagLineProblems(text: string): string[] {
  return lines(text).flatMap((line, i) => (line.includes("=") ? [] : [`Line ${i + 1}: write key=value.`]));
}

function parseTags(text: string): Record<string, string> | undefined {
  const entries = lines(text)
    .filter((l) => l.includes("="))
    .map((l) => {
      const at = l.indexOf("=");
      return [l.slice(0, at).trim(), l.slice(at + 1).trim()] as const;
    });
  return entries.length ? Object.fromEntries(entries) : undefined;
}

export function toCreateResponsePlanInput(v: ResponsePlanFormValues): CreateResponsePlanCommandInput {
  const engagements = lines(v.engagements);
  return {
    name: v.name.trim(),
    displayName: optional(v.displayName),
    incidentTemplate: {
      title: optional(v.title)!,
      impact: optionalInt(v.impact)!,
      summary: optional(v.summary),
      dedupeString: optional(v.dedupeString),
    },
    engagements: engagements.length ? engagements : undefined,
    tags: parseTags(v.tags),
  };
}

/** Where a CreateResponsePlanInput member path lands on the form. */
export const responsePlanFieldFor: FieldFor = (path) => {
  const [head, member] = path.split(/[.[]/);
  const name = head === "incidentTemplate" ? (member ?? "title") : head;
  return Object.hasOwn(fields, name) ? name : undefined;
};

export const responsePlanFormSchema = z
  .object(fields)
  .superRefine((values, ctx) => {
    for (const message of tagLineProblems(values.tags)) ctx.addIssue({ code: "custom", path: ["tags"], message });
  })
  .superRefine(modelRefinement("ssm-incidents", "CreateResponsePlanInput", toCreateResponsePlanInput, responsePlanFieldFor));

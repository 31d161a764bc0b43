// The add-policy form of Settings → Resource policies: a response plan and a JSON policy document
// (PutResourcePolicy). The browser checks that the text is a JSON object and fits the model; what a
// policy may say is the backend's to judge (the local model wants a Statement, AWS RAM more).
import type { PutResourcePolicyCommandInput } from "@aws-sdk/client-ssm-incidents";
import { z } from "zod";
import { modelRefinement, type FieldFor } from "../core/model-rules";

const fields = { resourceArn: z.string().min(1, "Choose a response plan."), policy: z.string() };
export type ResourcePolicyFormValues = z.input<z.ZodObject<typeof fields>>;

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
  .object(fields)
  .superRefine((v, ctx) => {
    const problem = policyJsonProblem(v.policy);
    if (problem) ctx.addIssue({ code: "custom", path: ["policy"], message: problem });
  })
  .superRefine(modelRefinement("ssm-incidents", "PutResourcePolicyInput", toPutResourcePolicyInput, resourcePolicyFieldFor));

/** A stored policy as the page shows it: indented when it is JSON, as stored when it isn't. */
export function prettyPolicy(doc: string): string {
  try {
    return JSON.stringify(JSON.parse(doc), null, 2);
  } catch {
    return doc;
  }
}

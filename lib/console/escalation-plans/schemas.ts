// The escalation plan form: alias, display name and stages of contact targets, each of which may
// be essential ("acknowledgement stops plan progression"). Shared by the builder and its actions.
import type { CreateContactCommandInput } from "@aws-sdk/client-ssm-contacts";
import { z } from "zod";
import { contactPlanField, minutes } from "@/lib/console/contacts/schemas";
import { fieldMessage, optional } from "@/lib/console/core/model-rules";
import { shapeProblems } from "@/lib/im/model/validate";

const contactTarget = z.object({ contactArn: z.string(), essential: z.boolean() });
const stage = z.object({ duration: z.string(), targets: z.array(contactTarget) });

const fields = {
  /** Empty when creating; the plan's ARN when editing. */
  arn: z.string(),
  alias: z.string(),
  displayName: z.string(),
  stages: z.array(stage),
};

export type EscalationPlanFormValues = z.input<z.ZodObject<typeof fields>>;

export const emptyEscalationPlanForm: EscalationPlanFormValues = { arn: "", alias: "", displayName: "", stages: [] };

export function toEscalationPlan(stages: EscalationPlanFormValues["stages"]): NonNullable<CreateContactCommandInput["Plan"]> {
  return {
    Stages: stages.map((s) => ({
      DurationInMinutes: minutes(s.duration)!,
      Targets: s.targets.map((t) => ({ ContactTargetInfo: { ContactId: optional(t.contactArn), IsEssential: t.essential } })),
    })),
  };
}

export function toCreateEscalationPlanInput(v: EscalationPlanFormValues): CreateContactCommandInput {
  return { Alias: v.alias.trim(), DisplayName: optional(v.displayName), Type: "ESCALATION", Plan: toEscalationPlan(v.stages) };
}

/** A contact target's member paths land on its contact field (the plan form has no channels). */
function escalationField(memberPath: string): (string | number)[] | undefined {
  const path = contactPlanField(memberPath);
  if (path?.[0] === "stages" && path[2] === "targets") return [...path.slice(0, 4), "contactArn"];
  return path;
}

export const escalationPlanFormSchema = z.object(fields).superRefine((values, ctx) => {
  const seen = new Set<string>();
  const add = (path: (string | number)[], message: string) => {
    const key = path.join(".");
    if (seen.has(key)) return;
    seen.add(key);
    ctx.addIssue({ code: "custom", path, message });
  };
  values.stages.forEach((s, i) => {
    if (Number.isNaN(minutes(s.duration))) add(["stages", i, "duration"], "Must be a whole number of minutes.");
    s.targets.forEach((t, j) => {
      if (!t.contactArn) add(["stages", i, "targets", j, "contactArn"], "Choose a contact.");
    });
  });
  for (const p of shapeProblems("ssm-contacts", "CreateContactRequest", toCreateEscalationPlanInput(values))) {
    const path = escalationField(p.name);
    if (path) add(path, fieldMessage(p.message));
  }
});

export function escalationFieldNames(v: EscalationPlanFormValues): string[] {
  return ["alias", "displayName", ...v.stages.flatMap((s, i) => [`stages.${i}.duration`, ...s.targets.map((_, j) => `stages.${i}.targets.${j}.contactArn`)])];
}

"use server";
// Response plans: create, edit a section (its tags through Tag/UntagResource), delete.
import { z } from "zod";
import { safeAction } from "@/lib/console/core/safe-action";
import { responsePlanPath } from "@/lib/console/response-plans/paths";
import { replaceTags } from "@/lib/console/tags/replace-tags";
import { toTagMap } from "@/lib/console/tags/schemas";
import { responsePlanFieldFor, responsePlanFormSchema, toCreateResponsePlanInput, toUpdateResponsePlanInput, updateResponsePlanSchema } from "./schemas";

export const createResponsePlanAction = safeAction({
  name: "createResponsePlanAction",
  input: responsePlanFormSchema,
  permission: "plans.write",
  fieldFor: responsePlanFieldFor,
  conflictField: "name",
  run: async (values, { im }) => {
    const input = toCreateResponsePlanInput(values);
    const { arn } = await im.incidents.createResponsePlan(input);
    return { arn: arn!, name: input.name! };
  },
  revalidate: (_values, plan) => ["/response-plans", responsePlanPath(plan.name)],
});

/**
 * Saves one section of a response plan: UpdateResponsePlan with that section's members, or, for
 * the plan's own tags, TagResource / UntagResource (UpdateResponsePlan has no tags member; safe to
 * retry: replace-tags.ts).
 */
export const updateResponsePlanAction = safeAction({
  name: "updateResponsePlanAction",
  input: updateResponsePlanSchema,
  permission: "plans.write",
  fieldFor: responsePlanFieldFor,
  run: async (values, { im }) => {
    if (values.section === "tags") await replaceTags(im.incidents, values.arn, toTagMap(values.tags), "response-plan");
    else await im.incidents.updateResponsePlan(toUpdateResponsePlanInput(values.arn, values.section, values));
    // The plan's page is named by the name in its ARN, not by anything the caller sent.
    return { arn: values.arn, name: /:response-plan\/([^/]+)$/.exec(values.arn)?.[1] ?? "" };
  },
  revalidate: (_values, plan) => ["/response-plans", responsePlanPath(plan.name)],
});

/** DeleteResponsePlan: the plan goes; incidents it started stay (reference: DeleteResponsePlan). */
export const deleteResponsePlanAction = safeAction({
  name: "deleteResponsePlanAction",
  input: z.object({ arn: z.string().min(1) }),
  permission: "plans.write",
  run: async ({ arn }, { im }) => {
    await im.incidents.deleteResponsePlan({ arn });
    return { arn };
  },
  revalidate: () => ["/response-plans"],
});

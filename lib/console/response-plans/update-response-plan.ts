"use server";
import { responsePlanPath } from "@/lib/console/incidents/paths";
import { replaceTags } from "../tags/replace-tags";
import { safeAction } from "../core/safe-action";
import { toTagMap } from "../tags/schemas";
import { responsePlanFieldFor, toUpdateResponsePlanInput, updateResponsePlanSchema } from "./schemas";

/**
 * Saves one section of a response plan: UpdateResponsePlan with that section's members, or, for
 * the plan's own tags, TagResource / UntagResource (UpdateResponsePlan has no tags member).
 */
export const updateResponsePlanAction = safeAction({
  name: "updateResponsePlanAction",
  input: updateResponsePlanSchema,
  permission: "plans.write",
  fieldFor: responsePlanFieldFor,
  run: async (values, { im }) => {
    if (values.section === "tags") await replaceTags(im.incidents, values.arn, toTagMap(values.tags));
    else await im.incidents.updateResponsePlan(toUpdateResponsePlanInput(values.arn, values.section, values));
    // The plan's page is named by the name in its ARN, not by anything the caller sent.
    return { arn: values.arn, name: /:response-plan\/([^/]+)$/.exec(values.arn)?.[1] ?? "" };
  },
  revalidate: (_values, plan) => ["/response-plans", responsePlanPath(plan.name)],
});

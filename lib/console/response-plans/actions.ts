"use server";
import { responsePlanPath } from "@/lib/console/incidents/paths";
import { safeAction } from "../core/safe-action";
import { responsePlanFieldFor, responsePlanFormSchema, toCreateResponsePlanInput } from "./schemas";

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

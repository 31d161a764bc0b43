"use server";
import { z } from "zod";
import { safeAction } from "../core/safe-action";

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

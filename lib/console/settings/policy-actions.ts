"use server";
// Settings → Resource policies (admins only: settings.write): PutResourcePolicy and
// DeleteResourcePolicy on a response plan.
import { z } from "zod";
import { ImError, isImError } from "@/lib/im/errors";
import { safeAction } from "../core/safe-action";
import { resourcePolicyFieldFor, resourcePolicyFormSchema, toPutResourcePolicyInput } from "./policy-schemas";

export const putResourcePolicyAction = safeAction({
  name: "putResourcePolicyAction",
  input: resourcePolicyFormSchema,
  permission: "settings.write",
  fieldFor: resourcePolicyFieldFor,
  run: async (values, { im }) => {
    try {
      const { policyId } = await im.incidents.putResourcePolicy(toPutResourcePolicyInput(values));
      return { policyId: policyId! };
    } catch (e) {
      // ssm-incidents' ValidationException has no field list on the wire (aws mode loses the
      // local model's); the plan came from a picker, so what the backend refused is the document.
      if (isImError(e) && e.code === "ValidationException" && !e.details.fields?.length) {
        throw new ImError(e.code, e.message, { ...e.details, fields: [{ name: "policy", message: e.message }] });
      }
      throw e;
    }
  },
});

export const deleteResourcePolicyAction = safeAction({
  name: "deleteResourcePolicyAction",
  input: z.object({ resourceArn: z.string().trim().min(1).max(1000), policyId: z.string().trim().min(1).max(256) }),
  permission: "settings.write",
  run: async ({ resourceArn, policyId }, { im }) => {
    await im.incidents.deleteResourcePolicy({ resourceArn, policyId });
    return { policyId };
  },
});

"use server";
import { safeAction } from "../core/safe-action";
import { toUpdateIncidentInput, updateIncidentFieldFor, updateIncidentFormSchema } from "./schemas";

/** Title, impact, summary and status (RESOLVED resolves, OPEN reopens). */
export const updateIncidentAction = safeAction({
  name: "updateIncidentAction",
  input: updateIncidentFormSchema,
  permission: "incidents.write",
  fieldFor: updateIncidentFieldFor,
  run: async (values, { im }) => {
    await im.incidents.updateIncidentRecord(toUpdateIncidentInput(values));
    return { arn: values.arn };
  },
  revalidate: () => ["/incidents", "/incidents/detail"],
});

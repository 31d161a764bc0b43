"use server";
import { safeAction } from "../core/safe-action";
import { startIncidentFieldFor, startIncidentFormSchema, toStartIncidentInput } from "./schemas";

export const startIncidentAction = safeAction({
  name: "startIncidentAction",
  input: startIncidentFormSchema,
  permission: "incidents.write",
  fieldFor: startIncidentFieldFor,
  run: async (values, { im }) => {
    const { incidentRecordArn } = await im.incidents.startIncident(toStartIncidentInput(values));
    return { arn: incidentRecordArn! };
  },
  revalidate: () => ["/incidents"],
});

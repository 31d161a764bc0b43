"use server";
import { safeAction } from "./safe-action";
import { startIncidentFieldFor, startIncidentFormSchema, toStartIncidentInput } from "./schemas/incident";

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

"use server";
// Incidents: start one, edit it (title, impact, summary, status), delete it, set its tags.
import { z } from "zod";
import { safeAction } from "@/lib/console/core/safe-action";
import { replaceTags } from "@/lib/console/tags/replace-tags";
import { tagsFieldFor, tagsFormSchema, toTagMap } from "@/lib/console/tags/schemas";
import { incidentPath } from "./paths";
import { startIncidentFieldFor, startIncidentFormSchema, toStartIncidentInput, toUpdateIncidentInput, updateIncidentFieldFor, updateIncidentFormSchema } from "./schemas";

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
  revalidate: (values) => ["/incidents", incidentPath(values.arn)],
});

/** DeleteIncidentRecord: the record, its timeline, related items and tags go. */
export const deleteIncidentAction = safeAction({
  name: "deleteIncidentAction",
  input: z.object({ arn: z.string().min(1) }),
  permission: "incidents.write",
  run: async ({ arn }, { im }) => {
    await im.incidents.deleteIncidentRecord({ arn });
    return { arn };
  },
  revalidate: () => ["/incidents"],
});

/** Makes the incident's tags exactly the given ones (two calls, safe to retry: replace-tags.ts). */
export const updateIncidentTagsAction = safeAction({
  name: "updateIncidentTagsAction",
  input: tagsFormSchema,
  permission: "incidents.write",
  fieldFor: tagsFieldFor,
  run: async ({ arn, tags }, { im }) => {
    await replaceTags(im.incidents, arn, toTagMap(tags), "incident-record");
    return { arn };
  },
});

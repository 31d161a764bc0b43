"use server";
import { z } from "zod";
import { safeAction } from "../core/safe-action";

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

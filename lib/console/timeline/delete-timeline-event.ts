"use server";
import { safeAction } from "../core/safe-action";
import { deleteTimelineEventSchema } from "./schemas";

/** Deletes a custom event or note; the service refuses automatic events. */
export const deleteTimelineEventAction = safeAction({
  name: "deleteTimelineEventAction",
  input: deleteTimelineEventSchema,
  permission: "incidents.write",
  run: async ({ arn, eventId }, { im }) => {
    await im.incidents.deleteTimelineEvent({ incidentRecordArn: arn, eventId });
    return { eventId };
  },
});

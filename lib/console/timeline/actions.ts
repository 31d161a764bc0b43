"use server";
import { safeAction } from "../core/safe-action";
import { timelineEventActionSchema, timelineEventFieldFor, toCreateTimelineEventInput } from "./schemas";

/** A custom event or a note at the time the responder chose (UTC). */
export const createTimelineEventAction = safeAction({
  name: "createTimelineEventAction",
  input: timelineEventActionSchema,
  permission: "incidents.write",
  fieldFor: timelineEventFieldFor,
  run: async (values, { im }) => {
    const { eventId } = await im.incidents.createTimelineEvent(toCreateTimelineEventInput(values));
    return { eventId: eventId! };
  },
});

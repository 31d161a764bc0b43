"use server";
import { ImError } from "@/lib/im/errors";
import { safeAction } from "../core/safe-action";
import { timelineEventActionSchema, timelineEventFieldFor, toCreateTimelineEventInput } from "./schemas";

/**
 * A custom event's or note's time, type and text. Automatic events are refused by the service
 * itself (UpdateTimelineEvent accepts only Custom Event and Note), in both backends.
 */
export const updateTimelineEventAction = safeAction({
  name: "updateTimelineEventAction",
  input: timelineEventActionSchema,
  permission: "incidents.write",
  fieldFor: timelineEventFieldFor,
  run: async (values, { im }) => {
    if (!values.eventId) throw new ImError("ValidationException", "eventId is required to update a timeline event.");
    const { incidentRecordArn, eventType, eventTime, eventData } = toCreateTimelineEventInput(values);
    await im.incidents.updateTimelineEvent({ incidentRecordArn, eventId: values.eventId, eventType, eventTime, eventData });
    return { eventId: values.eventId };
  },
});

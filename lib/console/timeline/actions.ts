"use server";
// An incident's timeline: add, edit and delete the events people write (custom events, notes).
import { safeAction } from "@/lib/console/core/safe-action";
import { ImError } from "@/lib/im/errors";
import { timelineEventActionSchema, timelineEventFieldFor, toCreateTimelineEventInput, deleteTimelineEventSchema } from "./schemas";

/**
 * Records who wrote an event the service has already taken. A failure here is logged, not
 * reported: the write happened, and a responder told otherwise would write the note twice.
 */
async function recordAuthor(where: string, record: () => Promise<void>): Promise<void> {
  try {
    await record();
  } catch (e) {
    console.error(`[${where}] the event was written, but not its author`, e);
  }
}

/**
 * A custom event or a note at the time the responder chose (UTC), or — when they left the
 * dialog's "now" untouched — at the time this server received it (issue 16). The caller is
 * recorded as its author (in aws mode by the console; the local model records its callers).
 */
export const createTimelineEventAction = safeAction({
  name: "createTimelineEventAction",
  input: timelineEventActionSchema,
  permission: "incidents.write",
  fieldFor: timelineEventFieldFor,
  run: async (values, { im }) => {
    const receivedAt = new Date();
    const { eventId, incidentRecordArn } = await im.incidents.createTimelineEvent(toCreateTimelineEventInput(values, receivedAt));
    await recordAuthor("createTimelineEventAction", () => im.timelineAuthors.wrote(incidentRecordArn ?? values.arn, eventId!, "created"));
    return { eventId: eventId! };
  },
});

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
    // A time the responder didn't touch stays as it was (to the millisecond), not the dialog's second.
    await im.incidents.updateTimelineEvent({ incidentRecordArn, eventId: values.eventId, eventType, eventTime: values.eventTime === undefined ? undefined : eventTime, eventData });
    await recordAuthor("updateTimelineEventAction", () => im.timelineAuthors.wrote(values.arn, values.eventId!, "updated"));
    return { eventId: values.eventId };
  },
});

/** Deletes a custom event or note; the service refuses automatic events. */
export const deleteTimelineEventAction = safeAction({
  name: "deleteTimelineEventAction",
  input: deleteTimelineEventSchema,
  permission: "incidents.write",
  run: async ({ arn, eventId }, { im }) => {
    await im.incidents.deleteTimelineEvent({ incidentRecordArn: arn, eventId });
    await recordAuthor("deleteTimelineEventAction", () => im.timelineAuthors.deleted(arn, eventId));
    return { eventId };
  },
});

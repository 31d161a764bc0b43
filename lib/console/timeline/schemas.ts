// The timeline event form (a custom event or a note at a chosen time) and its Create/Update
// TimelineEvent input, checked against the service model. Shared by the dialog and the actions.
import type { CreateTimelineEventCommandInput } from "@aws-sdk/client-ssm-incidents";
import { z } from "zod";
import { modelRefinement, type FieldFor } from "@/lib/console/core/model-rules";
import { CALLER_EVENT_TYPES, encodeEventText } from "@/lib/console/timeline/dto";
import { localToIso } from "./local-time";

/** The form's fields. eventTime is what a datetime-local input holds: the browser's local time. */
const formFields = {
  eventType: z.enum(CALLER_EVENT_TYPES, { message: "Choose Custom event or Note." }),
  eventTime: z.string(),
  text: z.string(),
};
export type TimelineEventFormValues = z.input<z.ZodObject<typeof formFields>>;

/**
 * What the actions take: the time already in UTC (ISO 8601), converted by the browser — or none,
 * when the responder left the dialog's "now" as it was: then a new event is stamped with the
 * time the server received it (to the millisecond, so it lists after what happened before it,
 * issue 16), and an edited one keeps its time.
 */
const actionFields = { arn: z.string().min(1), eventId: z.string().optional(), ...formFields, eventTime: z.string().optional() };
export type TimelineEventActionValues = z.input<z.ZodObject<typeof actionFields>>;

/** The event's input; `receivedAt` stands in for a time the responder didn't choose. */
export function toCreateTimelineEventInput(
  v: { arn: string; eventType: string; eventTime?: string; text: string },
  receivedAt: Date = new Date(),
): CreateTimelineEventCommandInput {
  return {
    incidentRecordArn: v.arn,
    eventType: v.eventType,
    eventTime: v.eventTime === undefined ? receivedAt : new Date(v.eventTime),
    eventData: encodeEventText(v.text.trim()),
  };
}

const FIELD_FOR_MEMBER: Record<string, string> = { eventData: "text", eventTime: "eventTime", eventType: "eventType" };
export const timelineEventFieldFor: FieldFor = (path) => FIELD_FOR_MEMBER[path.split(/[.[]/)[0]];

function requireText(v: { text: string }, ctx: z.RefinementCtx) {
  if (!v.text.trim()) ctx.addIssue({ code: "custom", path: ["text"], message: "Required." });
}

/** The server's check: the time arrives as UTC ISO. */
export const timelineEventActionSchema = z
  .object(actionFields)
  .superRefine((v, ctx) => {
    requireText(v, ctx);
    if (v.eventTime !== undefined && (Number.isNaN(Date.parse(v.eventTime)) || !/^\d{4}-\d{2}-\d{2}T/.test(v.eventTime))) {
      ctx.addIssue({ code: "custom", path: ["eventTime"], message: "Enter a valid date and time." });
    }
  })
  .superRefine(modelRefinement("ssm-incidents", "CreateTimelineEventInput", (v) => toCreateTimelineEventInput(v), timelineEventFieldFor));

/** The browser's check, before anything is sent: the same rules on the local time. */
export const timelineEventFormSchema = z.object(formFields).superRefine((v, ctx) => {
  requireText(v, ctx);
  const iso = localToIso(v.eventTime);
  if (!iso) {
    ctx.addIssue({ code: "custom", path: ["eventTime"], message: "Enter a valid date and time." });
    return;
  }
  modelRefinement("ssm-incidents", "CreateTimelineEventInput", (x: { arn: string; eventType: string; eventTime: string; text: string }) => toCreateTimelineEventInput(x), timelineEventFieldFor)(
    { arn: "arn:aws:ssm-incidents::000000000000:incident-record/form/check", ...v, eventTime: iso },
    ctx as z.RefinementCtx<{ arn: string; eventType: string; eventTime: string; text: string }>,
  );
});

export const deleteTimelineEventSchema = z.object({ arn: z.string().min(1), eventId: z.string().min(1) });

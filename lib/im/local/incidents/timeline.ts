// Automatic timeline events: every change to an incident writes one, as AWS does, with an
// eventData JSON that says who changed what from what to what. Only "Custom Event"s and "Note"s
// are written by callers and can be edited or deleted.
import type { Tx } from "@/lib/db/client";
import { notFound } from "../../errors";
import { newId } from "@/lib/im/arns";

export const EVENT_TYPES = {
  custom: "Custom Event",
  note: "Note",
  created: "SSM Incident Trigger",
  update: "SSM Incident Record Update",
  automation: "SSM Automation Execution Start",
} as const;

/**
 * The event types a caller may create, update and delete. The service model documents both
 * ("You can create timeline events of type `Custom Event` and `Note`", CreateTimelineEventInput
 * and UpdateTimelineEventInput .eventType); the older API reference text names only Custom Event,
 * the model is newer and wins. Every other type is written by the service itself.
 */
export const CALLER_EVENT_TYPES: readonly string[] = [EVENT_TYPES.custom, EVENT_TYPES.note];

export const isCallerEventType = (eventType: string) => CALLER_EVENT_TYPES.includes(eventType);

export type ModifiedAttribute = { attributeName: string; previousValue?: unknown; newValue?: unknown };

export async function writeAutomaticEvent(
  tx: Tx,
  incidentId: string,
  time: Date,
  eventType: string,
  eventData: Record<string, unknown>,
) {
  await tx.timelineEvent.create({
    data: {
      id: newId(),
      incidentId,
      eventTime: time,
      eventUpdatedTime: time,
      eventType,
      eventData: JSON.stringify(eventData),
    },
  });
}

/**
 * The incident that a timeline or related-item operation names: its row id (what events and items
 * hang off), ARN and title (automatic events quote it as incidentTitle).
 */
export async function requireIncident(db: Tx, arn: string): Promise<{ id: string; arn: string; title: string }> {
  const row = await db.incidentRecord.findUnique({ where: { arn }, select: { id: true, arn: true, title: true } });
  if (!row) throw notFound("INCIDENT_RECORD", arn, `Incident record ${arn} does not exist`);
  return row;
}

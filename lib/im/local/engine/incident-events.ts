// Automatic timeline events that engagements write into the incident they belong to, with the
// event types and data AWS uses ("SSM Contacts Page for Incident" when a contact or escalation
// plan is engaged, "SSM Contacts Page Acknowledgement for Incident" when a page is acknowledged;
// both carry contactArn and engagementArn). An engagement's IncidentId is free text
// (StartEngagement), so only one that names an incident of this model gets an event.
import type { HotTx } from "@/lib/db/hot-writer";
import { writeAutomaticEventHot } from "../incidents/timeline";

export const ENGAGEMENT_EVENT_TYPES = {
  engaged: "SSM Contacts Page for Incident",
  acknowledged: "SSM Contacts Page Acknowledgement for Incident",
  // Not an AWS event type: this model's record that an on-call schedule had nobody on call when
  // it was engaged (./on-call.ts), so the timeline says why nobody was paged.
  nobodyOnCall: "SSM Contacts No One On Call for Incident",
} as const;

export async function writeIncidentEvent(
  tx: HotTx,
  incidentArn: string | null | undefined,
  time: Date,
  eventType: (typeof ENGAGEMENT_EVENT_TYPES)[keyof typeof ENGAGEMENT_EVENT_TYPES],
  data: { contactArn: string; engagementArn: string; pageArn?: string; stageIndex?: number },
): Promise<void> {
  if (incidentArn) await writeAutomaticEventHot(tx, incidentArn, time, eventType, data);
}

// The engagements a response plan names, started by StartIncident in the incident's own
// transaction (DESIGN.md: StartIncident "starts the plan's engagements (IncidentId = incident
// ARN)"). Writing them there, rather than after the commit, means a crash can't leave an incident
// whose responders were never paged, and a retried clientToken or a deduplicated incident starts
// nothing twice; the deliveries themselves still happen after the commit (fireNow).
//
// The message: the subject is the incident's title and the content its title, impact, summary and
// ARN. The reference doesn't say what Sender AWS puts on these engagements; "Incident Manager"
// names the service that paged, as a responder would expect. No public (SMS) text is set: an SMS
// then carries the title only (messages.ts), never the summary.
import type { HotTx } from "@/lib/db/hot-writer";
import { memberMax } from "@/lib/im/model";
import type { IncidentForEngagement } from "../context";
import { planEngagements } from "./contact-plans";
import type { EngineContext } from "./context";
import { createEngagement } from "./start";

export const INCIDENT_ENGAGEMENT_SENDER = "Incident Manager";

// The incident's text is cut to what StartEngagement's Content allows.
const CONTENT_MAX = memberMax("ssm-contacts", "StartEngagementRequest", "Content");

/**
 * Starts an engagement of each contact, escalation plan or on-call schedule the response plan
 * engages, in its order; returns the engagement ids.
 */
export async function startIncidentEngagements(
  tx: HotTx,
  ctx: EngineContext,
  responsePlanId: string,
  incident: IncidentForEngagement,
  now: Date,
): Promise<string[]> {
  const { arns: contactArns, contacts } = await planEngagements(tx, responsePlanId);
  const content = [incident.title, `Impact: ${incident.impact}`, incident.summary, `Incident: ${incident.arn}`]
    .filter(Boolean)
    .join("\n\n")
    .slice(0, CONTENT_MAX);
  const ids: string[] = [];
  for (const arn of contactArns) {
    const contact = contacts.get(arn);
    // DeleteContact removes a contact from the plans that name it; one missing here was named
    // by ARN only (or is being deleted right now): there is nobody to page.
    if (!contact) {
      console.warn(`[engine] response plan engagement ${arn} is not a contact, escalation plan or on-call schedule of this model; not engaged`);
      continue;
    }
    const { id } = await createEngagement(
      tx,
      ctx,
      contact,
      { sender: INCIDENT_ENGAGEMENT_SENDER, subject: incident.title, content, incidentId: incident.arn },
      now,
    );
    ids.push(id);
  }
  return ids;
}

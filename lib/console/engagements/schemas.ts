// The start-engagement form: its fields, the StartEngagement input they make, and the model's
// rules for them (lib/im/model). Shared by the dialog (inline errors) and startEngagementAction.
// Then the inputs of the other engagement actions (engage from an incident, stop), bounded by the
// same model.
import type { StartEngagementCommandInput } from "@aws-sdk/client-ssm-contacts";
import { z } from "zod";
import { contactsArn } from "@/lib/console/contacts/schemas";
import { modelRefinement, optional, type FieldFor } from "@/lib/console/core/model-rules";
import { memberMax } from "@/lib/im/model";

/** How long StartEngagement's texts may be: the dialog says so, and the console's own are cut to fit. */
export const ENGAGEMENT_TEXT_MAX = {
  sender: memberMax("ssm-contacts", "StartEngagementRequest", "Sender"),
  subject: memberMax("ssm-contacts", "StartEngagementRequest", "Subject"),
  content: memberMax("ssm-contacts", "StartEngagementRequest", "Content"),
};

const fields = {
  contactArn: z.string(),
  sender: z.string(),
  subject: z.string(),
  content: z.string(),
  publicSubject: z.string(),
  publicContent: z.string(),
  incidentArn: z.string(),
};
export type StartEngagementFormValues = z.infer<z.ZodObject<typeof fields>>;
export const startEngagementFieldNames = Object.keys(fields);

export const emptyStartEngagementForm: StartEngagementFormValues = {
  contactArn: "",
  sender: "",
  subject: "",
  content: "",
  publicSubject: "",
  publicContent: "",
  incidentArn: "",
};

/** StartEngagement's Sender: an e-mail address with anything its pattern doesn't allow replaced, cut to its length. */
export function senderFrom(email: string): string {
  return email.replace(/[^\\a-zA-Z0-9_@#%*+=:?./!\s-]/g, "-").slice(0, ENGAGEMENT_TEXT_MAX.sender);
}

/** Empty optional fields are not sent; subject and content are sent as typed (whitespace is content). */
export function toStartEngagementInput(v: StartEngagementFormValues): StartEngagementCommandInput {
  return {
    ContactId: optional(v.contactArn)!,
    Sender: optional(v.sender)!,
    Subject: v.subject.trim() ? v.subject : undefined,
    Content: v.content.trim() ? v.content : undefined,
    PublicSubject: v.publicSubject.trim() ? v.publicSubject : undefined,
    PublicContent: v.publicContent.trim() ? v.publicContent : undefined,
    IncidentId: optional(v.incidentArn),
  } as StartEngagementCommandInput;
}

const MEMBER_TO_FIELD: Record<string, keyof StartEngagementFormValues> = {
  ContactId: "contactArn",
  Sender: "sender",
  Subject: "subject",
  Content: "content",
  PublicSubject: "publicSubject",
  PublicContent: "publicContent",
  IncidentId: "incidentArn",
};

/** The model's member paths (and a server ValidationException's) → the form's fields. */
export const startEngagementFieldFor: FieldFor = (path) => MEMBER_TO_FIELD[path.split(/[.[]/)[0]];

export const startEngagementFormSchema = z
  .object(fields)
  .superRefine((v, ctx) => {
    if (!v.contactArn.trim()) ctx.addIssue({ code: "custom", path: ["contactArn"], message: "Choose a contact or escalation plan." });
  })
  .superRefine(modelRefinement("ssm-contacts", "StartEngagementRequest", toStartEngagementInput, startEngagementFieldFor));

// ---- The other engagement actions ----

export const engageContactSchema = z.object({ incidentArn: contactsArn, contactArn: contactsArn });

/**
 * StartEngagement of a contact for an incident: the incident's title and summary, cut to what
 * Subject and Content take, and IncidentId so that the engagement shows on the incident.
 */
export function toIncidentEngagementInput(
  contactArn: string,
  incidentArn: string,
  incident: { title?: string; summary?: string } | undefined,
  senderEmail: string,
): StartEngagementCommandInput {
  const title = incident?.title?.trim() || "Incident";
  const content = [incident?.summary?.trim(), `Incident: ${incidentArn}`].filter(Boolean).join("\n\n");
  return {
    ContactId: contactArn,
    Sender: senderFrom(senderEmail),
    Subject: title.slice(0, ENGAGEMENT_TEXT_MAX.subject),
    Content: content.slice(0, ENGAGEMENT_TEXT_MAX.content),
    IncidentId: incidentArn,
  };
}

const STOP_REASON_MAX = memberMax("ssm-contacts", "StopEngagementRequest", "Reason");

/** "Stop paging for this incident": every engagement of the incident still paging. */
export const stopIncidentPagingSchema = z.object({ incidentArn: z.string().min(1) });

/** The reason "Stop paging for this incident" gives StopEngagement (the engagement's state says it). */
export const INCIDENT_RESOLVED_REASON = "Incident resolved";

export const stopEngagementSchema = z.object({
  incidentArn: contactsArn.optional(),
  engagementArn: contactsArn,
  reason: z.string().trim().max(STOP_REASON_MAX, `At most ${STOP_REASON_MAX} characters.`),
});

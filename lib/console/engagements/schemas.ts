// The start-engagement form: its fields, the StartEngagement input they make, and the model's
// rules for them (lib/im/model). Shared by the dialog (inline errors) and startEngagementAction.
import type { StartEngagementCommandInput } from "@aws-sdk/client-ssm-contacts";
import { z } from "zod";
import { modelRefinement, optional, type FieldFor } from "@/lib/console/core/model-rules";

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

/** StartEngagement's Sender pattern: an e-mail address with anything it doesn't allow replaced. */
export function senderFrom(email: string): string {
  return email.replace(/[^\\a-zA-Z0-9_@#%*+=:?./!\s-]/g, "-").slice(0, 255);
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

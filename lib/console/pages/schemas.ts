// What the My pages actions take: a page to acknowledge, and the note AcceptPage records.
import { z } from "zod";
import { contactsArn } from "@/lib/console/contacts/schemas";
import { memberMax } from "@/lib/im/model";

export const acknowledgePageSchema = z.object({ pageArn: contactsArn });

/** AcceptPage's Note for a page acknowledged in the console, cut to what Note takes. */
export function acknowledgementNote(email: string): string {
  return `Acknowledged in the console by ${email}`.slice(0, memberMax("ssm-contacts", "AcceptPageRequest", "Note"));
}

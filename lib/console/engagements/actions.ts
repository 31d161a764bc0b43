"use server";
// Engaging contacts for an incident, stopping an engagement, and acknowledging a page of mine.
import { z } from "zod";
import { getMyContactArn, setMyContactArn } from "@/lib/auth/my-contact";
import { safeAction } from "@/lib/console/core/safe-action";
import { accessDenied, validation } from "@/lib/im/errors";
import { linkedContactArn } from "@/lib/console/contacts/schemas";
import {
  acknowledgePageSchema,
  acknowledgementNote,
  engageContactSchema,
  startEngagementFieldFor,
  startEngagementFormSchema,
  stopEngagementSchema,
  toIncidentEngagementInput,
  toStartEngagementInput,
} from "./schemas";

/** StartEngagement with IncidentId = the incident's ARN: the engagement shows on the incident. */
export const engageContactAction = safeAction({
  name: "engageContactAction",
  input: engageContactSchema,
  permission: "contacts.write",
  conflictField: "contactArn",
  run: async ({ incidentArn, contactArn }, { im, user }) => {
    const { incidentRecord } = await im.incidents.getIncidentRecord({ arn: incidentArn });
    const { EngagementArn } = await im.contacts.startEngagement(toIncidentEngagementInput(contactArn, incidentArn, incidentRecord, user.email));
    return { engagementArn: EngagementArn };
  },
});

/** StartEngagement from the Engagements page's form: any contact or plan, any subject, optionally for an incident. */
export const startEngagementAction = safeAction({
  name: "startEngagementAction",
  input: startEngagementFormSchema,
  permission: "contacts.write",
  fieldFor: startEngagementFieldFor,
  conflictField: "contactArn",
  run: async (values, { im }) => {
    const { EngagementArn } = await im.contacts.startEngagement(toStartEngagementInput(values));
    return { engagementArn: EngagementArn };
  },
});

/**
 * StopEngagement. From an incident's tab (incidentArn given) only for an engagement of that
 * incident; from the Engagements page (no incidentArn) any engagement.
 */
export const stopEngagementAction = safeAction({
  name: "stopEngagementAction",
  input: stopEngagementSchema,
  permission: "contacts.write",
  fieldFor: (path) => (path === "Reason" ? "reason" : undefined),
  run: async ({ incidentArn, engagementArn, reason }, { im }) => {
    const engagement = await im.contacts.describeEngagement({ EngagementId: engagementArn });
    if (incidentArn !== undefined && engagement.IncidentId !== incidentArn) throw validation("This engagement is not one of this incident's.", [{ name: "engagementArn", message: "Not an engagement of this incident" }]);
    await im.contacts.stopEngagement({ EngagementId: engagementArn, Reason: reason || undefined });
    return { engagementArn };
  },
});

/**
 * AcceptPage READ for a page addressed to the signed-in user's contact (lib/auth/my-contact.ts).
 * The console already knows who the user is, so the accept code sent with the page isn't asked
 * for: AcceptCodeValidation IGNORE "accept[s] any value" (the code must still match its pattern).
 */
export const acknowledgePageAction = safeAction({
  name: "acknowledgePageAction",
  input: acknowledgePageSchema,
  permission: "contacts.write",
  run: async ({ pageArn }, { im, user }) => {
    const mine = await getMyContactArn(user);
    const page = await im.contacts.describePage({ PageId: pageArn });
    if (!mine || page.ContactArn !== mine) throw accessDenied("This page is not addressed to you: only its contact acknowledges it.");
    await im.contacts.acceptPage({ PageId: pageArn, AcceptType: "READ", AcceptCode: "000000", AcceptCodeValidation: "IGNORE", Note: acknowledgementNote(user.email) });
    return { pageArn };
  },
});

/** Links the signed-in user to a personal contact (or unlinks with ""), after checking it is one. */
export const setMyContactAction = safeAction({
  name: "setMyContactAction",
  input: z.object({ contactArn: linkedContactArn }),
  // Every role has a contact to be paged at, viewers too: linking one changes only the user's own row.
  permission: "contacts.read",
  conflictField: "contactArn",
  fieldFor: (path) => (path === "contactArn" || path === "ContactId" ? "contactArn" : undefined),
  run: async ({ contactArn }, { im, user }) => {
    if (contactArn) {
      const contact = await im.contacts.getContact({ ContactId: contactArn });
      if (contact.Type !== "PERSONAL") throw validation("Choose a personal contact: escalation plans page other contacts.", [{ name: "contactArn", message: "Choose a personal contact" }]);
    }
    await setMyContactArn(user, contactArn || null);
    return { contactArn: contactArn || null };
  },
  revalidate: () => ["/pages"],
});

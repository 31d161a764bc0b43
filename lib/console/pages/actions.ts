"use server";
// My pages: acknowledge a page addressed to me, and choose which contact is me.
import { z } from "zod";
import { getMyContactArn, setMyContactArn } from "@/lib/auth/my-contact";
import { requirePersonalContact } from "@/lib/console/contacts/queries";
import { linkedContactArn } from "@/lib/console/contacts/schemas";
import { safeAction } from "@/lib/console/core/safe-action";
import { accessDenied } from "@/lib/im/errors";
import { acknowledgePageSchema, acknowledgementNote } from "./schemas";

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
    if (contactArn) await requirePersonalContact(im, contactArn);
    await setMyContactArn(user, contactArn || null);
    return { contactArn: contactArn || null };
  },
  revalidate: () => ["/pages"],
});

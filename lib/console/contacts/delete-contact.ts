"use server";
import { z } from "zod";
import { safeAction } from "../core/safe-action";

/** Deletes a contact or an escalation plan; the backend removes it from plans that engage it. */
export const deleteContactAction = safeAction({
  name: "deleteContactAction",
  input: z.object({ arn: z.string().min(1) }),
  permission: "contacts.write",
  run: async ({ arn }, { im }) => {
    await im.contacts.deleteContact({ ContactId: arn });
    return { arn };
  },
  revalidate: () => ["/contacts", "/escalation-plans"],
});

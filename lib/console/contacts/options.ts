// Contacts and escalation plans to choose from (engage one, link one as "me"), as the signed-in user.
import "server-only";
import { withServices } from "@/lib/console/core/safe-action";
import type { ContactOption } from "../incidents/dto";

// Beyond this many contacts a search box is the better answer than a longer list.
const MAX_CONTACTS = 500;

export function listContactOptions() {
  return withServices("listContactOptions", "contacts.read", async ({ im }): Promise<ContactOption[]> => {
    const rows: ContactOption[] = [];
    let NextToken: string | undefined;
    do {
      const out = await im.contacts.listContacts({ MaxResults: 100, NextToken });
      for (const c of out.Contacts ?? []) rows.push({ arn: c.ContactArn!, alias: c.Alias!, displayName: c.DisplayName, type: c.Type! });
      NextToken = out.NextToken;
    } while (NextToken && rows.length < MAX_CONTACTS);
    return rows.sort((a, b) => a.alias.localeCompare(b.alias));
  });
}

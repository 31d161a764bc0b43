// The <option>s of a contact <select>: a first empty choice (what no choice means, or that the
// contacts are still loading), then each contact by name.
import type { ContactOption } from "@/lib/console/contacts/dto";
import { contactLabel } from "./use-contact-options";

export function ContactOptions({ contacts, loading, empty }: { contacts: ContactOption[]; loading: boolean; empty: string }) {
  return (
    <>
      <option value="">{loading ? "Loading contacts…" : empty}</option>
      {contacts.map((c) => (
        <option key={c.arn} value={c.arn}>
          {contactLabel(c)}
        </option>
      ))}
    </>
  );
}

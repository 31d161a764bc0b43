"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useContactOptions } from "@/components/contacts/use-contact-options";
import { ErrorAlert } from "@/components/ui/alert";
import { ActionDialog } from "@/components/ui/action-dialog";
import { FormField, Select } from "@/components/ui/form-field";
import { linkUserContactAction } from "@/lib/console/users/actions";
import { errorOf } from "@/lib/console/core/errors";
import type { UserRow } from "@/lib/console/users/dto";
import { useAction } from "@/components/ui/use-action";
import { ContactOptions } from "@/components/contacts/contact-options";

/** Picks the personal contact that pages a user (the same link as My pages' "Your contact"). */
export function LinkContactDialog({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const [chosen, setChosen] = useState(user.contactArn ?? "");
  const { error, pending, run, fieldError: serverFieldError } = useAction();
  const contacts = useContactOptions(true);
  const router = useRouter();
  const personal = contacts.data?.filter((c) => c.type === "PERSONAL") ?? [];
  const fieldError = serverFieldError("contactArn");
  const readError = errorOf(contacts.error);
  return (
    <ActionDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={`Contact for ${user.email}`}
      submitLabel="Save contact"
      pendingLabel="Saving…"
      pending={pending}
      onSubmit={() =>
        run(
          () => linkUserContactAction({ userId: user.id, contactArn: chosen }),
          () => {
            onClose();
            router.refresh();
          },
        )
      }
    >
      {error && !fieldError ? <ErrorAlert error={error} className="mb-3" /> : null}
      {readError ? <ErrorAlert error={readError} className="mb-3" /> : null}
      <FormField id="user-contact" label="Contact" error={fieldError} description="The personal contact whose pages are this user's My pages. One user per contact.">
        <Select id="user-contact" value={chosen} onChange={(e) => setChosen(e.target.value)} aria-invalid={fieldError ? true : undefined} aria-errormessage={fieldError ? "user-contact-error" : undefined}>
          <ContactOptions contacts={personal} loading={contacts.isPending} empty="None" />
        </Select>
      </FormField>
    </ActionDialog>
  );
}

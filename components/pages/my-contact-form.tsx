"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useContactOptions } from "@/components/contacts/use-contact-options";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { FormField, Select } from "@/components/ui/form-field";
import { setMyContactAction } from "@/lib/console/pages/actions";
import { incidentKeys } from "@/lib/console/incidents/keys";
import { pageKeys } from "@/lib/console/pages/keys";
import { contactAlias } from "@/lib/console/contacts/paths";
import { errorOf } from "@/lib/console/core/errors";
import { useAction } from "@/components/ui/use-action";
import { ContactOptions } from "@/components/contacts/contact-options";

/** Which personal contact is me (lib/auth/my-contact.ts): its pages are my pages. */
export function MyContactForm({ contactArn }: { contactArn: string | null }) {
  const [editing, setEditing] = useState(!contactArn);
  const [chosen, setChosen] = useState(contactArn ?? "");
  const { error, pending, run, fieldError: serverFieldError } = useAction();
  const contacts = useContactOptions(editing);
  const router = useRouter();
  const queryClient = useQueryClient();
  const personal = contacts.data?.filter((c) => c.type === "PERSONAL") ?? [];
  const fieldError = serverFieldError("contactArn");
  const readError = errorOf(contacts.error);

  const save = () =>
    run(
      () => setMyContactAction({ contactArn: chosen }),
      async () => {
        setEditing(false);
        await queryClient.invalidateQueries({ queryKey: pageKeys.all });
        await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
        router.refresh();
      },
    );

  return (
    <Container header="My contact" description="The Incident Manager contact that pages you. Its pages are listed here, and you can acknowledge them.">
      {!editing && contactArn ? (
        <div className="flex flex-wrap items-center gap-3">
          <p>
            You are <span className="font-bold">{contactAlias(contactArn)}</span>
          </p>
          <Button variant="link" onClick={() => setEditing(true)}>
            Change contact
          </Button>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
          className="flex flex-wrap items-end gap-3"
        >
          {error && !fieldError ? <ErrorAlert error={error} className="w-full" /> : null}
          {readError ? <ErrorAlert error={readError} className="w-full" /> : null}
          <div className="min-w-64 flex-1">
            <FormField id="my-contact" label="Your contact" error={fieldError}>
              <Select
                id="my-contact"
                value={chosen}
                onChange={(e) => setChosen(e.target.value)}
                aria-invalid={fieldError ? true : undefined}
                aria-errormessage={fieldError ? "my-contact-error" : undefined}
              >
                <ContactOptions contacts={personal} loading={contacts.isPending} empty="None" />
              </Select>
            </FormField>
          </div>
          <Button type="submit" variant="primary" disabled={pending}>
            {pending ? "Saving…" : "Save contact"}
          </Button>
        </form>
      )}
    </Container>
  );
}

"use client";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useContactOptions } from "@/components/contacts/use-contact-options";
import { EngagementPanel } from "@/components/engagements/engagement-panel";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { ActionDialog } from "@/components/ui/action-dialog";
import { FormField, Select } from "@/components/ui/form-field";
import type { ActionResult } from "@/lib/console/core/result";
import { engageContactAction } from "@/lib/console/engagements/actions";
import { incidentKeys } from "@/lib/console/incidents/keys";
import { errorOf } from "@/lib/console/core/errors";
import { useEngagements } from "./use-incident-engagements";
import { useAction } from "@/components/ui/use-action";
import { ContactOptions } from "@/components/contacts/contact-options";


/**
 * The Engagements tab: every contact and escalation plan engaged for the incident, each page with
 * its receipts; engage another, stop an engagement, acknowledge a page addressed to me.
 */
export function EngagementsTab({ incidentArn, canWrite }: { incidentArn: string; canWrite: boolean }) {
  const query = useEngagements(incidentArn);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentArn) });
  const error = errorOf(query.error);
  const data = query.data;

  return (
    <div className="space-y-5">
      <Container
        header="Engagements"
        description="Contacts and escalation plans paged for this incident."
        actions={canWrite ? <EngageDialog incidentArn={incidentArn} onDone={refresh} /> : null}
      >
        {error ? <ErrorAlert error={error} /> : null}
        {query.isPending ? <p className="text-muted">Loading engagements…</p> : null}
        {data && data.engagements.length === 0 ? <p className="text-muted">Nobody has been engaged for this incident.</p> : null}
        {data && !data.myContactArn ? (
          <Alert type="info" className="mt-3">
            Link your contact on the <Link href="/pages" className="text-link underline">My pages</Link> screen to acknowledge pages addressed to you.
          </Alert>
        ) : null}
      </Container>
      {data?.engagements.map((e) => (
        <EngagementPanel key={e.arn} incidentArn={incidentArn} engagement={e} canWrite={canWrite} onChange={refresh} />
      ))}
    </div>
  );
}

/** Engage with nothing chosen: the picker says so, without a request. */
const NOTHING_CHOSEN: ActionResult<never> = {
  ok: false,
  error: { name: "ValidationException", message: "Required.", fields: [{ name: "contactArn", message: "Choose a contact or escalation plan." }] },
};

function EngageDialog({ incidentArn, onDone }: { incidentArn: string; onDone: () => Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  const [contactArn, setContactArn] = useState("");
  const { error, pending, run, fieldError: serverFieldError, clearError } = useAction();
  const contacts = useContactOptions(open);
  const choices = contacts.data ?? [];
  // The picker owns a refusal of the chosen contact (invalid, or not found), as well as its field error.
  const fieldError = serverFieldError("contactArn") ?? (error?.name === "ValidationException" || error?.name === "ResourceNotFoundException" ? error.message : undefined);
  const formError = error && !fieldError ? error : null;
  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setContactArn("");
      clearError();
    }
  };
  return (
    <ActionDialog
      open={open}
      onOpenChange={close}
      title="Engage contact"
      description="Page a contact or an escalation plan about this incident."
      trigger={<Button>Engage contact</Button>}
      submitLabel="Engage"
      pendingLabel="Engaging…"
      pending={pending}
      onSubmit={() =>
        run(
          async () => (contactArn ? engageContactAction({ incidentArn, contactArn }) : NOTHING_CHOSEN),
          async () => {
            await onDone();
            close(false);
          },
        )
      }
    >
      {formError ? <ErrorAlert error={formError} className="mb-3" /> : null}
      {contacts.error ? <ErrorAlert error={errorOf(contacts.error)} className="mb-3" /> : null}
      <FormField id="engage-contact" label="Contact or escalation plan" error={fieldError}>
        <Select
          id="engage-contact"
          value={contactArn}
          onChange={(e) => setContactArn(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-errormessage={fieldError ? "engage-contact-error" : undefined}
        >
          <ContactOptions contacts={choices} loading={contacts.isPending} empty={choices.length ? "Choose a contact" : "No contacts"} />
        </Select>
      </FormField>
    </ActionDialog>
  );
}


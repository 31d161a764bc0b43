"use client";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useTransition } from "react";
import { contactLabel, useContactOptions } from "@/components/contacts/use-contact-options";
import { AcknowledgeButton } from "@/components/pages/acknowledge-button";
import { ReceiptList } from "@/components/pages/receipt-times";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Modal } from "@/components/ui/dialog";
import { FormField, Select, Textarea } from "@/components/ui/form-field";
import { AbsoluteTime, RelativeTime } from "@/components/ui/relative-time";
import { StatusIndicator } from "@/components/ui/status-indicator";
import type { ActionError } from "@/lib/actions/result";
import { engageContactAction, stopEngagementAction } from "@/lib/actions/engagements";
import type { EngagementRow } from "@/lib/queries/dto";
import { incidentKeys } from "@/lib/queries/keys";
import { contactAlias } from "@/lib/queries/paths";
import { ReadError } from "@/lib/queries/read-json";
import { useEngagements } from "./use-engagements";

const NETWORK: ActionError = { name: "NetworkError", message: "The console could not be reached. Try again." };

/**
 * The Engagements tab: every contact and escalation plan engaged for the incident, each page with
 * its receipts; engage another, stop an engagement, acknowledge a page addressed to me.
 */
export function EngagementsTab({ incidentArn, canWrite }: { incidentArn: string; canWrite: boolean }) {
  const query = useEngagements(incidentArn);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: incidentKeys.detail(incidentArn) });
  const error = query.error instanceof ReadError ? query.error.error : query.error ? { name: "Error", message: query.error.message } : null;
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

function EngagementPanel({
  incidentArn,
  engagement: e,
  canWrite,
  onChange,
}: {
  incidentArn: string;
  engagement: EngagementRow;
  canWrite: boolean;
  onChange: () => Promise<unknown>;
}) {
  const alias = contactAlias(e.contactArn);
  return (
    <Container
      header={`Engagement of ${alias}`}
      description={
        <span className="flex flex-wrap gap-x-2">
          {e.startTime ? (
            <span>
              Started <RelativeTime iso={e.startTime} /> by {e.sender}
            </span>
          ) : null}
          {e.stopTime ? (
            <StatusIndicator type="info">
              Stopped <AbsoluteTime iso={e.stopTime} />
            </StatusIndicator>
          ) : (
            <StatusIndicator type="success">Active</StatusIndicator>
          )}
        </span>
      }
      actions={canWrite && !e.stopTime ? <StopEngagementDialog incidentArn={incidentArn} engagementArn={e.arn} alias={alias} onDone={onChange} /> : null}
      flush
    >
      {/* relative: the header's sr-only text is positioned, and must be clipped with the table. */}
      <div className="relative overflow-x-auto">
        <table aria-label={`Pages of ${alias}`} className="w-full border-collapse text-left">
          <thead>
            <tr className="border-b-2 border-line-strong text-muted">
              <th scope="col" className="px-5 py-2">Contact paged</th>
              <th scope="col" className="px-5 py-2">Acknowledged</th>
              <th scope="col" className="px-5 py-2">Receipts</th>
              <th scope="col" className="px-5 py-2"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {e.pages.length === 0 ? (
              <tr>
                <td colSpan={4} className="px-5 py-6 text-center text-muted">No pages yet.</td>
              </tr>
            ) : (
              e.pages.map((p) => {
                const who = contactAlias(p.contactArn);
                return (
                  <tr key={p.arn} className="border-b border-line last:border-b-0 align-top">
                    <td className="px-5 py-2.5">
                      {who}
                      {p.mine ? <span className="text-muted"> (you)</span> : null}
                    </td>
                    <td className="px-5 py-2.5">{p.readTime ? <AbsoluteTime iso={p.readTime} /> : <span className="text-muted">Not yet</span>}</td>
                    <td className="px-5 py-2.5">
                      <ReceiptList receipts={p.receipts} label={`Receipts of the page to ${who}`} />
                    </td>
                    <td className="px-5 py-2.5">
                      {canWrite && p.mine && !p.readTime && !e.stopTime ? (
                        <AcknowledgeButton pageArn={p.arn} label={`Acknowledge the page to ${who}`} onDone={onChange} />
                      ) : null}
                    </td>
                  </tr>
                );
              })
            )}
          </tbody>
        </table>
      </div>
    </Container>
  );
}

function EngageDialog({ incidentArn, onDone }: { incidentArn: string; onDone: () => Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  const [contactArn, setContactArn] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, start] = useTransition();
  const contacts = useContactOptions(open);
  const choices = contacts.data?.filter((c) => c.type !== "ONCALL_SCHEDULE") ?? [];
  const fieldError = error?.fields?.find((f) => f.name === "contactArn")?.message ?? (error?.name === "ValidationException" || error?.name === "ResourceNotFoundException" ? error.message : undefined);
  const formError = error && !fieldError ? error : null;
  const close = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setContactArn("");
      setError(null);
    }
  };
  return (
    <Modal
      open={open}
      onOpenChange={close}
      title="Engage contact"
      description="Page a contact or an escalation plan about this incident."
      trigger={<Button>Engage contact</Button>}
      footer={
        <>
          <Button variant="link" onClick={() => close(false)}>Cancel</Button>
          <Button
            variant="primary"
            disabled={pending}
            onClick={() =>
              start(async () => {
                setError(null);
                if (!contactArn) {
                  setError({ name: "ValidationException", message: "Required.", fields: [{ name: "contactArn", message: "Choose a contact or escalation plan." }] });
                  return;
                }
                const result = await engageContactAction({ incidentArn, contactArn }).catch(() => null);
                if (!result?.ok) return setError(result?.error ?? NETWORK);
                await onDone();
                close(false);
              })
            }
          >
            {pending ? "Engaging…" : "Engage"}
          </Button>
        </>
      }
    >
      {formError ? <ErrorAlert error={formError} className="mb-3" /> : null}
      {contacts.error ? <ErrorAlert error={contacts.error instanceof ReadError ? contacts.error.error : { name: "Error", message: contacts.error.message }} className="mb-3" /> : null}
      <FormField id="engage-contact" label="Contact or escalation plan" error={fieldError}>
        <Select
          id="engage-contact"
          value={contactArn}
          onChange={(e) => setContactArn(e.target.value)}
          aria-invalid={fieldError ? true : undefined}
          aria-errormessage={fieldError ? "engage-contact-error" : undefined}
        >
          <option value="">{contacts.isPending ? "Loading contacts…" : choices.length ? "Choose a contact" : "No contacts"}</option>
          {choices.map((c) => (
            <option key={c.arn} value={c.arn}>
              {contactLabel(c)}
            </option>
          ))}
        </Select>
      </FormField>
    </Modal>
  );
}

function StopEngagementDialog({
  incidentArn,
  engagementArn,
  alias,
  onDone,
}: {
  incidentArn: string;
  engagementArn: string;
  alias: string;
  onDone: () => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, start] = useTransition();
  const reasonError = error?.fields?.find((f) => f.name === "reason")?.message;
  return (
    <Modal
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) setError(null);
      }}
      title={`Stop engagement of ${alias}`}
      description="No more pages go out for this engagement. Pages already sent stay as they are."
      trigger={<Button aria-label={`Stop engagement of ${alias}`}>Stop engagement</Button>}
      footer={
        <>
          <Button variant="link" onClick={() => setOpen(false)}>Cancel</Button>
          <Button
            variant="primary"
            disabled={pending}
            onClick={() =>
              start(async () => {
                setError(null);
                const result = await stopEngagementAction({ incidentArn, engagementArn, reason }).catch(() => null);
                if (!result?.ok) return setError(result?.error ?? NETWORK);
                await onDone();
                setOpen(false);
              })
            }
          >
            {pending ? "Stopping…" : "Stop"}
          </Button>
        </>
      }
    >
      {error && !reasonError ? <ErrorAlert error={error} className="mb-3" /> : null}
      <FormField id="stop-reason" label="Reason" error={reasonError} optional>
        <Textarea
          id="stop-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={reasonError ? true : undefined}
          aria-errormessage={reasonError ? "stop-reason-error" : undefined}
        />
      </FormField>
    </Modal>
  );
}

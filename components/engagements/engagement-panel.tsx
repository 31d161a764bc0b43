"use client";
// One engagement's pages and their receipts, with Stop engagement and Acknowledge (my page):
// shared by an incident's Engagements tab and the engagement's own page.
import { useState } from "react";
import { AcknowledgeButton } from "@/components/pages/acknowledge-button";
import { ReceiptList } from "@/components/pages/receipt-times";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { ActionDialog } from "@/components/ui/action-dialog";
import { FormField, Textarea } from "@/components/ui/form-field";
import { AbsoluteTime, RelativeTime } from "@/components/ui/relative-time";
import { EngagementStateText } from "./engagement-state";
import { stopEngagementAction } from "@/lib/console/engagements/actions";
import type { EngagementRow } from "@/lib/console/engagements/dto";
import { contactAlias } from "@/lib/console/contacts/paths";
import { useAction } from "@/components/ui/use-action";


export function EngagementPanel({
  incidentArn,
  engagement: e,
  canWrite,
  onChange,
}: {
  /** Given on an incident's tab: the stop action then checks the engagement is that incident's. */
  incidentArn?: string;
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
          <EngagementStateText facts={e.facts} />
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

export function StopEngagementDialog({
  incidentArn,
  engagementArn,
  alias,
  onDone,
}: {
  incidentArn?: string;
  engagementArn: string;
  alias: string;
  onDone: () => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { error, pending, run, fieldError, clearError } = useAction();
  const reasonError = fieldError("reason");
  return (
    <ActionDialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) clearError();
      }}
      title={`Stop engagement of ${alias}`}
      description="No more pages go out for this engagement. Pages already sent stay as they are."
      trigger={<Button aria-label={`Stop engagement of ${alias}`}>Stop engagement</Button>}
      submitLabel="Stop"
      pendingLabel="Stopping…"
      pending={pending}
      onSubmit={() =>
        run(
          () => stopEngagementAction({ incidentArn, engagementArn, reason }),
          async () => {
            await onDone();
            setOpen(false);
          },
        )
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
    </ActionDialog>
  );
}

"use client";
// Deletes the replication set after a typed confirmation. It says plainly what goes: all Incident
// Manager data (reference: DeleteReplicationSet). With deletion protection on, the backend refuses
// and the dialog shows its error.
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ActionDialog } from "@/components/ui/action-dialog";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField, Input } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { deleteReplicationSetAction } from "@/lib/console/settings/actions";
import type { ConsoleMode, ReplicationSetView } from "@/lib/console/settings/dto";
import { DELETE_CONFIRMATION, deleteReplicationSetFormSchema, type DeleteReplicationSetFormValues } from "@/lib/console/settings/schemas";

/** What DeleteReplicationSet takes with it, as each backend does it. */
function WhatGoes({ mode }: { mode: ConsoleMode }) {
  if (mode === "aws") {
    return (
      <p>
        AWS deletes all Incident Manager data in this account, in every Region of the set: incident records, response plans, contacts, escalation plans,
        on-call schedules and rotations, and their history.
      </p>
    );
  }
  return (
    <>
      <p>This console&apos;s local model deletes, for good:</p>
      <ul className="list-disc pl-5">
        <li>every incident record, with its timeline, related items and runbook</li>
        <li>every response plan and its resource policies</li>
        <li>every contact and escalation plan, with their channels</li>
        <li>every on-call schedule and rotation, with its overrides</li>
        <li>every engagement and page, with their receipts, and the My pages inbox</li>
        <li>the tags of all of them</li>
      </ul>
      <p>Console users and API access keys stay.</p>
    </>
  );
}

export function DeleteReplicationSetDialog({ set, mode }: { set: NonNullable<ReplicationSetView>; mode: ConsoleMode }) {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const router = useRouter();
  const empty: DeleteReplicationSetFormValues = { arn: set.arn, confirmation: "" };
  const form = useForm<DeleteReplicationSetFormValues>({ resolver: zodResolver(deleteReplicationSetFormSchema), defaultValues: empty });
  const { errors, isSubmitting } = form.formState;
  const { formError, run, clearFormError } = useActionForm(form.setError, ["confirmation"]);

  function onOpenChange(next: boolean) {
    setOpen(next);
    form.reset(empty);
    clearFormError();
  }

  const onSubmit = form.handleSubmit(async (values) => {
    const deleted = await run(() => deleteReplicationSetAction({ ...values, arn: set.arn }));
    if (!deleted) return;
    setOpen(false);
    // Everything any page showed is gone.
    await queryClient.invalidateQueries();
    router.refresh();
  });

  const error = errors.confirmation?.message;
  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Delete replication set"
      trigger={<Button>Delete replication set</Button>}
      submitLabel="Delete"
      pendingLabel="Deleting…"
      pending={isSubmitting}
      form="delete-replication-set-form"
    >
      <form id="delete-replication-set-form" onSubmit={onSubmit} noValidate className="space-y-3">
        {formError ? <ErrorAlert error={formError} /> : null}
        <Alert type="warning" header="All Incident Manager data is deleted">
          <div className="space-y-2">
            <p>Deleting the replication set deletes all Incident Manager data. This can&apos;t be undone.</p>
            <WhatGoes mode={mode} />
            <p>Until a new replication set is created, incidents can&apos;t be started.</p>
          </div>
        </Alert>
        {set.deletionProtected ? (
          <p className="text-muted">Deletion protection is on: the replication set can&apos;t be deleted until it is turned off.</p>
        ) : null}
        <FormField id="delete-set-confirmation" label={`To confirm, type ${DELETE_CONFIRMATION}`} error={error}>
          <Input autoComplete="off" {...fieldAria("delete-set-confirmation", { error })} {...form.register("confirmation")} />
        </FormField>
      </form>
    </ActionDialog>
  );
}

"use client";
// A delete that can't be undone: the user types a word (or the resource's name) to enable it, as
// Cloudscape asks for destructive actions. The action's error, if any, shows in the dialog.
import { useState, type ReactNode } from "react";
import type { ActionResult } from "@/lib/console/core/result";
import { ErrorAlert } from "./alert";
import { Button } from "./button";
import { ActionDialog } from "./action-dialog";
import { FormField, Input } from "./form-field";
import { useAction } from "./use-action";

export function TypedConfirmDelete({
  title,
  confirmText,
  children,
  remove,
  onDeleted,
}: {
  title: string;
  /** What the user types to confirm. */
  confirmText: string;
  /** What is deleted, and what goes with it. */
  children: ReactNode;
  remove: () => Promise<ActionResult<unknown>>;
  onDeleted: () => Promise<unknown> | void;
}) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const { error, pending, run, clearError } = useAction();

  function onOpenChange(next: boolean) {
    setOpen(next);
    setTyped("");
    clearError();
  }

  const confirm = () => run(remove, onDeleted);

  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      trigger={<Button>Delete</Button>}
      submitLabel="Delete"
      pendingLabel="Deleting…"
      pending={pending}
      disabled={typed.trim() !== confirmText}
      onSubmit={confirm}
    >
      <div className="space-y-3">
        {error ? <ErrorAlert error={error} /> : null}
        <div className="break-words">{children}</div>
        <FormField id="delete-confirm" label={`To confirm, type "${confirmText}"`}>
          <Input id="delete-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </FormField>
      </div>
    </ActionDialog>
  );
}

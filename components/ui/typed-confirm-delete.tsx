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
  open: openProp,
  onOpenChange: onOpenChangeProp,
}: {
  title: string;
  /** What the user types to confirm. */
  confirmText: string;
  /** What is deleted, and what goes with it. */
  children: ReactNode;
  remove: () => Promise<ActionResult<unknown>>;
  onDeleted: () => Promise<unknown> | void;
  /** Opened from elsewhere (a "More" menu's item): then the dialog has no Delete button of its own. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const [ownOpen, setOwnOpen] = useState(false);
  const controlled = openProp !== undefined;
  const open = controlled ? openProp : ownOpen;
  const setOpen = controlled ? (onOpenChangeProp ?? (() => {})) : setOwnOpen;
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
      trigger={controlled ? undefined : <Button>Delete</Button>}
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

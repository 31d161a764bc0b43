"use client";
// A dialog that asks for one action: Cancel, and a primary button that does it and reads
// "Saving…" (or the like) while it runs. Cancel closes through onOpenChange, as ✕ and Escape do,
// so each dialog resets its fields and error in one place.
import type { ComponentProps } from "react";
import { Button } from "./button";
import { Modal } from "./dialog";

type Submit =
  /** The button submits the dialog's form (by id), which runs the action. */
  | { form: string; onSubmit?: never }
  /** The button runs the action itself. */
  | { form?: never; onSubmit: () => void };

export function ActionDialog({
  submitLabel,
  pendingLabel,
  pending = false,
  disabled = false,
  form,
  onSubmit,
  ...modal
}: Omit<ComponentProps<typeof Modal>, "footer"> &
  Submit & {
    submitLabel: string;
    /** The button's label while the action runs. */
    pendingLabel?: string;
    pending?: boolean;
    /** Disabled for a reason of its own (nothing to act on yet); it is always disabled while pending. */
    disabled?: boolean;
  }) {
  return (
    <Modal
      {...modal}
      footer={
        <>
          <Button variant="link" onClick={() => modal.onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="primary" type={form ? "submit" : "button"} form={form} disabled={pending || disabled} onClick={onSubmit}>
            {pending && pendingLabel ? pendingLabel : submitLabel}
          </Button>
        </>
      }
    />
  );
}

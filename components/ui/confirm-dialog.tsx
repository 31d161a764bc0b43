"use client";
import type { ReactNode } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { ActionDialog } from "@/components/ui/action-dialog";
import type { ActionResult } from "@/lib/console/core/result";
import { useAction } from "@/components/ui/use-action";

/**
 * Asks before a server action that can't be undone (revoke a key, remove a Region, delete a
 * policy): Cancel, or the action, whose refusal stays in the dialog; `onDone` runs after success.
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  pendingLabel,
  action,
  onDone,
  onClose,
  children,
}: {
  title: string;
  confirmLabel: string;
  pendingLabel: string;
  action: () => Promise<ActionResult<unknown>>;
  onDone: () => unknown;
  onClose: () => void;
  children: ReactNode;
}) {
  const { error, pending, run } = useAction();
  return (
    <ActionDialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={title}
      submitLabel={confirmLabel}
      pendingLabel={pendingLabel}
      pending={pending}
      onSubmit={() =>
        run(action, async () => {
          await onDone();
          onClose();
        })
      }
    >
      {error ? <ErrorAlert error={error} className="mb-3" /> : null}
      {children}
    </ActionDialog>
  );
}

"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/dialog";
import { FormField, Input } from "@/components/ui/form-field";
import { deleteIncidentAction } from "@/lib/actions/delete-incident";
import type { ActionError } from "@/lib/actions/result";
import type { IncidentDetail } from "@/lib/queries/dto";
import { incidentKeys } from "@/lib/queries/keys";

const CONFIRM_WORD = "delete";

/**
 * DeleteIncidentRecord cannot be undone (the timeline and related items go with it), so the
 * responder types a word to confirm, as Cloudscape asks for destructive actions; then the list.
 */
export function DeleteIncidentDialog({ incident }: { incident: IncidentDetail }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, startTransition] = useTransition();

  function onOpenChange(next: boolean) {
    setOpen(next);
    setTyped("");
    setError(null);
  }

  function remove() {
    setError(null);
    startTransition(async () => {
      const result = await deleteIncidentAction({ arn: incident.arn }).catch(() => null);
      if (!result || !result.ok) {
        setError(result ? result.error : { name: "NetworkError", message: "The console could not be reached. Try again." });
        return;
      }
      queryClient.removeQueries({ queryKey: incidentKeys.timeline(incident.arn) });
      await queryClient.invalidateQueries({ queryKey: incidentKeys.lists() });
      router.push("/incidents");
    });
  }

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title="Delete incident"
      trigger={<Button>Delete</Button>}
      footer={
        <>
          <Button variant="link" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="primary" disabled={pending || typed.trim().toLowerCase() !== CONFIRM_WORD} onClick={remove}>
            {pending ? "Deleting…" : "Delete"}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        {error ? <ErrorAlert error={error} /> : null}
        <p className="break-words">
          Permanently delete <span className="font-bold">{incident.title}</span>? Its timeline, related items and tags are deleted with
          it. This cannot be undone.
        </p>
        <FormField id="delete-confirm" label={`To confirm, type "${CONFIRM_WORD}"`}>
          <Input id="delete-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </FormField>
      </div>
    </Modal>
  );
}

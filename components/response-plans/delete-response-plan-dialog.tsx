"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/dialog";
import { FormField, Input } from "@/components/ui/form-field";
import { deleteResponsePlanAction } from "@/lib/actions/delete-response-plan";
import type { ActionError } from "@/lib/actions/result";
import { responsePlanKeys } from "@/lib/queries/keys";

/**
 * DeleteResponsePlan cannot be undone, so the plan's name is typed to confirm (as the AWS console
 * asks); incidents the plan started stay. Then the list.
 */
export function DeleteResponsePlanDialog({ arn, name }: { arn: string; name: string }) {
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
      const result = await deleteResponsePlanAction({ arn }).catch(() => null);
      if (!result?.ok) {
        setError(result ? result.error : { name: "NetworkError", message: "The console could not be reached. Try again." });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: responsePlanKeys.all });
      router.push("/response-plans");
      router.refresh();
    });
  }

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title="Delete response plan"
      trigger={<Button>Delete</Button>}
      footer={
        <>
          <Button variant="link" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="primary" disabled={pending || typed.trim() !== name} onClick={remove}>
            {pending ? "Deleting…" : "Delete"}
          </Button>
        </>
      }
    >
      <div className="space-y-3">
        {error ? <ErrorAlert error={error} /> : null}
        <p className="break-words">
          Permanently delete <span className="font-bold">{name}</span>? Incidents it started stay; new incidents can&apos;t start from it.
          This cannot be undone.
        </p>
        <FormField id="delete-plan-confirm" label={`To confirm, type "${name}"`}>
          <Input id="delete-plan-confirm" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
        </FormField>
      </div>
    </Modal>
  );
}

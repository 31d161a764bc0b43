"use client";
// Delete a contact or an escalation plan, after showing what engages it: DeleteContact removes it
// from those escalation plans and response plans (reference: DeleteContact).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ActionDialog } from "@/components/ui/action-dialog";
import { deleteContactAction } from "@/lib/console/contacts/actions";
import type { ContactReferences } from "@/lib/console/contacts/dto";
import { contactKeys } from "@/lib/console/contacts/keys";
import { escalationPlanPath } from "@/lib/console/contacts/paths";
import { responsePlanPath } from "@/lib/console/response-plans/paths";
import { errorOf, readJson } from "@/lib/console/core/errors";
import { useAction } from "@/components/ui/use-action";

export function DeleteContactButton({ arn, alias, kind }: { arn: string; alias: string; kind: "contact" | "escalation plan" }) {
  const [open, setOpen] = useState(false);
  const { error, pending, run, clearError } = useAction();
  const router = useRouter();
  const queryClient = useQueryClient();
  const refs = useQuery({
    queryKey: contactKeys.references(arn),
    queryFn: () => readJson<ContactReferences>(`/api/contacts/references?arn=${encodeURIComponent(arn)}`),
    enabled: open,
    staleTime: 0,
  });
  const refsError = errorOf(refs.error);
  const title = kind === "contact" ? "Delete contact" : "Delete escalation plan";

  function remove() {
    run(
      () => deleteContactAction({ arn }),
      async () => {
        await queryClient.invalidateQueries({ queryKey: contactKeys.all });
        setOpen(false);
        router.push(kind === "contact" ? "/contacts" : "/escalation-plans");
        router.refresh();
      },
    );
  }

  const used = refs.data && (refs.data.escalationPlans.length > 0 || refs.data.responsePlans.length > 0);
  return (
    <ActionDialog
      open={open}
      onOpenChange={(o) => {
        setOpen(o);
        if (!o) clearError();
      }}
      title={title}
      trigger={<Button>Delete</Button>}
      submitLabel="Delete"
      pendingLabel="Deleting…"
      pending={pending}
      disabled={refs.isPending}
      onSubmit={remove}
    >
      <div className="space-y-3">
        {error ? <ErrorAlert error={error} /> : null}
        <p>
          Delete <span className="font-bold">{alias}</span>? This can&apos;t be undone. Past engagements and pages stay in the history.
        </p>
        {refs.isPending ? <p className="text-muted">Checking which plans engage {alias}…</p> : null}
        {refsError ? <ErrorAlert error={refsError} /> : null}
        {used ? (
          <Alert type="warning" header={`${alias} is engaged by other plans`}>
            <p>Deleting it removes it from:</p>
            <ul className="mt-1 list-disc pl-5">
              {refs.data!.escalationPlans.map((p) => (
                <li key={p.arn}>
                  Escalation plan{" "}
                  <Link href={escalationPlanPath(p.alias)} className="text-link underline">
                    {p.alias}
                  </Link>
                </li>
              ))}
              {refs.data!.responsePlans.map((p) => (
                <li key={p.arn}>
                  Response plan{" "}
                  <Link href={responsePlanPath(p.name)} className="text-link underline">
                    {p.name}
                  </Link>
                </li>
              ))}
            </ul>
          </Alert>
        ) : refs.data ? (
          <p className="text-muted">No escalation plan or response plan engages {alias}.</p>
        ) : null}
      </div>
    </ActionDialog>
  );
}

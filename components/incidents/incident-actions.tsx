"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { deferred, standInButton } from "@/components/ui/deferred";
import { useAction } from "@/components/ui/use-action";
import { ActionDialog } from "@/components/ui/action-dialog";
import type { ActionResult } from "@/lib/console/core/result";
import { stopIncidentPagingAction } from "@/lib/console/engagements/actions";
import { updateIncidentAction } from "@/lib/console/incidents/actions";
import type { IncidentDetail } from "@/lib/console/incidents/dto";
import { incidentKeys } from "@/lib/console/incidents/keys";
import { DeleteIncidentDialog } from "./delete-incident-dialog";

// The edit form (react-hook-form) loads when Edit is first used, not with the incident page.
const EditIncidentDialog = deferred(
  () => import("./edit-incident-dialog").then((m) => m.EditIncidentDialog),
  standInButton("Edit", buttonClass("normal")),
);

/** Resolve (after a confirmation) or reopen, edit, delete: shown to roles that may change incidents. */
export function IncidentActions({ incident }: { incident: IncidentDetail }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  // Checked by default: a resolved incident shouldn't keep waking people up.
  const [stopPaging, setStopPaging] = useState(true);
  const { error, pending, run, clearError } = useAction();

  function setStatus(status: "OPEN" | "RESOLVED") {
    run(
      async (): Promise<ActionResult<unknown>> => {
        const updated = await updateIncidentAction({ arn: incident.arn, status });
        if (!updated.ok || status !== "RESOLVED" || !stopPaging) return updated;
        return stopIncidentPagingAction({ incidentArn: incident.arn });
      },
      () => setConfirming(false),
      // Either way: the incident may be resolved even if stopping its paging was refused.
      async () => {
        await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
        router.refresh();
      },
    );
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap gap-2">
        <EditIncidentDialog incident={incident} />
        {incident.status === "OPEN" ? (
          <ActionDialog
            open={confirming}
            onOpenChange={(open) => {
              setConfirming(open);
              if (open) setStopPaging(true);
              if (!open) clearError();
            }}
            title="Resolve incident"
            trigger={<Button variant="primary">Resolve</Button>}
            submitLabel="Resolve"
            pendingLabel="Resolving…"
            pending={pending}
            onSubmit={() => setStatus("RESOLVED")}
          >
            {error ? <ErrorAlert error={error} className="mb-3" /> : null}
            <p>
              Resolve <span className="font-bold">{incident.title}</span>? The incident moves to the Resolved list; you can reopen it
              later.
            </p>
            <label className="mt-4 flex items-start gap-2">
              <input type="checkbox" checked={stopPaging} onChange={(e) => setStopPaging(e.target.checked)} className="mt-1 size-4 accent-link" />
              <span>
                Stop paging for this incident
                <span className="block text-sm text-muted">Stops its engagements that are still paging; acknowledged and finished ones stay as they are.</span>
              </span>
            </label>
          </ActionDialog>
        ) : (
          <Button disabled={pending} onClick={() => setStatus("OPEN")}>
            {pending ? "Reopening…" : "Reopen"}
          </Button>
        )}
        <DeleteIncidentDialog incident={incident} />
      </div>
      {error && !confirming ? <ErrorAlert error={error} /> : null}
    </div>
  );
}

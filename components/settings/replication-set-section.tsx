"use client";
// Settings → Replication set: its Regions with their status, add and remove a Region, deletion
// protection, delete the set; or, when there is none, the form that creates it. While a Region is
// joining or leaving (the set is UPDATING) the section polls until the change completes.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Container } from "@/components/ui/container";
import { columnHelper, DataTable, type Columns } from "@/components/ui/data-table";
import { KeyValuePairs } from "@/components/ui/key-value";
import { AbsoluteTime } from "@/components/ui/relative-time";
import { StatusIndicator, type StatusType } from "@/components/ui/status-indicator";
import { useAction } from "@/components/ui/use-action";
import { errorOf, readJson } from "@/lib/console/core/errors";
import { principalName } from "@/lib/console/core/names";
import { deleteReplicationRegionAction, updateDeletionProtectionAction } from "@/lib/console/settings/actions";
import type { ConsoleMode, ReplicationRegionRow, ReplicationSetView } from "@/lib/console/settings/dto";
import { settingsKeys } from "@/lib/console/settings/keys";
import { AddRegionForm } from "./add-region-form";
import { CreateReplicationSetForm } from "./create-replication-set-form";
import { DeleteReplicationSetDialog } from "./delete-replication-set-dialog";
import { Arn } from "@/components/ui/arn";

type ReplicationSet = NonNullable<ReplicationSetView>;

const col = columnHelper<ReplicationRegionRow>();

/** How often the section asks again while a Region change is in progress. */
const SETTLING_POLL_MS = 1_000;

export function useReplicationSet(initial?: ReplicationSetView) {
  return useQuery({
    queryKey: settingsKeys.replicationSet(),
    queryFn: () => readJson<ReplicationSetView>("/api/settings/replication-set"),
    ...(initial !== undefined ? { initialData: initial } : {}),
    refetchInterval: (q) => (q.state.data && q.state.data.status !== "ACTIVE" ? SETTLING_POLL_MS : false),
  });
}

export function statusType(status: string): StatusType {
  if (status === "ACTIVE") return "success";
  if (status === "FAILED") return "error";
  return "info";
}

export function ReplicationSetSection({ initial, region, mode }: { initial: ReplicationSetView; region: string; mode: ConsoleMode }) {
  const query = useReplicationSet(initial);
  const set = query.data;
  const loadError = errorOf(query.error);
  const description = "The Regions Incident Manager replicates its data to, encrypted with each Region's KMS key.";
  if (!set) {
    return (
      <Container header="Replication set" description={description}>
        {loadError ? <ErrorAlert error={loadError} className="mb-3" /> : null}
        <CreateReplicationSetForm defaultRegion={region} />
      </Container>
    );
  }
  return (
    <Container header="Replication set" description={description} actions={<DeleteReplicationSetDialog set={set} mode={mode} />}>
      <div className="space-y-5">
        {loadError ? <ErrorAlert error={loadError} /> : null}
        <KeyValuePairs
          items={[
            { label: "ARN", value: <Arn arn={set.arn} label="Copy replication set ARN" /> },
            { label: "Status", value: <StatusIndicator type={statusType(set.status)}>{set.status}</StatusIndicator> },
            { label: "Deletion protection", value: <DeletionProtectionSwitch set={set} /> },
            { label: "Created", value: set.createdTime ? <AbsoluteTime iso={set.createdTime} /> : null },
            { label: "Created by", value: set.createdBy ? <span className="break-all">{principalName(set.createdBy)}</span> : null },
            { label: "Last modified", value: set.lastModifiedTime ? <AbsoluteTime iso={set.lastModifiedTime} /> : null },
          ]}
        />
        <RegionsTable set={set} />
        <AddRegionForm set={set} />
      </div>
    </Container>
  );
}

function DeletionProtectionSwitch({ set }: { set: ReplicationSet }) {
  const queryClient = useQueryClient();
  const { error, pending, run } = useAction();
  const on = set.deletionProtected;
  return (
    <div className="space-y-2">
      <button
        type="button"
        role="switch"
        aria-checked={on}
        aria-label="Deletion protection"
        aria-describedby="deletion-protection-help"
        disabled={pending}
        onClick={() =>
          run(
            () => updateDeletionProtectionAction({ arn: set.arn, deletionProtected: !on }),
            () => queryClient.invalidateQueries({ queryKey: settingsKeys.replicationSet() }),
          )
        }
        className="inline-flex items-center gap-2 rounded-full focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-link disabled:opacity-50"
      >
        <span aria-hidden className={`relative h-6 w-11 rounded-full transition-colors ${on ? "bg-link" : "bg-[#8c8c94]"}`}>
          <span className={`absolute top-0.5 h-5 w-5 rounded-full bg-white transition-all ${on ? "left-[1.375rem]" : "left-0.5"}`} />
        </span>
        <span>{on ? "On" : "Off"}</span>
      </button>
      <p id="deletion-protection-help" className="text-sm text-muted">
        {on ? "The last Region can't be deleted, so neither can the replication set." : "The replication set and its last Region can be deleted."}
      </p>
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}

function RegionsTable({ set }: { set: ReplicationSet }) {
  const [removing, setRemoving] = useState<ReplicationRegionRow | null>(null);
  const last = set.regions.length === 1;
  const settling = set.status !== "ACTIVE";
  const columns: Columns<ReplicationRegionRow> = [
    col.accessor("regionName", { header: "Region", cell: (c) => <span className="font-mono text-sm">{c.getValue()}</span> }),
    col.accessor("status", {
      header: "Status",
      cell: (c) => (
        <>
          <StatusIndicator type={statusType(c.getValue())}>{c.getValue()}</StatusIndicator>
          {c.row.original.statusMessage ? <p className="text-sm text-muted">{c.row.original.statusMessage}</p> : null}
        </>
      ),
    }),
    col.accessor("sseKmsKeyId", {
      header: "KMS key",
      cell: (c) => <span className="break-all">{!c.getValue() || c.getValue() === "DefaultKey" ? "AWS owned key" : c.getValue()}</span>,
    }),
    col.accessor("statusUpdateDateTime", { header: "Status updated", cell: (c) => (c.getValue() ? <AbsoluteTime iso={c.getValue()!} /> : "—") }),
    col.display({
      id: "actions",
      header: "Actions",
      cell: (c) => {
        const r = c.row.original;
        return (
          <Button
            variant="link"
            aria-label={`Remove Region ${r.regionName}`}
            aria-describedby={last ? "last-region-note" : settling ? "regions-settling-note" : undefined}
            disabled={last || settling || r.status !== "ACTIVE"}
            onClick={() => setRemoving(r)}
          >
            Remove
          </Button>
        );
      },
    }),
  ];
  return (
    <div className="space-y-2">
      <h3 className="font-bold">Regions ({set.regions.length})</h3>
      <DataTable label="Regions" columns={columns} data={set.regions} getRowId={(r) => r.regionName} empty="No Regions." />
      {last ? (
        <p id="last-region-note" className="text-muted">
          {set.regions[0].regionName} is the only Region of the replication set, so it can&apos;t be removed.{" "}
          {set.deletionProtected
            ? "Deletion protection is on as well: the replication set can't be deleted until it is turned off."
            : "To remove it, delete the replication set."}
        </p>
      ) : null}
      {settling ? (
        <p id="regions-settling-note" role="status" className="text-muted">
          A Region is being added or removed. The replication set takes another change once it is ACTIVE again.
        </p>
      ) : null}
      {removing ? <RemoveRegionDialog set={set} region={removing} onClose={() => setRemoving(null)} /> : null}
    </div>
  );
}

function RemoveRegionDialog({ set, region, onClose }: { set: ReplicationSet; region: ReplicationRegionRow; onClose: () => void }) {
  const queryClient = useQueryClient();
  const name = region.regionName;
  return (
    <ConfirmDialog
      title={`Remove Region ${name}`}
      confirmLabel="Remove Region"
      pendingLabel="Removing…"
      action={() => deleteReplicationRegionAction({ arn: set.arn, regionName: name })}
      onDone={() => queryClient.invalidateQueries({ queryKey: settingsKeys.replicationSet() })}
      onClose={onClose}
    >
      <p>
        Remove <span className="font-bold">{name}</span> from the replication set? Incident Manager stops replicating to {name} and deletes its data there. The
        Region shows DELETING until the removal completes.
      </p>
    </ConfirmDialog>
  );
}

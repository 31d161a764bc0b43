"use client";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorAlert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { deferred, standInButton } from "@/components/ui/deferred";
import { columnHelper, DataTable, type Columns } from "@/components/ui/data-table";
import { RELATED_ITEM_TYPES } from "@/lib/console/related-items/item-types";
import { removeRelatedItemAction } from "@/lib/console/related-items/actions";
import type { RelatedItemRow } from "@/lib/console/related-items/dto";
import { incidentPath } from "@/lib/console/incidents/paths";
import { errorOf } from "@/lib/console/core/errors";
import { useRelatedItems } from "./use-related-items";
import { useAction } from "@/components/ui/use-action";
import { relatedItemKeys } from "@/lib/console/related-items/keys";

const TYPE_LABEL = new Map(RELATED_ITEM_TYPES.map((t) => [t.value as string, t.label]));
const TYPE_ORDER = new Map(RELATED_ITEM_TYPES.map((t, i) => [t.value as string, i]));

/** An incident ARN opens in this console; a URL or another ARN opens where it lives. Titles are text, never HTML. */
function ItemLink({ item }: { item: RelatedItemRow }) {
  const shown = item.title || item.value.url || item.value.arn || item.value.metricDefinition || "(no value)";
  if (item.value.arn?.includes(":incident-record/")) {
    return (
      <Link href={incidentPath(item.value.arn)} className="text-link hover:underline">
        {shown}
      </Link>
    );
  }
  if (item.href) {
    return (
      <a href={item.href} target="_blank" rel="noopener noreferrer" className="text-link hover:underline">
        {shown}
      </a>
    );
  }
  return <span>{shown}</span>;
}

const col = columnHelper<RelatedItemRow>();

// The add form (react-hook-form) loads when "Add related item" is first pressed.
const AddRelatedItemForm = deferred<{ incidentArn: string; onAdded: () => Promise<unknown> }>(
  () => import("./add-related-item-form").then((m) => m.AddRelatedItemForm),
  standInButton("Add related item", buttonClass("normal")),
);
/** The Related items tab: the incident's items grouped by type, with add and remove for writers. */
export function RelatedItemsTab({ incidentArn, canWrite }: { incidentArn: string; canWrite: boolean }) {
  const query = useRelatedItems(incidentArn);
  const queryClient = useQueryClient();
  const { error: removeError, pending: removing, run } = useAction();
  const refresh = () => queryClient.invalidateQueries({ queryKey: relatedItemKeys.incident(incidentArn) });

  const rows = [...(query.data ?? [])].sort((a, b) => (TYPE_ORDER.get(a.type) ?? 99) - (TYPE_ORDER.get(b.type) ?? 99));
  const columns: Columns<RelatedItemRow> = [
    col.accessor("type", { header: "Type", cell: (c) => TYPE_LABEL.get(c.getValue()) ?? c.getValue() }),
    col.display({ id: "item", header: "Item", cell: (c) => <ItemLink item={c.row.original} /> }),
    col.display({
      id: "value",
      header: "URL or ARN",
      cell: (c) => <span className="break-all text-muted">{c.row.original.value.url ?? c.row.original.value.arn ?? c.row.original.value.metricDefinition}</span>,
    }),
    ...(canWrite
      ? [
          col.display({
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            cell: (c) => (
              <Button
                variant="link"
                disabled={removing}
                aria-label={`Remove ${c.row.original.title || c.row.original.value.url || c.row.original.value.arn}`}
                onClick={() => {
                  const { type, value } = c.row.original;
                  // Refused or not, show the items as they now are (another console may have removed it).
                  run(() => removeRelatedItemAction({ incidentArn, type, value }), undefined, refresh);
                }}
              >
                Remove
              </Button>
            ),
          }),
        ]
      : []),
  ];
  const error = errorOf(query.error);

  return (
    <div className="space-y-5">
      <Container header="Related items" description="Dashboards, runbooks, resources and other incidents that help with this one." flush>
        {error ? <ErrorAlert error={error} className="mx-5 mb-3" /> : null}
        {removeError ? <ErrorAlert error={removeError} className="mx-5 mb-3" /> : null}
        <DataTable label="Related items" columns={columns} data={rows} getRowId={(r) => r.id} loading={query.isPending} empty="No related items." />
      </Container>
      {canWrite ? <AddRelatedItemForm incidentArn={incidentArn} onAdded={refresh} /> : null}
    </div>
  );
}

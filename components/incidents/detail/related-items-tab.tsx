"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { columnHelper, DataTable, type Columns } from "@/components/ui/data-table";
import { fieldAria, FormField, Input, Select } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionError } from "@/lib/actions/result";
import { addRelatedItemFormSchema, RELATED_ITEM_TYPES, type AddRelatedItemValues } from "@/lib/actions/schemas/related-item";
import { addRelatedItemAction, removeRelatedItemAction } from "@/lib/actions/update-related-items";
import type { RelatedItemRow } from "@/lib/queries/dto";
import { incidentKeys } from "@/lib/queries/keys";
import { incidentPath } from "@/lib/queries/paths";
import { ReadError } from "@/lib/queries/read-json";
import { useRelatedItems } from "./use-related-items";

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

/** The Related items tab: the incident's items grouped by type, with add and remove for writers. */
export function RelatedItemsTab({ incidentArn, canWrite }: { incidentArn: string; canWrite: boolean }) {
  const query = useRelatedItems(incidentArn);
  const queryClient = useQueryClient();
  const [removeError, setRemoveError] = useState<ActionError | null>(null);
  const [removing, startRemoving] = useTransition();
  const refresh = () => queryClient.invalidateQueries({ queryKey: incidentKeys.relatedItems(incidentArn) });

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
                onClick={() =>
                  startRemoving(async () => {
                    setRemoveError(null);
                    const { type, value } = c.row.original;
                    const result = await removeRelatedItemAction({ incidentArn, type, value }).catch(() => null);
                    if (!result?.ok) setRemoveError(result?.error ?? { name: "NetworkError", message: "The console could not be reached. Try again." });
                    await refresh();
                  })
                }
              >
                Remove
              </Button>
            ),
          }),
        ]
      : []),
  ];
  const error = query.error instanceof ReadError ? query.error.error : query.error ? { name: "Error", message: query.error.message } : null;

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

const FIELDS = ["type", "value", "title"] as const;

function AddRelatedItemForm({ incidentArn, onAdded }: { incidentArn: string; onAdded: () => Promise<unknown> }) {
  const empty: AddRelatedItemValues = { incidentArn, type: "OTHER", value: "", title: "" };
  const form = useForm<AddRelatedItemValues>({ resolver: zodResolver(addRelatedItemFormSchema), defaultValues: empty });
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionForm(form.setError, FIELDS);
  const onSubmit = form.handleSubmit(async (values) => {
    const added = await run(() => addRelatedItemAction(values));
    if (!added) return;
    form.reset(empty);
    await onAdded();
  });
  return (
    <Container header="Add related item">
      <form onSubmit={onSubmit} noValidate aria-label="Add related item" className="grid gap-3 md:grid-cols-[12rem_1fr_1fr_auto] md:items-start">
        {formError ? (
          <div className="md:col-span-4">
            <ErrorAlert error={formError} />
          </div>
        ) : null}
        <FormField id="related-type" label="Type" error={errors.type?.message}>
          <Select {...fieldAria("related-type", { error: errors.type?.message })} {...form.register("type")}>
            {RELATED_ITEM_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="related-value" label="URL or ARN" error={errors.value?.message}>
          <Input {...fieldAria("related-value", { error: errors.value?.message })} {...form.register("value")} placeholder="https://… or arn:aws:…" />
        </FormField>
        <FormField id="related-title" label="Title" error={errors.title?.message} optional>
          <Input {...fieldAria("related-title", { error: errors.title?.message })} {...form.register("title")} />
        </FormField>
        <div className="md:pt-7">
          <Button type="submit" variant="primary" disabled={isSubmitting}>
            {isSubmitting ? "Adding…" : "Add"}
          </Button>
        </div>
      </form>
    </Container>
  );
}

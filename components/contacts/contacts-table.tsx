"use client";
// Contacts, a page at a time, searched by alias prefix (ListContacts AliasPrefix) and by type.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { TokenPager, useTokenPages } from "@/components/ui/token-pager";
import { columnHelper, DataTable, type Columns } from "@/components/ui/data-table";
import { Input, Select } from "@/components/ui/form-field";
import { StatusIndicator } from "@/components/ui/status-indicator";
import type { ContactPage, ContactRow, ContactType } from "@/lib/console/contacts/dto";
import { contactKeys } from "@/lib/console/contacts/keys";
import { contactPathFor } from "@/lib/console/contacts/paths";
import { errorOf, readJson } from "@/lib/console/core/errors";
import { contactTypeLabel } from "./labels";

const col = columnHelper<ContactRow>();
const columns: Columns<ContactRow> = [
  col.accessor("alias", {
    header: "Alias",
    cell: (c) => (
      <Link href={contactPathFor(c.row.original.type, c.getValue())} className="font-bold whitespace-nowrap text-link hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor("displayName", { header: "Name", cell: (c) => c.getValue() || "—" }),
  col.accessor("type", { header: "Type", cell: (c) => contactTypeLabel(c.getValue()) }),
  col.accessor("channels", {
    header: "Channels activated",
    cell: (c) => {
      const ch = c.getValue();
      if (!ch) return "—";
      const text = `${ch.activated} of ${ch.total}`;
      return ch.total > 0 && ch.activated === ch.total ? <StatusIndicator type="success">{text}</StatusIndicator> : text;
    },
  }),
];

/** `type` fixed: the escalation plans page lists only ESCALATION contacts, without the type filter. */
export function ContactsTable({ initialPage, type: fixedType, label }: { initialPage: ContactPage; type?: ContactType; label: string }) {
  const [search, setSearch] = useState("");
  const [typeFilter, setTypeFilter] = useState<ContactType | "">("");
  const pages = useTokenPages();
  const aliasPrefix = useDeferredValue(search.trim().toLowerCase());
  const type = fixedType ?? (typeFilter || undefined);
  const filter = { aliasPrefix: aliasPrefix || undefined, type, nextToken: pages.token };
  const isInitial = !filter.aliasPrefix && !typeFilter && pages.pageIndex === 0;
  const query = useQuery({
    queryKey: contactKeys.list(filter),
    queryFn: () => {
      const params = new URLSearchParams();
      if (filter.aliasPrefix) params.set("aliasPrefix", filter.aliasPrefix);
      if (filter.type) params.set("type", filter.type);
      if (filter.nextToken) params.set("nextToken", filter.nextToken);
      return readJson<ContactPage>(`/api/contacts?${params}`);
    },
    initialData: isInitial ? initialPage : undefined,
    placeholderData: keepPreviousData,
  });
  const error = errorOf(query.error);
  const reset = pages.reset;

  return (
    <div>
      <div className="flex flex-wrap gap-3 px-5 pb-3">
        <Input
          type="search"
          aria-label="Search by alias prefix"
          placeholder="Search by alias prefix"
          className="max-w-sm"
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            reset();
          }}
        />
        {fixedType ? null : (
          <Select
            aria-label="Type"
            className="w-auto"
            value={typeFilter}
            onChange={(e) => {
              setTypeFilter(e.target.value as ContactType | "");
              reset();
            }}
          >
            <option value="">All types</option>
            <option value="PERSONAL">Personal</option>
            <option value="ESCALATION">Escalation plan</option>
          </Select>
        )}
      </div>
      {error ? <ErrorAlert error={error} className="mx-5 mb-3" /> : null}
      <DataTable
        label={label}
        columns={columns}
        data={query.data?.items ?? []}
        getRowId={(r) => r.arn}
        loading={query.isPending}
        empty={aliasPrefix ? `Nothing matches "${aliasPrefix}".` : fixedType === "ESCALATION" ? "No escalation plans yet." : "No contacts yet."}
      />
      <TokenPager pages={pages} nextToken={query.data?.nextToken} busy={query.isPlaceholderData} note={query.isFetching ? "loading…" : undefined} />
    </div>
  );
}

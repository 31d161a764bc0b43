"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorAlert } from "@/components/ui/alert";
import { TokenPager, useTokenPages } from "@/components/ui/token-pager";
import { columnHelper, DataTable, type Columns } from "@/components/ui/data-table";
import { ArnText } from "@/components/ui/arn";
import { RelativeTime } from "@/components/ui/relative-time";
import type { EngagementListPage, EngagementListRow } from "@/lib/console/engagements/dto";
import { engagementListSearch, type EngagementListFilter } from "@/lib/console/engagements/filters";
import { engagementPath } from "@/lib/console/engagements/paths";
import { engagementKeys } from "@/lib/console/engagements/keys";
import { incidentPath } from "@/lib/console/incidents/paths";
import { contactAlias } from "@/lib/console/contacts/paths";
import { EngagementStateText } from "./engagement-state";
import { errorOf, readJson } from "@/lib/console/core/errors";

const col = columnHelper<EngagementListRow>();

const columns: Columns<EngagementListRow> = [
  col.accessor("subject", {
    header: "Subject",
    cell: (c) => (
      <Link href={engagementPath(c.row.original.arn)} className="font-bold text-link hover:underline">
        {c.getValue() || "(no subject)"}
      </Link>
    ),
  }),
  // The state second: what a responder looks for first, and still in view on a narrow screen.
  col.display({
    id: "state",
    header: "State",
    cell: (c) => <EngagementStateText facts={c.row.original.facts} />,
  }),
  col.accessor("contactArn", { header: "Contact or plan", cell: (c) => contactAlias(c.getValue()) }),
  col.accessor("sender", { header: "Sender" }),
  col.display({
    id: "started",
    header: "Started",
    cell: (c) => (c.row.original.startTime ? <RelativeTime iso={c.row.original.startTime} /> : "—"),
  }),
  col.accessor("incidentId", {
    header: "Incident",
    cell: (c) => {
      const id = c.getValue();
      if (!id) return <span className="text-muted">—</span>;
      // Only an incident record ARN has a page here; any other IncidentId is shown as text.
      return id.includes(":incident-record/") ? (
        <Link href={incidentPath(id, "engagements")} title={id} className="text-link hover:underline">
          {c.row.original.incidentTitle ?? id.split("/").pop()}
        </Link>
      ) : (
        <ArnText arn={id} />
      );
    },
  }),
];

/** One page of engagements at a time (ListEngagements' NextToken), newest first. */
export function EngagementsTable({ filter, initialPage }: { filter: EngagementListFilter; initialPage: EngagementListPage }) {
  const pages = useTokenPages();
  const { pageIndex, token } = pages;
  const query = useQuery({
    queryKey: engagementKeys.list(filter, token),
    queryFn: () => {
      const search = engagementListSearch(filter);
      const tokenParam = token ? `${search ? "&" : "?"}nextToken=${encodeURIComponent(token)}` : "";
      return readJson<EngagementListPage>(`/api/engagements${search}${tokenParam}`);
    },
    initialData: pageIndex === 0 ? initialPage : undefined,
    placeholderData: keepPreviousData,
  });
  const error = errorOf(query.error);

  return (
    <div>
      {error ? <ErrorAlert error={error} className="mx-5 my-3" /> : null}
      <DataTable label="Engagements" columns={columns} data={query.data?.items ?? []} getRowId={(r) => r.arn} loading={query.isPending} empty="No engagements match." />
      <TokenPager pages={pages} nextToken={query.data?.nextToken} busy={query.isPlaceholderData} />
    </div>
  );
}

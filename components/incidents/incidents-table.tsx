"use client";
import Link from "next/link";
import { ErrorAlert } from "@/components/ui/alert";
import { TokenPager, useTokenPages } from "@/components/ui/token-pager";
import { columnHelper, DataTable, type Columns } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import type { IncidentListRow, IncidentPage } from "@/lib/console/incidents/dto";
import { isFiltered, type IncidentListFilter } from "@/lib/console/incidents/filters";
import { incidentPath } from "@/lib/console/incidents/paths";
import { responsePlanPath } from "@/lib/console/response-plans/paths";
import { errorOf } from "@/lib/console/core/errors";
import { ImpactBadge } from "./impact-badge";
import { IncidentDuration } from "./incident-duration";
import { IncidentStatus } from "./incident-status";
import { useIncidents } from "./use-incidents";

const col = columnHelper<IncidentListRow>();
const columns: Columns<IncidentListRow> = [
  col.accessor("title", {
    header: "Title",
    cell: (c) => (
      <Link href={incidentPath(c.row.original.arn)} className="font-bold text-link hover:underline">
        {c.getValue() || "(untitled)"}
      </Link>
    ),
  }),
  col.accessor("impact", { header: "Impact", cell: (c) => <ImpactBadge impact={c.getValue()} /> }),
  col.accessor("status", { header: "Status", cell: (c) => <IncidentStatus status={c.getValue()} /> }),
  col.accessor("creationTime", { header: "Created", cell: (c) => <RelativeTime iso={c.getValue()} /> }),
  col.display({
    id: "duration",
    header: "Duration",
    cell: (c) => <IncidentDuration creationTime={c.row.original.creationTime} resolvedTime={c.row.original.resolvedTime} short />,
  }),
  col.accessor("responsePlanName", {
    header: "Response plan",
    cell: (c) => {
      const name = c.getValue();
      return name ? (
        <Link href={responsePlanPath(name)} className="text-link hover:underline">
          {name}
        </Link>
      ) : (
        "—"
      );
    },
  }),
  col.accessor("engagements", {
    header: "Engagements",
    cell: (c) => {
      const e = c.getValue();
      if (!e) return <span className="text-muted">Unavailable</span>;
      if (e.engaged === 0) return <span className="text-muted">None</span>;
      return (
        <span aria-label={`${e.acknowledged} of ${e.engaged} engagements acknowledged`}>
          {e.acknowledged}/{e.engaged} acknowledged
        </span>
      );
    },
  }),
];

/**
 * The incidents of one status, newest first, a page at a time (the API's nextToken; the tokens
 * of the pages before are kept so "Previous" works).
 */
export function IncidentsTable({ filter, initialPage }: { filter: IncidentListFilter; initialPage: IncidentPage }) {
  const status = filter.status;
  const pages = useTokenPages();
  const query = useIncidents(filter, pages.token, pages.pageIndex === 0 ? initialPage : undefined);
  const page = query.data;
  const error = errorOf(query.error);
  const label = status === "OPEN" ? "Open incidents" : "Resolved incidents";
  const filtered = isFiltered(filter);
  const items = page?.items ?? [];
  const empty = filtered ? "No incidents match these filters." : status === "OPEN" ? "No open incidents." : "No resolved incidents.";

  return (
    <div>
      {error ? <ErrorAlert error={error} className="mx-5 mb-3" /> : null}
      {/* A table from a tablet's width up; on a phone, where seven columns would be cut off, cards. */}
      <div className="max-md:hidden">
        <DataTable label={label} columns={columns} data={items} getRowId={(row) => row.arn} loading={query.isPending} empty={empty} />
      </div>
      <IncidentCards label={label} items={items} loading={query.isPending} empty={empty} />
      <TokenPager pages={pages} nextToken={page?.nextToken} busy={query.isPlaceholderData} note={query.isFetching ? "refreshing…" : undefined} />
    </div>
  );
}

/** The list on a phone: one card per incident with what a responder scans for (title, impact, status, age, plan). */
function IncidentCards({ label, items, loading, empty }: { label: string; items: IncidentListRow[]; loading: boolean; empty: string }) {
  if (items.length === 0) return <p className="border-t border-line px-5 py-8 text-center text-muted md:hidden">{loading ? "Loading…" : empty}</p>;
  return (
    <ul aria-label={label} aria-busy={loading || undefined} className="border-t border-line md:hidden">
      {items.map((row) => (
        <li key={row.arn} className="border-b border-line px-5 py-3 last:border-b-0">
          {/* Two lines at most: the full title is the incident page's heading. */}
          <Link href={incidentPath(row.arn)} title={row.title} className="line-clamp-2 font-bold break-words text-link hover:underline">
            {row.title || "(untitled)"}
          </Link>
          <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1">
            <ImpactBadge impact={row.impact} />
            <IncidentStatus status={row.status} />
            <span className="text-muted">
              <RelativeTime iso={row.creationTime} />
            </span>
          </div>
          {row.responsePlanName ? (
            <p className="mt-1 truncate text-muted">
              Plan:{" "}
              <Link href={responsePlanPath(row.responsePlanName)} className="text-link hover:underline">
                {row.responsePlanName}
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

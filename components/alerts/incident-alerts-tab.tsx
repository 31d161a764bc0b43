"use client";
// The incident page's Alerts tab (issue 15): the alert groups behind the incident — each alert
// that started or joined it, by title and integration, firing or resolved, how many times it fired
// and when first and last — with a link to each group's alerts on the Alerts page. The tab is
// shown only when there are groups; the live stream keeps the counts moving.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorAlert } from "@/components/ui/alert";
import { Container } from "@/components/ui/container";
import { columnHelper, DataTable, type Columns } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AlertGroupRow } from "@/lib/console/alerts/dto";
import { alertKeys } from "@/lib/console/alerts/keys";
import { alertsPath } from "@/lib/console/alerts/paths";
import { errorOf, readJson } from "@/lib/console/core/errors";
import { AlertStatusLabel } from "./alert-labels";

const col = columnHelper<AlertGroupRow>();
const columns: Columns<AlertGroupRow> = [
  col.accessor("title", { header: "Alert", cell: (c) => <span className="break-words">{c.getValue()}</span> }),
  col.accessor((g) => g.integration.name, { id: "integration", header: "Integration" }),
  col.accessor("status", { header: "Status", cell: (c) => <AlertStatusLabel status={c.getValue()} /> }),
  col.accessor("count", { header: "Fired", cell: (c) => (c.getValue() === 1 ? "Once" : `${c.getValue()} times`) }),
  col.accessor("firstSeenAt", { header: "First seen", cell: (c) => <RelativeTime iso={c.getValue()} /> }),
  col.accessor("lastSeenAt", { header: "Last seen", cell: (c) => <RelativeTime iso={c.getValue()} /> }),
  col.display({
    id: "alerts",
    header: "Alerts",
    cell: (c) => (
      <Link href={alertsPath({ group: c.row.original.id })} aria-label={`Alerts of ${c.row.original.title}`} className="whitespace-nowrap text-link hover:underline">
        See its alerts
      </Link>
    ),
  }),
];

export function IncidentAlertsTab({ incidentArn }: { incidentArn: string }) {
  const query = useQuery({
    queryKey: alertKeys.incidentGroups(incidentArn),
    queryFn: () => readJson<AlertGroupRow[]>(`/api/alerts/groups?incident=${encodeURIComponent(incidentArn)}`),
  });
  const error = errorOf(query.error);
  return (
    <Container header="Alerts" description="The alerts behind this incident: each one that started it or was added to it, grouped while the incident is open." flush>
      {error ? (
        <ErrorAlert error={error} className="mx-5 mb-5" />
      ) : (
        <DataTable
          label="Alert groups"
          columns={columns}
          data={query.data ?? []}
          getRowId={(g) => g.id}
          loading={query.isPending}
          empty="No alerts are behind this incident: it was started by hand or through the API."
        />
      )}
    </Container>
  );
}

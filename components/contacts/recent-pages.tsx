"use client";
import Link from "next/link";
import { ArnText } from "@/components/ui/arn";
import { columnHelper, DataTable, type Columns } from "@/components/ui/data-table";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusIndicator } from "@/components/ui/status-indicator";
import type { PageRow } from "@/lib/console/contacts/dto";
import { incidentPath } from "@/lib/console/incidents/paths";

const col = columnHelper<PageRow>();
const columns: Columns<PageRow> = [
  col.accessor("sentTime", { header: "Sent", cell: (c) => (c.getValue() ? <RelativeTime iso={c.getValue()!} /> : "Not yet") }),
  col.accessor("sender", { header: "Sender", cell: (c) => c.getValue() || "—" }),
  col.accessor("incidentId", {
    header: "Incident",
    cell: (c) => {
      const id = c.getValue();
      if (!id) return "—";
      const title = c.row.original.incidentTitle;
      // The title, linked to the incident, with its ARN on hover; an IncidentId that isn't an incident of this console as it is.
      return title ? (
        <Link href={incidentPath(id, "engagements")} title={id} className="text-link hover:underline">
          {title}
        </Link>
      ) : (
        <ArnText arn={id} />
      );
    },
  }),
  col.accessor("readTime", {
    header: "Acknowledged",
    cell: (c) => (c.getValue() ? <StatusIndicator type="success">Acknowledged</StatusIndicator> : <StatusIndicator type="info">Not acknowledged</StatusIndicator>),
  }),
];

/** A contact's most recent pages (ListPagesByContact). */
export function RecentPages({ pages }: { pages: PageRow[] }) {
  return <DataTable label="Recent pages" columns={columns} data={pages} getRowId={(p) => p.arn} empty="This contact hasn't been paged." />;
}

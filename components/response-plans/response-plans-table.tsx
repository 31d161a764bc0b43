"use client";
import Link from "next/link";
import { ImpactBadge } from "@/components/incidents/impact-badge";
import { columnHelper, DataTable, type Columns } from "@/components/ui/data-table";
import type { ResponsePlanListRow } from "@/lib/console/response-plans/dto";
import { responsePlanPath } from "@/lib/console/response-plans/paths";

const col = columnHelper<ResponsePlanListRow>();
const columns: Columns<ResponsePlanListRow> = [
  col.accessor("name", {
    header: "Name",
    cell: (c) => (
      <Link href={responsePlanPath(c.getValue())} className="font-bold whitespace-nowrap text-link hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor("displayName", { header: "Display name", cell: (c) => c.getValue() || "—" }),
  col.accessor("impact", { header: "Impact", cell: (c) => (c.getValue() ? <ImpactBadge impact={c.getValue()!} /> : "—") }),
  col.accessor("engagementCount", { header: "Engagements", cell: (c) => c.getValue() }),
  col.accessor("tags", {
    header: "Tags",
    cell: (c) => {
      const tags = c.getValue();
      if (!tags) return <span className="text-muted">Can&apos;t be read</span>;
      const entries = Object.entries(tags);
      return entries.length ? (
        <ul className="flex flex-wrap gap-1">
          {entries.map(([k, v]) => (
            <li key={k} className="rounded bg-[#f4f4f4] px-1.5 text-sm break-all">
              {v ? `${k}: ${v}` : k}
            </li>
          ))}
        </ul>
      ) : (
        "—"
      );
    },
  }),
];

export function ResponsePlansTable({ plans, canCreate }: { plans: ResponsePlanListRow[]; canCreate: boolean }) {
  return (
    <DataTable
      label="Response plans"
      columns={columns}
      data={plans}
      getRowId={(p) => p.arn}
      empty={
        canCreate ? (
          <>
            No response plans yet. An incident starts from a response plan:{" "}
            <Link href="/response-plans/create" className="text-link underline">
              create one
            </Link>
            .
          </>
        ) : (
          "No response plans yet."
        )
      }
    />
  );
}

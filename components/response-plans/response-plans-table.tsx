"use client";
import Link from "next/link";
import { columnHelper, DataTable, type Columns } from "@/components/ui/data-table";
import type { ResponsePlanRow } from "@/lib/queries/dto";
import { responsePlanPath } from "@/lib/queries/paths";

const col = columnHelper<ResponsePlanRow>();
const columns: Columns<ResponsePlanRow> = [
  col.accessor("name", {
    header: "Name",
    cell: (c) => (
      <Link href={responsePlanPath(c.getValue())} className="font-bold text-link hover:underline">
        {c.getValue()}
      </Link>
    ),
  }),
  col.accessor("displayName", { header: "Display name", cell: (c) => c.getValue() || "—" }),
  col.accessor("arn", { header: "ARN", cell: (c) => <span className="break-all text-muted">{c.getValue()}</span> }),
];

export function ResponsePlansTable({ plans }: { plans: ResponsePlanRow[] }) {
  return <DataTable label="Response plans" columns={columns} data={plans} getRowId={(p) => p.arn} empty="No response plans yet." />;
}

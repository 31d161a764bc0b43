"use client";
// Who a response plan engages: each contact or escalation plan by name, its type, a link to its page.
import Link from "next/link";
import { columnHelper, DataTable, type Columns } from "@/components/ui/data-table";
import { contactPathFor } from "@/lib/console/contacts/paths";
import type { EngagementTargetView } from "@/lib/console/response-plans/dto";

const TYPE_LABELS: Record<string, string> = { PERSONAL: "Contact", ESCALATION: "Escalation plan", ONCALL_SCHEDULE: "On-call schedule" };

const col = columnHelper<EngagementTargetView>();
const columns: Columns<EngagementTargetView> = [
  col.accessor("alias", {
    header: "Contact",
    cell: (c) => {
      const t = c.row.original;
      const name = t.displayName ? `${t.displayName} (${t.alias})` : t.alias;
      // No type: the contact couldn't be read (deleted since), so there is no page to link to.
      return t.type ? (
        <Link href={contactPathFor(t.type, t.alias)} className="whitespace-nowrap text-link hover:underline">
          {name}
        </Link>
      ) : (
        <span className="whitespace-nowrap">{name}</span>
      );
    },
  }),
  col.accessor("type", { header: "Type", cell: (c) => (c.getValue() ? (TYPE_LABELS[c.getValue()!] ?? c.getValue()) : <span className="text-muted">Not found</span>) }),
];

export function EngagementTargetsTable({ targets }: { targets: EngagementTargetView[] }) {
  return <DataTable label="Engagements" columns={columns} data={targets} getRowId={(t) => t.arn} empty="Nobody is engaged when an incident starts." />;
}

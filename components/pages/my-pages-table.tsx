"use client";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { ErrorAlert } from "@/components/ui/alert";
import { TokenPager, useTokenPages } from "@/components/ui/token-pager";
import { columnHelper, DataTable, type Columns } from "@/components/ui/data-table";
import { AbsoluteTime, RelativeTime } from "@/components/ui/relative-time";
import { StatusIndicator } from "@/components/ui/status-indicator";
import type { MyPages } from "@/lib/console/pages/dto";
import type { PageRow } from "@/lib/console/engagements/dto";
import { pageKeys } from "@/lib/console/pages/keys";
import { incidentPath } from "@/lib/console/incidents/paths";
import { errorOf } from "@/lib/console/core/errors";
import { AcknowledgeButton } from "./acknowledge-button";
import { useMyPages } from "./use-my-pages";

const col = columnHelper<PageRow>();

/** The pages addressed to my contact, newest first, a page of them at a time, with Acknowledge. */
export function MyPagesTable({ initialPage, canAcknowledge }: { initialPage: MyPages; canAcknowledge: boolean }) {
  const pages = useTokenPages();
  const query = useMyPages(pages.token, pages.pageIndex === 0 ? initialPage : undefined);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: pageKeys.all });
  const error = errorOf(query.error);

  const columns: Columns<PageRow> = [
    col.accessor("subject", {
      header: "Subject",
      cell: (c) => {
        const p = c.row.original;
        const text = c.getValue() || "(no subject)";
        return p.incidentId?.includes(":incident-record/") ? (
          <Link href={incidentPath(p.incidentId, "engagements")} className="font-bold text-link hover:underline">
            {text}
          </Link>
        ) : (
          <span className="font-bold">{text}</span>
        );
      },
    }),
    col.accessor("sender", { header: "Sender" }),
    col.display({
      id: "sent",
      header: "Sent",
      cell: (c) => {
        const t = c.row.original.sentTime;
        return t ? <RelativeTime iso={t} /> : <span className="text-muted">Not yet</span>;
      },
    }),
    col.display({
      id: "status",
      header: "Status",
      cell: (c) => {
        const p = c.row.original;
        if (p.readTime)
          return (
            <StatusIndicator type="success">
              Acknowledged <AbsoluteTime iso={p.readTime} />
            </StatusIndicator>
          );
        return <StatusIndicator type="error">Not acknowledged</StatusIndicator>;
      },
    }),
    ...(canAcknowledge
      ? [
          col.display({
            id: "actions",
            header: () => <span className="sr-only">Actions</span>,
            cell: (c) =>
              c.row.original.readTime ? null : (
                <AcknowledgeButton pageArn={c.row.original.arn} label={`Acknowledge ${c.row.original.subject || "page"}`} onDone={refresh} />
              ),
          }),
        ]
      : []),
  ];

  return (
    <div>
      {error ? <ErrorAlert error={error} className="mx-5 my-3" /> : null}
      <DataTable label="My pages" columns={columns} data={query.data?.pages ?? []} getRowId={(r) => r.arn} loading={query.isPending} empty="No pages. You're all caught up." />
      <TokenPager pages={pages} nextToken={query.data?.nextToken} busy={query.isPlaceholderData} />
    </div>
  );
}

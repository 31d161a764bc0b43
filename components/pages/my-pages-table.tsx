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
const EMPTY = "No pages. You're all caught up.";

function Subject({ page: p, className }: { page: PageRow; className: string }) {
  const text = p.subject || "(no subject)";
  return p.incidentId?.includes(":incident-record/") ? (
    <Link href={incidentPath(p.incidentId, "engagements")} className={`${className} text-link hover:underline`}>
      {text}
    </Link>
  ) : (
    <span className={className}>{text}</span>
  );
}

function PageStatus({ page: p }: { page: PageRow }) {
  return p.readTime ? (
    <StatusIndicator type="success">
      Acknowledged <AbsoluteTime iso={p.readTime} />
    </StatusIndicator>
  ) : (
    <StatusIndicator type="error">Not acknowledged</StatusIndicator>
  );
}

/** My pages on a phone: one card each, the subject in two lines at most, Acknowledge beneath it. */
function PageCards({ pages, loading, canAcknowledge, onAcknowledged }: { pages: PageRow[]; loading: boolean; canAcknowledge: boolean; onAcknowledged: () => Promise<unknown> }) {
  if (pages.length === 0) return <p className="px-5 py-8 text-center text-muted md:hidden">{loading ? "Loading…" : EMPTY}</p>;
  return (
    <ul aria-label="My pages" aria-busy={loading || undefined} className="md:hidden">
      {pages.map((p) => (
        <li key={p.arn} className="border-b border-line px-5 py-3 last:border-b-0">
          <Subject page={p} className="line-clamp-2 font-bold break-words" />
          <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1">
            <PageStatus page={p} />
            <span className="text-muted">
              {p.sentTime ? <RelativeTime iso={p.sentTime} /> : "Not sent yet"} · {p.sender}
            </span>
          </div>
          {canAcknowledge && !p.readTime ? (
            <div className="mt-2">
              <AcknowledgeButton pageArn={p.arn} label={`Acknowledge ${p.subject || "page"}`} onDone={onAcknowledged} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** The pages addressed to my contact, newest first, a page of them at a time, with Acknowledge. */
export function MyPagesTable({ initialPage, canAcknowledge }: { initialPage: MyPages; canAcknowledge: boolean }) {
  const pages = useTokenPages();
  const query = useMyPages(pages.token, pages.pageIndex === 0 ? initialPage : undefined);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: pageKeys.all });
  const error = errorOf(query.error);
  const rows = query.data?.pages ?? [];

  const columns: Columns<PageRow> = [
    col.accessor("subject", {
      header: "Subject",
      // min-w: the subject keeps a readable width and the table scrolls, rather than a word a line.
      cell: (c) => <Subject page={c.row.original} className="block min-w-56 font-bold" />,
    }),
    col.accessor("sender", { header: "Sender" }),
    col.display({
      id: "sent",
      header: "Sent",
      cell: (c) => {
        const t = c.row.original.sentTime;
        return t ? <RelativeTime iso={t} /> : <span className="whitespace-nowrap text-muted">Not yet</span>;
      },
    }),
    col.display({ id: "status", header: "Status", cell: (c) => <PageStatus page={c.row.original} /> }),
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
      {/* A table from a tablet's width up; on a phone, cards, so Acknowledge is on screen, not off to the right. */}
      <div className="max-md:hidden">
        <DataTable label="My pages" columns={columns} data={rows} getRowId={(r) => r.arn} loading={query.isPending} empty={EMPTY} />
      </div>
      <PageCards pages={rows} loading={query.isPending} canAcknowledge={canAcknowledge} onAcknowledged={refresh} />
      <TokenPager pages={pages} nextToken={query.data?.nextToken} busy={query.isPlaceholderData} />
    </div>
  );
}

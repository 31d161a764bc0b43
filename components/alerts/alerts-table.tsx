"use client";
// The Alerts page's list: every received alert, newest first, a page at a time (an opaque cursor;
// the cursors of the pages before are kept so "Previous" works). Each row says when it came, from
// which integration, what it was and what became of it, and links the incident it went to by
// title; opening a row shows its raw payload. A table from a tablet's width up, cards on a phone.
import Link from "next/link";
import { Fragment, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { AbsoluteTime, RelativeTime } from "@/components/ui/relative-time";
import { TokenPager, useTokenPages } from "@/components/ui/token-pager";
import type { AlertPage, AlertRow } from "@/lib/console/alerts/dto";
import type { AlertFilter } from "@/lib/console/alerts/filters";
import { errorOf } from "@/lib/console/core/errors";
import { incidentPath } from "@/lib/console/incidents/paths";
import { KIND_LABELS } from "@/lib/console/integrations/dto";
import { AlertOutcomeLabel, AlertStatusLabel } from "./alert-labels";
import { AlertPayload } from "./alert-payload";
import { useAlerts } from "./use-alerts";

function IncidentLink({ row }: { row: AlertRow }) {
  if (!row.incident) return <span className="text-muted">—</span>;
  if (row.incident.title === undefined) return <span className="text-muted">A deleted incident</span>;
  return (
    <Link href={incidentPath(row.incident.arn)} title={row.incident.arn} className="text-link hover:underline">
      {row.incident.title || "(untitled)"}
    </Link>
  );
}

function Received({ iso }: { iso: string }) {
  return (
    <span className="whitespace-nowrap">
      <RelativeTime iso={iso} />
    </span>
  );
}

function Toggle({ row, open, onToggle, controls }: { row: AlertRow; open: boolean; onToggle: () => void; controls: string }) {
  return (
    <Button variant="link" className="px-2" aria-expanded={open} aria-controls={open ? controls : undefined} aria-label={`${open ? "Hide" : "Show"} payload of ${row.title}`} onClick={onToggle}>
      <span aria-hidden>{open ? "▾" : "▸"}</span>
      {open ? "Hide payload" : "Show payload"}
    </Button>
  );
}

export function AlertsTable({ filter, initialPage, filtered }: { filter: AlertFilter; initialPage: AlertPage; filtered: boolean }) {
  const pages = useTokenPages();
  const query = useAlerts(filter, pages.token, pages.pageIndex === 0 ? initialPage : undefined);
  const [open, setOpen] = useState<Set<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const items = query.data?.items ?? [];
  const error = errorOf(query.error);
  const empty = filtered ? "No alerts match these filters." : "No alerts received yet. Add an integration on a response plan's page, then send a test alert.";
  const columns = ["", "Received", "Integration", "Title", "Status", "Outcome", "Incident"];
  return (
    <div>
      {error ? <ErrorAlert error={error} className="mx-5 mb-3" /> : null}
      <div className="scroll-cue max-md:hidden">
        <table aria-label="Alerts" aria-busy={query.isPending || undefined} className="w-full border-collapse text-left">
          <thead>
            <tr className="border-b-2 border-line-strong">
              {columns.map((h, i) => (
                <th key={i} scope="col" className="px-3 py-2 font-bold whitespace-nowrap text-muted first:pl-5">
                  {h || <span className="sr-only">Raw payload</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-5 py-8 text-center text-muted">
                  {query.isPending ? "Loading…" : empty}
                </td>
              </tr>
            ) : (
              items.map((row) => (
                <Fragment key={row.id}>
                  <tr className="border-b border-line align-top hover:bg-[#f4f4f4]">
                    <td className="py-2 pl-3">
                      <Toggle row={row} open={open.has(row.id)} onToggle={() => toggle(row.id)} controls={`alert-${row.id}-payload`} />
                    </td>
                    <td className="px-3 py-2.5">
                      <Received iso={row.receivedAt} />
                    </td>
                    <td className="px-3 py-2.5">
                      <span className="block">{row.integration.name}</span>
                      <span className="block text-sm text-muted">{KIND_LABELS[row.kind]}</span>
                    </td>
                    <td className="max-w-md px-3 py-2.5 break-words">{row.title}</td>
                    <td className="px-3 py-2.5">
                      <AlertStatusLabel status={row.status} />
                    </td>
                    <td className="max-w-xs px-3 py-2.5">
                      <AlertOutcomeLabel outcome={row.outcome} reason={row.outcomeReason} />
                    </td>
                    <td className="max-w-xs px-3 py-2.5 break-words">
                      <IncidentLink row={row} />
                    </td>
                  </tr>
                  {open.has(row.id) ? (
                    <tr className="border-b border-line">
                      <td id={`alert-${row.id}-payload`} colSpan={columns.length} className="px-5 py-3">
                        <p className="mb-2 text-muted">
                          Received <AbsoluteTime iso={row.receivedAt} />
                        </p>
                        <AlertPayload id={row.id} title={row.title} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))
            )}
          </tbody>
        </table>
      </div>
      <AlertCards items={items} loading={query.isPending} empty={empty} open={open} toggle={toggle} />
      <TokenPager pages={pages} nextToken={query.data?.nextCursor} busy={query.isPlaceholderData} note={query.isFetching ? "refreshing…" : undefined} />
    </div>
  );
}

/** On a phone: a card per alert, what a responder scans for first (title, status, outcome, age). */
function AlertCards({ items, loading, empty, open, toggle }: { items: AlertRow[]; loading: boolean; empty: string; open: Set<string>; toggle: (id: string) => void }) {
  if (items.length === 0) return <p className="border-t border-line px-5 py-8 text-center text-muted md:hidden">{loading ? "Loading…" : empty}</p>;
  return (
    <ul aria-label="Alerts" className="border-t border-line md:hidden">
      {items.map((row) => (
        <li key={row.id} className="border-b border-line px-5 py-3 last:border-b-0">
          <p className="font-bold break-words">{row.title}</p>
          <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
            <AlertStatusLabel status={row.status} />
            <span className="text-muted">
              <Received iso={row.receivedAt} />
            </span>
          </div>
          <p className="mt-1 text-muted">
            {row.integration.name} · {KIND_LABELS[row.kind]}
          </p>
          <div className="mt-1">
            <AlertOutcomeLabel outcome={row.outcome} reason={row.outcomeReason} />
          </div>
          {row.incident ? (
            <p className="mt-1 break-words">
              Incident: <IncidentLink row={row} />
            </p>
          ) : null}
          <div className="mt-1 -ml-2">
            <Toggle row={row} open={open.has(row.id)} onToggle={() => toggle(row.id)} controls={`alert-${row.id}-payload-card`} />
          </div>
          {open.has(row.id) ? (
            <div id={`alert-${row.id}-payload-card`} className="mt-2">
              <AlertPayload id={row.id} title={row.title} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

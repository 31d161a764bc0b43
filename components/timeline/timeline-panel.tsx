"use client";
import { useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { deferred, standInButton } from "@/components/ui/deferred";
import { ActionDialog } from "@/components/ui/action-dialog";
import { Select } from "@/components/ui/form-field";
import { Container } from "@/components/ui/container";
import type { ActionError } from "@/lib/console/core/result";
import { errorOf, readJson } from "@/lib/console/core/errors";
import type { TimelineEventDto } from "@/lib/console/timeline/dto";
import { describeEvent, eventTypeLabel } from "./describe-event";
import { formatEventTime, TimelineEventItem } from "./timeline-event-item";
import { useCreateTimelineEvent, useDeleteTimelineEvent, useTimeline, useUpdateTimelineEvent } from "./use-timeline";
import { OPEN_SHORTCUTS_HELP } from "@/components/ui/shortcuts-help";
import { NEW_EVENT_PARAM } from "@/lib/console/timeline/paths";
import { timelineKeys } from "@/lib/console/timeline/keys";

// Loaded on first use, not with the tab: the event form (react-hook-form) when the dialog first
// opens, the export menu (its menu engine and the CSV writer) when Export is first pressed.
const TimelineEventDialog = dynamic(() => import("./timeline-event-dialog").then((m) => m.TimelineEventDialog), { ssr: false });
const ExportMenu = deferred(
  () => import("./export-menu").then((m) => m.ExportMenu),
  standInButton(
    <>
      Export <span aria-hidden>▾</span>
    </>,
    buttonClass("normal"),
  ),
);

export const TIMELINE_PAGE_SIZE = 25;
const ALL_TYPES = "";

/**
 * The Timeline tab: every event oldest first, paged; filter by type; jump to now; add, edit and
 * delete custom events and notes (optimistically); export. The page's "n" shortcut
 * (./incident-shortcuts.tsx) lands here with ?new=1, which opens the new-event dialog.
 */
export function TimelinePanel({ incident, canWrite }: { incident: { arn: string; title: string }; canWrite: boolean }) {
  const { arn } = incident;
  const queryClient = useQueryClient();
  const timeline = useTimeline(arn);
  const create = useCreateTimelineEvent(arn);
  const update = useUpdateTimelineEvent(arn);
  const remove = useDeleteTimelineEvent(arn);

  const [type, setType] = useState(ALL_TYPES);
  const [page, setPage] = useState(0);
  const [editorOpen, setEditorOpen] = useState(false);
  const [editing, setEditing] = useState<TimelineEventDto | null>(null);
  const [deleting, setDeleting] = useState<TimelineEventDto | null>(null);
  const [error, setError] = useState<ActionError | null>(null);
  const nowRef = useRef<HTMLParagraphElement>(null);
  const [jumpRequest, setJumpRequest] = useState(0);

  const events = useMemo(() => timeline.data ?? [], [timeline.data]);
  const types = useMemo(() => [...new Set(events.map((e) => e.type))].sort((a, b) => eventTypeLabel(a).localeCompare(eventTypeLabel(b))), [events]);
  const filtered = useMemo(() => (type === ALL_TYPES ? events : events.filter((e) => e.type === type)), [events, type]);
  const pageCount = Math.max(1, Math.ceil(filtered.length / TIMELINE_PAGE_SIZE));
  const current = Math.min(page, pageCount - 1);
  const visible = filtered.slice(current * TIMELINE_PAGE_SIZE, (current + 1) * TIMELINE_PAGE_SIZE);
  const onLastPage = current === pageCount - 1;

  // "Jump to now": the last page, then the "now" marker at its end scrolled into view and focused.
  useEffect(() => {
    if (jumpRequest === 0) return;
    nowRef.current?.scrollIntoView({ block: "center" });
    nowRef.current?.focus();
  }, [jumpRequest]);

  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const requestedNew = canWrite && params.get(NEW_EVENT_PARAM) === "1";
  const dialogOpen = editorOpen || requestedNew;

  function openNew() {
    setEditing(null);
    setEditorOpen(true);
  }

  function onDialogOpenChange(open: boolean) {
    setEditorOpen(open);
    if (!open && requestedNew) {
      // The request is served: a reload or the back button shouldn't open the dialog again.
      const next = new URLSearchParams(params.toString());
      next.delete(NEW_EVENT_PARAM);
      router.replace(`${pathname}?${next.toString()}`, { scroll: false });
    }
  }

  const onFailure = (e: Error) => setError(errorOf(e));

  const loadAll = async () => {
    try {
      return await queryClient.fetchQuery({
        queryKey: timelineKeys.incident(arn),
        queryFn: () => readJson<TimelineEventDto[]>(`/api/incidents/timeline?arn=${encodeURIComponent(arn)}`),
        staleTime: 0,
      });
    } catch (e) {
      setError(errorOf(e));
      throw e;
    }
  };

  return (
    <Container
      header="Timeline"
      description={`${events.length} events, oldest first. Times in your time zone.`}
      actions={
        <>
          <Button variant="link" onClick={() => window.dispatchEvent(new Event(OPEN_SHORTCUTS_HELP))}>
            Keyboard shortcuts
          </Button>
          <ExportMenu incident={incident} loadAll={loadAll} />
          {canWrite ? (
            <Button variant="primary" onClick={openNew} aria-keyshortcuts="n">
              Add event
            </Button>
          ) : null}
        </>
      }
    >
      {error ? (
        <div className="mb-4 space-y-2">
          <ErrorAlert error={error} />
          <Button variant="link" onClick={() => setError(null)}>
            Dismiss error
          </Button>
        </div>
      ) : null}
      <div className="mb-4 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="timeline-type" className="block font-bold">
            Event type
          </label>
          <Select
            id="timeline-type"
            value={type}
            onChange={(e) => {
              setType(e.target.value);
              setPage(0);
            }}
            className="w-auto min-w-56"
          >
            <option value={ALL_TYPES}>All event types</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {eventTypeLabel(t)}
              </option>
            ))}
          </Select>
        </div>
        <Button
          onClick={() => {
            setPage(pageCount - 1);
            setJumpRequest((n) => n + 1);
          }}
        >
          Jump to now
        </Button>
      </div>

      {timeline.isPending ? (
        <p className="text-muted" role="status">
          Loading timeline…
        </p>
      ) : timeline.isError ? (
        <ErrorAlert error={errorOf(timeline.error)} />
      ) : filtered.length === 0 ? (
        <p className="text-muted">{events.length === 0 ? "No timeline events yet." : "No events of this type."}</p>
      ) : (
        <ol aria-label="Timeline events" className="ml-2">
          {visible.map((event) => (
            <TimelineEventItem
              key={event.id}
              event={event}
              canWrite={canWrite}
              onEdit={(e) => {
                setEditing(e);
                setEditorOpen(true);
              }}
              onDelete={setDeleting}
            />
          ))}
        </ol>
      )}
      {onLastPage ? (
        <p ref={nowRef} tabIndex={-1} className="mt-2 ml-2 border-l-2 border-dashed border-orange pl-5 text-sm font-bold text-orange focus:outline-2">
          Now
        </p>
      ) : null}

      {pageCount > 1 ? (
        <nav aria-label="Timeline pages" className="mt-4 flex items-center gap-3">
          <Button disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous page
          </Button>
          <span>
            Page {current + 1} of {pageCount}
          </span>
          <Button disabled={onLastPage} onClick={() => setPage(current + 1)}>
            Next page
          </Button>
        </nav>
      ) : null}

      {canWrite ? (
        <>
          {dialogOpen ? (
            <TimelineEventDialog
              arn={arn}
              open
              editing={requestedNew ? null : editing}
              onOpenChange={onDialogOpenChange}
              onSubmit={(values) => {
                setError(null);
                (values.eventId ? update : create).mutate(values, { onError: onFailure });
              }}
            />
          ) : null}
          <ActionDialog
            open={deleting !== null}
            onOpenChange={(open) => !open && setDeleting(null)}
            title="Delete timeline event"
            submitLabel="Delete"
            onSubmit={() => {
              setError(null);
              remove.mutate({ arn, eventId: deleting!.id }, { onError: onFailure });
              setDeleting(null);
            }}
          >
            {deleting ? (
              <p className="break-words">
                Delete the {describeEvent(deleting).label.toLowerCase()} of {formatEventTime(deleting.time)}? This cannot be undone.
              </p>
            ) : null}
          </ActionDialog>
        </>
      ) : null}
    </Container>
  );
}

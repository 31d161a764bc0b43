"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatAbsoluteTime } from "@/components/ui/relative-time";
import type { TimelineEventDto } from "@/lib/console/timeline/dto";
import { principalName } from "@/lib/console/core/names";
import { describeEvent, eventAuthor } from "./describe-event";
import { PENDING_ID_PREFIX } from "./use-timeline";

/** The event time in the browser's time zone ("Jan 2, 2024, 10:30:00 AM"). */
export function formatEventTime(iso: string): string {
  return formatAbsoluteTime(iso);
}

/** "Added by ana@example.com · Edited by bob@example.com, Feb 2, 2024, 10:31:00 AM" for people's events. */
function Authorship({ event }: { event: TimelineEventDto }) {
  const { createdBy, updatedBy, updatedAt } = eventAuthor(event);
  // Written outside this console in aws mode, or before authors were kept.
  const added = createdBy ? `Added by ${principalName(createdBy)}` : "Author not recorded";
  const edited = updatedBy ? ` · Edited by ${principalName(updatedBy)}${updatedAt ? `, ${formatEventTime(updatedAt)}` : ""}` : "";
  return <p className="text-sm break-words text-muted">{added + edited}</p>;
}

/**
 * One timeline event: time, type and what happened, all as text (people's words are never
 * interpreted as markup). Edit and Delete appear only on people's events, for roles that may write.
 */
export function TimelineEventItem({
  event,
  canWrite,
  onEdit,
  onDelete,
}: {
  event: TimelineEventDto;
  canWrite?: boolean;
  onEdit?: (event: TimelineEventDto) => void;
  onDelete?: (event: TimelineEventDto) => void;
}) {
  const view = describeEvent(event);
  const pending = event.id.startsWith(PENDING_ID_PREFIX);
  return (
    <li className="relative border-l-2 border-line-strong pb-5 pl-5 last:pb-1" aria-busy={pending || undefined}>
      <span aria-hidden className="absolute top-1.5 -left-[7px] size-3 rounded-full border-2 border-white bg-link" />
      <div className="flex flex-wrap items-center gap-2">
        <time dateTime={event.time} className="font-bold">
          {formatEventTime(event.time)}
        </time>
        <Badge color={view.editable ? "blue" : "grey"}>{view.label}</Badge>
        {pending ? <span className="text-sm text-muted italic">Saving…</span> : null}
      </div>
      {view.text !== undefined ? (
        <p className="mt-1 break-words whitespace-pre-wrap">{view.text}</p>
      ) : (
        <p className="mt-1 break-words">{view.summary}</p>
      )}
      {view.editable && !pending ? <Authorship event={event} /> : null}
      {view.lines.map((line, i) => (
        <p key={i} className="text-sm break-words text-muted">
          {line}
        </p>
      ))}
      {canWrite && view.editable && !pending ? (
        <div className="mt-1 flex gap-1">
          <Button variant="link" className="px-2" onClick={() => onEdit?.(event)}>
            Edit
          </Button>
          <Button variant="link" className="px-2" onClick={() => onDelete?.(event)}>
            Delete
          </Button>
        </div>
      ) : null}
    </li>
  );
}

// A timeline event as console reads hand it to the browser: plain JSON, times as ISO strings (UTC).
// Client-safe. Kept apart from ./dto.ts so the timeline's shapes travel together.
import type { TimelineEvent } from "@aws-sdk/client-ssm-incidents";

/** The event types a person writes; the service writes every other type and they are read-only. */
export const CALLER_EVENT_TYPES = ["Custom Event", "Note"] as const;
export type CallerEventType = (typeof CALLER_EVENT_TYPES)[number];

export function isCallerEventType(type: string): type is CallerEventType {
  return (CALLER_EVENT_TYPES as readonly string[]).includes(type);
}

export type TimelineEventReference = { resource?: string; relatedItemId?: string };

/** Who wrote a person's event and who last edited it, when (principal ARNs; UTC ISO). */
export type TimelineEventAuthor = { createdBy?: string; updatedBy?: string; updatedAt?: string };

export type TimelineEventDto = {
  id: string;
  /** When it happened (UTC ISO). */
  time: string;
  /** When the service last recorded it (UTC ISO). */
  updatedTime: string;
  type: string;
  /** eventData as stored: JSON for automatic events, a JSON string (or free text) for people's. */
  data: string;
  references: TimelineEventReference[];
  /**
   * The event's place in the service's order (ListTimelineEvents, ascending): among events of the
   * same time, the order they were written in (the local model's per-incident seq; issue 16).
   */
  order: number;
  /** Who wrote it and last edited it, where that is known (people's events). */
  author?: TimelineEventAuthor;
};

const iso = (d: Date | undefined) => new Date(d ?? 0).toISOString();

export function toTimelineEventDto(
  e: TimelineEvent,
  order: number,
  author?: { createdBy?: string; updatedBy?: string; updatedAt?: Date },
): TimelineEventDto {
  return {
    id: e.eventId!,
    time: iso(e.eventTime),
    updatedTime: iso(e.eventUpdatedTime ?? e.eventTime),
    type: e.eventType ?? "",
    data: e.eventData ?? "",
    references: (e.eventReferences ?? []).map((r) => (r.resource !== undefined ? { resource: r.resource } : { relatedItemId: r.relatedItemId })),
    order,
    ...(author ? { author: { createdBy: author.createdBy, updatedBy: author.updatedBy, updatedAt: author.updatedAt && iso(author.updatedAt) } } : {}),
  };
}

/**
 * Oldest first; events of the same time in the service's order (the order they were written),
 * never by their random ids: the order the timeline shows and exports.
 */
export function byEventTime(a: TimelineEventDto, b: TimelineEventDto): number {
  const ta = Date.parse(a.time);
  const tb = Date.parse(b.time);
  if (ta !== tb) return ta - tb;
  if (a.order !== b.order) return a.order - b.order;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * What people's events carry in eventData. The AWS console writes the text as a JSON string
 * (the CreateTimelineEvent example's eventData is "\"example timeline event\""), so the console
 * does the same; text written by other clients (plain, or {"content": ...}) is read back as well.
 */
export function encodeEventText(text: string): string {
  return JSON.stringify(text);
}

export function decodeEventText(data: string): string {
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === "string") return parsed;
    if (parsed && typeof parsed === "object") {
      for (const key of ["content", "text", "note", "message"]) {
        const v = (parsed as Record<string, unknown>)[key];
        if (typeof v === "string") return v;
      }
    }
  } catch {
    // Not JSON: free text as another client wrote it.
  }
  return data;
}

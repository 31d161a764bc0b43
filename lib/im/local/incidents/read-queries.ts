// What ListIncidentRecords and ListTimelineEvents pass from their validation (incident-records.ts,
// timeline-events.ts) to their reads (hot-reads.ts): validated filters and cursors, and the rows.
import type { Prisma } from "@/lib/db/client";

/** One validated ListIncidentRecords filter. */
export type IncidentFilter =
  | { column: "creationTime"; op: "before" | "after"; time: Date }
  | { column: "impact"; values: number[] }
  | { column: "status" | "createdBy"; values: string[] };

/** A list cursor's position: its sort key as a time, and the id that breaks ties. */
export type IncidentCursor = { time: Date; id: string };

// Lists leave eventData out (up to 12,000 characters an event; EventSummary has no eventData).
export const SUMMARY_SELECT = {
  id: true,
  eventTime: true,
  eventType: true,
  eventUpdatedTime: true,
  seq: true,
  references: { select: { resource: true, relatedItemId: true }, orderBy: { position: "asc" } },
} satisfies Prisma.TimelineEventSelect;

export type SummaryRow = Prisma.TimelineEventGetPayload<{ select: typeof SUMMARY_SELECT }>;

/**
 * One validated ListTimelineEvents filter: eventTime (before / after), eventType and
 * eventReference (equals stringValues; an event matches when one of its references is that
 * resource ARN or related item ID). Filters AND across keys, values OR within one.
 */
export type TimelineFilter =
  | { key: "eventTime"; op: "before" | "after"; time: Date }
  | { key: "eventType" | "eventReference"; values: string[] };

export type TimelineQuery = {
  filters: TimelineFilter[];
  dir: "asc" | "desc";
  /** The last row of the previous page: its eventTime and seq (the order is (eventTime, seq)). */
  cursor?: { time: Date; seq: number };
  take: number;
};

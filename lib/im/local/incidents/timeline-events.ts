// CreateTimelineEvent, GetTimelineEvent, UpdateTimelineEvent, DeleteTimelineEvent and
// ListTimelineEvents: the timeline of an incident. Callers write "Custom Event"s and "Note"s; the
// service writes every other type (./timeline.ts), and those stay as written.
import type * as I from "@aws-sdk/client-ssm-incidents";
import type { Prisma, Tx } from "@/lib/db/client";
import type { Out } from "../../contract";
import { ImError, notFound, validation } from "../../errors";
import type { LocalContext } from "../context";
import { idempotent } from "../idempotency";
import { decodeCursor, page } from "../pagination";
import { CALLER_EVENT_TYPES, isCallerEventType, referenceRows, requireIncident, requireKnownRelatedItems, wantedRelatedItems } from "./timeline";
import { hotCreateTimelineEvent } from "./hot-writes";
import { hotReader } from "@/lib/db/hot-reader";
import { listTimelineEvents as readTimelineEvents } from "./hot-reads";
import { SUMMARY_SELECT, type SummaryRow, type TimelineFilter, type TimelineQuery } from "./read-queries";

const EVENT_SELECT = { ...SUMMARY_SELECT, eventData: true } satisfies Prisma.TimelineEventSelect;

type EventRow = Prisma.TimelineEventGetPayload<{ select: typeof EVENT_SELECT }>;

function toEventReferences(row: SummaryRow): I.EventReference[] {
  return row.references.map((r) => (r.resource !== null ? { resource: r.resource } : { relatedItemId: r.relatedItemId ?? "" }));
}

function toEventSummary(row: SummaryRow, incidentRecordArn: string): I.EventSummary {
  return {
    eventId: row.id,
    eventTime: row.eventTime,
    eventType: row.eventType,
    eventUpdatedTime: row.eventUpdatedTime,
    incidentRecordArn,
    eventReferences: toEventReferences(row),
  };
}

function toTimelineEvent(row: EventRow, incidentRecordArn: string): I.TimelineEvent {
  return { ...toEventSummary(row, incidentRecordArn), eventData: row.eventData };
}

/** A caller names only the types it may write; the service's own types are refused by name. */
function requireCallerEventType(eventType: string) {
  if (isCallerEventType(eventType)) return;
  const message = `Value '${eventType}' at 'eventType' failed to satisfy constraint: Member must be one of [${CALLER_EVENT_TYPES.join(", ")}]; the service writes the other event types itself`;
  throw validation(message, [{ name: "eventType", message }]);
}

/**
 * Every relatedItemId an event references must be a related item of the same incident; a resource
 * ARN may name anything (the model only constrains its form).
 */
async function requireReferences(tx: Tx, incidentId: string, refs: I.EventReference[]) {
  const wanted = wantedRelatedItems(refs);
  if (wanted.length === 0) return;
  const found = await tx.relatedItem.findMany({ where: { incidentId, id: { in: wanted } }, select: { id: true } });
  requireKnownRelatedItems(refs, found.map((f) => f.id));
}

const eventNotFound = (eventId: string, incidentRecordArn: string) =>
  notFound("TIMELINE_EVENT", eventId, `Timeline event ${eventId} does not exist in incident record ${incidentRecordArn}`);

/** The event's type, if it is an event of this incident; an event of another incident does not exist here. */
async function requireEventType(tx: Tx, incident: { id: string; arn: string }, eventId: string): Promise<string> {
  const row = await tx.timelineEvent.findFirst({ where: { id: eventId, incidentId: incident.id }, select: { eventType: true } });
  if (!row) throw eventNotFound(eventId, incident.arn);
  return row.eventType;
}

/** UpdateTimelineEvent's doc: "You can update events of type Custom Event" (and Note, per the model). */
function requireEditable(eventId: string, eventType: string, verb: "updated" | "deleted") {
  if (isCallerEventType(eventType)) return;
  const message = `Timeline event ${eventId} is an automatic '${eventType}' event and cannot be ${verb}; only ${CALLER_EVENT_TYPES.join(" and ")} events can`;
  throw validation(message, [{ name: "eventId", message }]);
}

export async function createTimelineEvent(
  ctx: LocalContext,
  input: I.CreateTimelineEventCommandInput,
): Promise<Out<I.CreateTimelineEventCommandOutput>> {
  requireCallerEventType(input.eventType!);
  return hotCreateTimelineEvent(ctx, input);
}

export async function getTimelineEvent(
  ctx: LocalContext,
  input: I.GetTimelineEventCommandInput,
): Promise<Out<I.GetTimelineEventCommandOutput>> {
  const incident = await requireIncident(ctx.db, input.incidentRecordArn!);
  const row = await ctx.db.timelineEvent.findFirst({ where: { id: input.eventId!, incidentId: incident.id }, select: EVENT_SELECT });
  if (!row) throw eventNotFound(input.eventId!, incident.arn);
  return { event: toTimelineEvent(row, incident.arn) };
}

export async function updateTimelineEvent(
  ctx: LocalContext,
  input: I.UpdateTimelineEventCommandInput,
): Promise<Out<I.UpdateTimelineEventCommandOutput>> {
  if (input.eventType !== undefined) requireCallerEventType(input.eventType);
  return idempotent(ctx, { service: "ssm-incidents", operation: "UpdateTimelineEvent", token: input.clientToken, tokenField: "clientToken" }, input, async (tx) => {
    const incident = await requireIncident(tx, input.incidentRecordArn!);
    const eventId = input.eventId!;
    requireEditable(eventId, await requireEventType(tx, incident, eventId), "updated");
    // Members left out keep their values; eventReferences, when given, replaces the whole list
    // (UpdateTimelineEventInput.eventReferences: "This update action overrides all existing references").
    const now = ctx.clock.now();
    // Who edited it last, and when, for the console (issue 16).
    const data: Prisma.TimelineEventUpdateManyMutationInput = { eventUpdatedTime: now, updatedBy: ctx.principalArn, updatedAt: now };
    if (input.eventTime !== undefined) data.eventTime = input.eventTime;
    if (input.eventType !== undefined) data.eventType = input.eventType;
    if (input.eventData !== undefined) data.eventData = input.eventData;
    if (input.eventReferences !== undefined) await requireReferences(tx, incident.id, input.eventReferences);
    // A concurrent delete may have won since the read above: then there is nothing to update.
    const { count } = await tx.timelineEvent.updateMany({ where: { id: eventId, incidentId: incident.id }, data });
    if (count === 0) throw eventNotFound(eventId, incident.arn);
    if (input.eventReferences !== undefined) {
      await tx.eventReference.deleteMany({ where: { eventId } });
      if (input.eventReferences.length) await tx.eventReference.createMany({ data: referenceRows(eventId, input.eventReferences) });
    }
    return {};
  });
}

export async function deleteTimelineEvent(
  ctx: LocalContext,
  input: I.DeleteTimelineEventCommandInput,
): Promise<Out<I.DeleteTimelineEventCommandOutput>> {
  await ctx.db.$transaction(async (tx) => {
    const incident = await requireIncident(tx, input.incidentRecordArn!);
    const eventId = input.eventId!;
    requireEditable(eventId, await requireEventType(tx, incident, eventId), "deleted");
    await tx.eventReference.deleteMany({ where: { eventId } });
    const { count } = await tx.timelineEvent.deleteMany({ where: { id: eventId, incidentId: incident.id } });
    if (count === 0) throw eventNotFound(eventId, incident.arn);
  });
  return {};
}

const FILTER_KEYS = ["eventTime", "eventType", "eventReference"] as const;

function parseFilter(filter: I.Filter): TimelineFilter {
  const c = filter.condition!;
  const bad = (why: string) => {
    const message = `Filter ${filter.key}: ${why}`;
    return new ImError("ValidationException", message, { reason: "FIELD_VALIDATION_FAILED", fields: [{ name: "filters", message }] });
  };
  const strings = () => {
    const values = c.equals?.stringValues;
    if (!values?.length) throw bad(`${filter.key} takes equals.stringValues`);
    return values;
  };
  switch (filter.key as (typeof FILTER_KEYS)[number]) {
    case "eventTime":
      if (c.before) return { key: "eventTime", op: "before", time: c.before };
      if (c.after) return { key: "eventTime", op: "after", time: c.after };
      throw bad("eventTime takes a before or after condition");
    case "eventType":
      return { key: "eventType", values: strings() };
    case "eventReference":
      return { key: "eventReference", values: strings() };
    default:
      throw bad(`unknown filter key; use one of ${FILTER_KEYS.join(", ")}`);
  }
}

const invalidTimelineToken = () =>
  new ImError("ValidationException", "The nextToken is not valid: pass a nextToken returned by a previous ListTimelineEvents call", {
    reason: "FIELD_VALIDATION_FAILED",
    fields: [{ name: "nextToken", message: "Invalid pagination token" }],
  });

function cursorTime(k: string | number): Date {
  const t = new Date(typeof k === "number" ? k : Number.NaN);
  if (Number.isNaN(t.getTime())) throw invalidTimelineToken();
  return t;
}

/** A token from before events had a seq names no position in the new order: it is refused, and the caller starts over. */
function cursorSeq(s: number | undefined): number {
  if (s === undefined) throw invalidTimelineToken();
  return s;
}

export async function listTimelineEvents(
  ctx: LocalContext,
  input: I.ListTimelineEventsCommandInput,
): Promise<Out<I.ListTimelineEventsCommandOutput>> {
  const arn = input.incidentRecordArn!;
  // Newest first by default: the ListTimelineEvents example, which passes no sort, answers in
  // descending eventTime (and DESIGN.md: lists are newest first unless a sort is given).
  // EVENT_TIME is the only sortBy the model allows; seq breaks ties (events of one eventTime in
  // the order they were written, issue 16) and is unique in the incident, so the order is total.
  const dir = input.sortOrder === "ASCENDING" ? "asc" : "desc";
  const limit = input.maxResults ?? 100;
  const decoded = decodeCursor(input.nextToken);
  const query: TimelineQuery = {
    filters: (input.filters ?? []).map(parseFilter),
    dir,
    cursor: decoded && { time: cursorTime(decoded.k), seq: cursorSeq(decoded.s) },
    take: limit + 1,
  };
  // The incident is looked up in the same statement (hot-reads.ts); its ARN is the one asked for.
  const rows = await readTimelineEvents(hotReader(ctx.db), arn, query);
  const { items, nextToken } = page(rows, limit, (r) => r.eventTime.getTime(), (r) => r.seq);
  return { eventSummaries: items.map((r) => toEventSummary(r, arn)), nextToken };
}

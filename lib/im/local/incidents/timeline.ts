// Automatic timeline events: every change to an incident writes one, as AWS does, with an
// eventData JSON that says who changed what from what to what. Only "Custom Event"s and "Note"s
// are written by callers and can be edited or deleted.
import type * as I from "@aws-sdk/client-ssm-incidents";
import type { Tx } from "@/lib/db/client";
import { isRecordNotFound } from "@/lib/db/errors";
import { hotQuery } from "@/lib/db/hot-reader";
import type { HotTx } from "@/lib/db/hot-writer";
import { notFound, validation } from "../../errors";
import { newId } from "@/lib/im/arns";

export const EVENT_TYPES = {
  custom: "Custom Event",
  note: "Note",
  created: "SSM Incident Trigger",
  update: "SSM Incident Record Update",
  automation: "SSM Automation Execution Start",
} as const;

/**
 * The event types a caller may create, update and delete. The service model documents both
 * ("You can create timeline events of type `Custom Event` and `Note`", CreateTimelineEventInput
 * and UpdateTimelineEventInput .eventType); the older API reference text names only Custom Event,
 * the model is newer and wins. Every other type is written by the service itself.
 */
export const CALLER_EVENT_TYPES: readonly string[] = [EVENT_TYPES.custom, EVENT_TYPES.note];

export const isCallerEventType = (eventType: string) => CALLER_EVENT_TYPES.includes(eventType);

export type ModifiedAttribute = { attributeName: string; previousValue?: unknown; newValue?: unknown };

/** One timeline event as its writer gives it; appendTimelineEvent numbers it. */
export type NewTimelineEvent = {
  id?: string;
  incidentId: string;
  eventTime: Date;
  eventUpdatedTime: Date;
  eventType: string;
  eventData: string;
  /** The principal that writes it (null for the engine's own events). */
  createdBy: string | null;
};

/**
 * Every timeline event is written here, in the writer's transaction: it takes the incident's next
 * sequence number, so events of the same eventTime list in the order they were written (issue 16).
 *
 * The number comes from a counter on the incident row (nextEventSeq), incremented by an UPDATE
 * in the same transaction, rather than max(seq) + 1 retried on the unique key: the UPDATE's row
 * lock makes a second writer on PostgreSQL — in this console or another instance — wait until
 * the first commits and then read its number, so concurrent writers never collide and nobody
 * retries; SQLite runs one writing transaction at a time anyway. A max + 1 under READ COMMITTED
 * would let two writers read the same maximum, and fifty writers would retry each other for
 * rounds. The lock is held from the UPDATE to the commit, so writers take it late in their work.
 */
export async function appendTimelineEvent(tx: Tx, event: NewTimelineEvent): Promise<{ id: string; seq: number }> {
  let counter: { nextEventSeq: number };
  try {
    counter = await tx.incidentRecord.update({ where: { id: event.incidentId }, data: { nextEventSeq: { increment: 1 } }, select: { nextEventSeq: true } });
  } catch (e) {
    // Deleted by a transaction that committed since the writer read it.
    if (isRecordNotFound(e)) throw notFound("INCIDENT_RECORD", event.incidentId, "The incident record was deleted while the event was written");
    throw e;
  }
  const id = event.id ?? newId();
  const seq = counter.nextEventSeq - 1;
  await tx.timelineEvent.create({ data: { ...event, id, seq } });
  return { id, seq };
}

export async function writeAutomaticEvent(
  tx: Tx,
  incidentId: string,
  time: Date,
  eventType: string,
  eventData: Record<string, unknown>,
  createdBy: string | null = null,
) {
  await appendTimelineEvent(tx, { incidentId, eventTime: time, eventUpdatedTime: time, eventType, eventData: JSON.stringify(eventData), createdBy });
}

// appendTimelineEvent as fixed statements, for the hot writes (hot-writes.ts) and the engine.
// The incident and its next event number in one statement: the UPDATE takes the incident row's
// lock until the commit, as appendTimelineEvent's does.
export const TAKE_SEQ = hotQuery(
  "timelineEvent.takeSeq",
  `UPDATE "IncidentRecord" SET "nextEventSeq" = "nextEventSeq" + 1 WHERE "arn" = ? RETURNING "id", "arn", "nextEventSeq"`,
);

export const INSERT_EVENT = hotQuery(
  "timelineEvent.insert",
  `INSERT INTO "TimelineEvent" ("id", "incidentId", "eventTime", "eventType", "eventData", "eventUpdatedTime", "seq", "createdBy")
   VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
);

/**
 * An automatic event (writeAutomaticEvent) in a HotTx, for the incident with this ARN; false when
 * there is no such incident.
 */
export async function writeAutomaticEventHot(tx: HotTx, incidentArn: string, time: Date, eventType: string, eventData: Record<string, unknown>): Promise<boolean> {
  const incident = await tx.get<{ id: string; nextEventSeq: number }>(TAKE_SEQ, [incidentArn]);
  if (!incident) return false;
  tx.queue(INSERT_EVENT, [newId(), incident.id, time, eventType, JSON.stringify(eventData), time, incident.nextEventSeq - 1, null]);
  return true;
}

/**
 * The incident that a timeline or related-item operation names: its row id (what events and items
 * hang off), ARN and title (automatic events quote it as incidentTitle).
 */
export async function requireIncident(db: Tx, arn: string): Promise<{ id: string; arn: string; title: string }> {
  const row = await db.incidentRecord.findUnique({ where: { arn }, select: { id: true, arn: true, title: true } });
  if (!row) throw notFound("INCIDENT_RECORD", arn, `Incident record ${arn} does not exist`);
  return row;
}

/** The related items an event's references name (the rest name resources). */
export function wantedRelatedItems(refs: I.EventReference[]): string[] {
  return refs.flatMap((r) => (r.relatedItemId !== undefined ? [r.relatedItemId] : []));
}

/** Refuses the first reference to a related item that is not among `known` (the incident's). */
export function requireKnownRelatedItems(refs: I.EventReference[], known: string[]): void {
  const ids = new Set(known);
  const index = refs.findIndex((r) => r.relatedItemId !== undefined && !ids.has(r.relatedItemId));
  if (index < 0) return;
  const name = `eventReferences[${index}].relatedItemId`;
  const message = `The related item ${refs[index].relatedItemId} at '${name}' is not a related item of this incident record`;
  throw validation(message, [{ name, message }]);
}

/** An event's references as EventReference rows, in the order given. */
export function referenceRows(eventId: string, refs: I.EventReference[]) {
  return refs.map((r, position) => ({
    id: newId(),
    eventId,
    position,
    resource: r.resource ?? null,
    relatedItemId: r.resource === undefined ? (r.relatedItemId ?? null) : null,
  }));
}

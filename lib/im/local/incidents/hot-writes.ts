// StartIncident and CreateTimelineEvent as fixed SQL in one transaction on either database
// (lib/db/hot-writer.ts says why: a CPU profile of StartIncident under load spent three quarters
// of its time in Prisma's per-call query compilation and execution). The rows, the idempotency
// records and the errors are the Prisma path's: new-incident.ts builds the rows both paths write,
// and the contract suites run every case on both databases.
import type * as I from "@aws-sdk/client-ssm-incidents";
import { hotQuery, HotSql } from "@/lib/db/hot-reader";
import { hotWriter, type HotTx } from "@/lib/db/hot-writer";
import { newId } from "@/lib/im/arns";
import type { Out } from "../../contract";
import { notFound } from "../../errors";
import { maxOf } from "../../model";
import { notSetUp } from "./replication-set";
import { tagQuotaExceeded } from "./tags";
import type { LocalContext } from "../context";
import { idempotentHot } from "../idempotency";
import { automationStarts, createdEventData, newIncidentRow, newRelatedItemRows, onDedupeRace, type PlanForStart } from "./new-incident";
import { EVENT_TYPES, INSERT_EVENT, referenceRows, requireKnownRelatedItems, TAKE_SEQ, wantedRelatedItems } from "./timeline";

// ───────────────────────────── StartIncident ─────────────────────────────

type PlanRow = PlanForStart & { setUp: boolean; incidentTags: string | null; engages: boolean; runs: boolean; openArn: string | null };

// Everything StartIncident reads, in one statement (one round trip on PostgreSQL), one row always:
// whether the account is set up (replication-set.ts, notSetUp, says why a set
// that exists is enough), the plan, whether it engages, runs a runbook, and the OPEN incident its
// dedupe string leads to — the holder of the dedupe key, or else the newest open incident with the
// string (incident-records.ts, openIncidentFor, says when the two differ).
const PLAN = hotQuery(
  "startIncident.plan",
  `SELECT EXISTS (SELECT 1 FROM "ReplicationSet") AS "setUp",
     p."id", p."arn", p."name", p."title", p."impact", p."summary", p."dedupeString", p."notificationTargets", p."chatChannel", p."incidentTags",
     EXISTS (SELECT 1 FROM "ResponsePlanEngagement" e WHERE e."responsePlanId" = p."id") AS "engages",
     EXISTS (SELECT 1 FROM "ResponsePlanAction" a WHERE a."responsePlanId" = p."id") AS "runs",
     CASE WHEN p."dedupeString" IS NULL OR p."dedupeString" = '' THEN NULL ELSE COALESCE(
       (SELECT i."arn" FROM "IncidentRecord" i WHERE i."openDedupeKey" = p."dedupeString"),
       (SELECT i."arn" FROM "IncidentRecord" i WHERE i."dedupeString" = p."dedupeString" AND i."status" = 'OPEN' ORDER BY i."creationTime" DESC, i."id" DESC LIMIT 1)
     ) END AS "openArn"
   FROM (SELECT 1 AS "one") AS x LEFT JOIN "ResponsePlan" p ON p."arn" = ?`,
  { booleans: ["setUp", "engages", "runs"] },
);

// The incident's counter of timeline events (timeline.ts, appendTimelineEvent) starts past the
// events written with it: the created event (seq 0), then one for each runbook started.
const INSERT_INCIDENT = hotQuery(
  "startIncident.insert",
  `INSERT INTO "IncidentRecord" ("id", "arn", "responsePlanId", "responsePlanArn", "title", "impact", "status", "summary", "dedupeString",
     "openDedupeKey", "notificationTargets", "chatChannel", "createdBy", "source", "resourceArn", "triggerArn", "triggerRawData",
     "triggerTimestamp", "creationTime", "lastModifiedBy", "lastModifiedTime", "nextEventSeq")
   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
);

const ACTIONS = hotQuery(
  "startIncident.actions",
  `SELECT "documentName", "documentVersion" FROM "ResponsePlanAction" WHERE "responsePlanId" = ? ORDER BY "position" ASC`,
);

const INSERT_EXECUTION = hotQuery(
  "automationExecution.insert",
  `INSERT INTO "AutomationExecution" ("id", "incidentId", "ssmExecutionArn", "createdAt") VALUES (?, ?, ?, ?)`,
);

// A new incident has no tags: the plan's are added as they are, within the quota (tags.ts).
const INSERT_TAG = hotQuery("tag.insert", `INSERT INTO "Tag" ("id", "resourceArn", "key", "value") VALUES (?, ?, ?, ?)`);

const MAX_TAGS = maxOf("ssm-incidents", "TagMap");

const INSERT_RELATED_ITEM = hotQuery(
  "relatedItem.insert",
  `INSERT INTO "RelatedItem" ("id", "incidentId", "type", "title", "valueKind", "value", "createdAt") VALUES (?, ?, ?, ?, ?, ?, ?)`,
);

/**
 * StartIncident, without Prisma. A plan that engages contacts starts its engagements in the same
 * transaction (the engine's fixed statements), and their first steps fire once it has committed.
 */
export async function hotStartIncident(ctx: LocalContext, input: I.StartIncidentCommandInput): Promise<Out<I.StartIncidentCommandOutput>> {
  const writer = hotWriter(ctx.db);
  const key = { service: "ssm-incidents", operation: "StartIncident", token: input.clientToken, tokenField: "clientToken" } as const;
  // Set only by the run of the transaction that created an incident (a replay or a deduplicated
  // start creates nothing).
  let created: { arn: string; engagementIds: string[] } | undefined;
  const result = await onDedupeRace(() =>
    idempotentHot(ctx, writer, key, input, async (tx) => {
      created = undefined;
      const out = await startIn(tx, ctx, input);
      created = out.created;
      return out.answer;
    }),
  );
  // A transaction that ran but lost a clientToken race rolled back: its ARN isn't the answer.
  if (created?.engagementIds.length && created.arn === result.incidentRecordArn) await ctx.engine.fireNow(created.engagementIds);
  return result;
}

type Started = { answer: Out<I.StartIncidentCommandOutput>; created?: { arn: string; engagementIds: string[] } };

async function startIn(tx: HotTx, ctx: LocalContext, input: I.StartIncidentCommandInput): Promise<Started> {
  const plan = (await tx.get<PlanRow>(PLAN, [input.responsePlanArn!]))!;
  if (!plan.setUp) throw notSetUp();
  if (plan.id === null) throw notFound("RESPONSE_PLAN", input.responsePlanArn!, `Response plan ${input.responsePlanArn} does not exist`);
  // An OPEN incident with the same dedupe string absorbs the new one (IncidentTemplate.dedupeString).
  if (plan.openArn) return { answer: { incidentRecordArn: plan.openArn } };
  const now = ctx.clock.now();
  const r = newIncidentRow(ctx, plan, input, now);
  const tags = Object.entries((plan.incidentTags ? JSON.parse(plan.incidentTags) : {}) as Record<string, string>);
  if (tags.length > MAX_TAGS) throw tagQuotaExceeded(r.arn, tags.length);
  const items = newRelatedItemRows(input.relatedItems, r.id, now);
  const runbooks = plan.runs ? automationStarts(ctx, r.id, await tx.all<{ documentName: string; documentVersion: string | null }>(ACTIONS, [plan.id]), now) : [];
  tx.queue(INSERT_INCIDENT, [
    r.id, r.arn, r.responsePlanId, r.responsePlanArn, r.title, r.impact, r.status, r.summary, r.dedupeString,
    r.openDedupeKey, r.notificationTargets, r.chatChannel, r.createdBy, r.source, r.resourceArn, r.triggerArn, r.triggerRawData,
    r.triggerTimestamp, r.creationTime, r.lastModifiedBy, r.lastModifiedTime, 1 + runbooks.length,
  ]);
  for (const [key, value] of tags) tx.queue(INSERT_TAG, [newId(), r.arn, key, value]);
  const data = JSON.stringify(createdEventData(r, input.triggerDetails?.triggerArn));
  tx.queue(INSERT_EVENT, [newId(), r.id, now, EVENT_TYPES.created, data, now, 0, ctx.principalArn]);
  for (const item of items) tx.queue(INSERT_RELATED_ITEM, [item.id, item.incidentId, item.type, item.title, item.valueKind, item.value, item.createdAt]);
  for (const [k, { execution: e, eventData }] of runbooks.entries()) {
    tx.queue(INSERT_EXECUTION, [e.id, e.incidentId, e.ssmExecutionArn, e.createdAt]);
    tx.queue(INSERT_EVENT, [newId(), r.id, now, EVENT_TYPES.automation, JSON.stringify(eventData), now, 1 + k, ctx.principalArn]);
  }
  // The plan's contacts, escalation plans and on-call schedules are engaged in this transaction:
  // engagements, first pages and one timeline event each (engine/incident-engagements.ts).
  const engagementIds = plan.engages
    ? await ctx.engine.startIncidentEngagements(tx, plan.id, { arn: r.arn, title: r.title, impact: r.impact, summary: r.summary }, now)
    : [];
  return { answer: { incidentRecordArn: r.arn }, created: { arn: r.arn, engagementIds } };
}

// ───────────────────────────── CreateTimelineEvent ─────────────────────────────

const INSERT_REFERENCE = hotQuery(
  "eventReference.insert",
  `INSERT INTO "EventReference" ("id", "eventId", "position", "resource", "relatedItemId") VALUES (?, ?, ?, ?, ?)`,
);

/** CreateTimelineEvent (the caller checked the event type). */
export async function hotCreateTimelineEvent(ctx: LocalContext, input: I.CreateTimelineEventCommandInput): Promise<Out<I.CreateTimelineEventCommandOutput>> {
  const refs = input.eventReferences ?? [];
  const key = { service: "ssm-incidents", operation: "CreateTimelineEvent", token: input.clientToken, tokenField: "clientToken" } as const;
  return idempotentHot(ctx, hotWriter(ctx.db), key, input, async (tx) => {
    const arn = input.incidentRecordArn!;
    const incident = await tx.get<{ id: string; arn: string; nextEventSeq: number }>(TAKE_SEQ, [arn]);
    if (!incident) throw notFound("INCIDENT_RECORD", arn, `Incident record ${arn} does not exist`);
    const wanted = wantedRelatedItems(refs);
    if (wanted.length) {
      const q = new HotSql().sql(`SELECT "id" FROM "RelatedItem" WHERE "incidentId" = ? AND `, incident.id).in(`"id"`, wanted, { oneStatement: true });
      requireKnownRelatedItems(refs, (await tx.all<{ id: string }>(q.query("relatedItem.ofIncident"), q.params)).map((r) => r.id));
    }
    // eventUpdatedTime is when the service recorded the event; eventTime is when it happened
    // (the ListTimelineEvents example shows a Custom Event whose two times differ). The caller is
    // kept as its author: AWS's API has no member for it, the console shows it (issue 16).
    const eventId = newId();
    tx.queue(INSERT_EVENT, [eventId, incident.id, input.eventTime!, input.eventType!, input.eventData!, ctx.clock.now(), incident.nextEventSeq - 1, ctx.principalArn]);
    for (const r of referenceRows(eventId, refs)) tx.queue(INSERT_REFERENCE, [r.id, r.eventId, r.position, r.resource, r.relatedItemId]);
    // Adding an event is not a change to the incident record itself: lastModifiedTime stays.
    return { eventId, incidentRecordArn: incident.arn };
  });
}

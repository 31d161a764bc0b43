// StartIncident, GetIncidentRecord, ListIncidentRecords, UpdateIncidentRecord.
import type * as I from "@aws-sdk/client-ssm-incidents";
import type { Prisma } from "@/lib/db/client";
import type { Out } from "../../contract";
import { ImError, notFound } from "../../errors";
import type { LocalContext } from "../context";
import { idempotent } from "../idempotency";
import { toJson } from "../json";
import { decodeCursor, invalidToken, page } from "../pagination";
import { toIncidentRecord, toIncidentSummary } from "./records";
import { hotReader } from "@/lib/db/hot-reader";
import { incidentByArn, listIncidents } from "./hot-reads";
import { deleteTagsOf } from "../tags";
import { EVENT_TYPES, type ModifiedAttribute, writeAutomaticEvent } from "./timeline";
import type { IncidentCursor, IncidentFilter } from "./read-queries";
import { hotStartIncident } from "./hot-writes";
import { onDedupeRace } from "./new-incident";

export { relatedItemValue } from "./new-incident";

/** StartIncident: one transaction of fixed statements (hot-writes.ts), engagements included. */
export const startIncident = (ctx: LocalContext, input: I.StartIncidentCommandInput): Promise<Out<I.StartIncidentCommandOutput>> => hotStartIncident(ctx, input);

async function findIncident(ctx: LocalContext, arn: string) {
  const row = await incidentByArn(hotReader(ctx.db), arn);
  if (!row) throw notFound("INCIDENT_RECORD", arn, `Incident record ${arn} does not exist`);
  return row;
}

export async function getIncidentRecord(
  ctx: LocalContext,
  input: I.GetIncidentRecordCommandInput,
): Promise<Out<I.GetIncidentRecordCommandOutput>> {
  return { incidentRecord: toIncidentRecord(await findIncident(ctx, input.arn!)) };
}

const FILTER_KEYS = ["creationTime", "impact", "status", "createdBy"] as const;

function parseFilter(filter: I.Filter): IncidentFilter {
  const key = filter.key as (typeof FILTER_KEYS)[number];
  const c = filter.condition!;
  const bad = (why: string) =>
    new ImError("ValidationException", `Filter ${filter.key}: ${why}`, {
      reason: "FIELD_VALIDATION_FAILED",
      fields: [{ name: "filters", message: why }],
    });
  switch (key) {
    case "creationTime":
      if (c.before) return { column: "creationTime", op: "before", time: c.before };
      if (c.after) return { column: "creationTime", op: "after", time: c.after };
      throw bad("creationTime takes a before or after condition");
    case "impact": {
      const values = c.equals?.integerValues;
      if (!values?.length) throw bad("impact takes equals.integerValues");
      return { column: "impact", values };
    }
    case "status":
    case "createdBy": {
      const values = c.equals?.stringValues;
      if (!values?.length) throw bad(`${key} takes equals.stringValues`);
      return { column: key, values };
    }
    default:
      throw bad(`unknown filter key; use one of ${FILTER_KEYS.join(", ")}`);
  }
}

export async function listIncidentRecords(
  ctx: LocalContext,
  input: I.ListIncidentRecordsCommandInput,
): Promise<Out<I.ListIncidentRecordsCommandOutput>> {
  const limit = input.maxResults ?? 100;
  const decoded = decodeCursor(input.nextToken);
  const cursor: IncidentCursor | undefined = decoded && { time: new Date(Number(decoded.k)), id: decoded.id };
  if (cursor && Number.isNaN(cursor.time.getTime())) throw invalidToken();
  const filters = (input.filters ?? []).map(parseFilter);
  const rows = await listIncidents(hotReader(ctx.db), filters, cursor, limit + 1);
  const { items, nextToken } = page(rows, limit, (r) => r.creationTime.getTime());
  return { incidentRecordSummaries: items.map(toIncidentSummary), nextToken };
}

export async function updateIncidentRecord(
  ctx: LocalContext,
  input: I.UpdateIncidentRecordCommandInput,
): Promise<Out<I.UpdateIncidentRecordCommandOutput>> {
  return onDedupeRace(() => idempotent(ctx, { service: "ssm-incidents", operation: "UpdateIncidentRecord", token: input.clientToken, tokenField: "clientToken" }, input, async (tx) => {
    const row = await tx.incidentRecord.findUnique({ where: { arn: input.arn! } });
    if (!row) throw notFound("INCIDENT_RECORD", input.arn!, `Incident record ${input.arn} does not exist`);
    const now = ctx.clock.now();
    const data: Prisma.IncidentRecordUpdateInput = {};
    const changes: ModifiedAttribute[] = [];
    const change = (attributeName: string, previousValue: unknown, newValue: unknown) =>
      changes.push({ attributeName, previousValue, newValue });

    if (input.title !== undefined && input.title !== row.title) {
      data.title = input.title;
      change("title", row.title, input.title);
    }
    if (input.summary !== undefined && input.summary !== (row.summary ?? "")) {
      data.summary = input.summary;
      change("summary", row.summary ?? "", input.summary);
    }
    if (input.impact !== undefined && input.impact !== row.impact) {
      data.impact = input.impact;
      change("impact", row.impact, input.impact);
    }
    if (input.status !== undefined && input.status !== row.status) {
      data.status = input.status;
      data.resolvedTime = input.status === "RESOLVED" ? now : null;
      // A resolved incident no longer absorbs new ones; a reopened one does again, unless another
      // open incident with its dedupe string took the key meanwhile (that one keeps absorbing).
      if (input.status === "RESOLVED") data.openDedupeKey = null;
      else if (row.dedupeString && !(await tx.incidentRecord.findUnique({ where: { openDedupeKey: row.dedupeString }, select: { id: true } }))) {
        data.openDedupeKey = row.dedupeString;
      }
      change("status", row.status, input.status);
    }
    if (input.chatChannel !== undefined) {
      const next = input.chatChannel.empty ? null : toJson(input.chatChannel);
      if (next !== row.chatChannel) {
        data.chatChannel = next;
        change("chatChannel", row.chatChannel ? JSON.parse(row.chatChannel) : null, input.chatChannel);
      }
    }
    if (input.notificationTargets !== undefined) {
      const next = toJson(input.notificationTargets);
      if (next !== (row.notificationTargets ?? "[]")) {
        data.notificationTargets = next;
        change("notificationTargets", row.notificationTargets ? JSON.parse(row.notificationTargets) : [], input.notificationTargets);
      }
    }
    if (changes.length === 0) return {};
    data.lastModifiedBy = ctx.principalArn;
    data.lastModifiedTime = now;
    await tx.incidentRecord.update({ where: { id: row.id }, data });
    await writeAutomaticEvent(tx, row.id, now, EVENT_TYPES.update, {
      modifiedBy: ctx.principalArn,
      modifiedAttributes: changes,
      incidentTitle: (data.title as string | undefined) ?? row.title,
    }, ctx.principalArn);
    return {};
  }));
}

export async function deleteIncidentRecord(
  ctx: LocalContext,
  input: I.DeleteIncidentRecordCommandInput,
): Promise<Out<I.DeleteIncidentRecordCommandOutput>> {
  const arn = input.arn!;
  return ctx.db.$transaction(async (tx) => {
    // The model marks DeleteIncidentRecord idempotent and lists no ResourceNotFoundException, so
    // deleting a record that is already gone succeeds. Timeline events (with their references),
    // related items and automation executions cascade with the record; its tags are keyed by ARN.
    await tx.incidentRecord.deleteMany({ where: { arn } });
    await deleteTagsOf(tx, [arn]);
    return {};
  });
}

// What StartIncident writes for a new incident, built once for both of its paths — the Prisma
// transaction (incident-records.ts) and the hot one (hot-writes.ts) — and how both retry a lost
// race for the dedupe key.
import type * as I from "@aws-sdk/client-ssm-incidents";
import { isUniqueViolation } from "@/lib/db/errors";
import { validation } from "../../errors";
import { incidentsArn, newHexId, newId } from "@/lib/im/arns";
import type { LocalContext } from "../context";

const CUSTOM_SOURCE = "aws.ssm-incidents.custom";

/** The kind and value of a related item, as stored (one value per item, as the union allows). */
export function relatedItemValue(value: I.ItemValue): { valueKind: string; value: string } {
  if (value.arn !== undefined) return { valueKind: "arn", value: value.arn };
  if (value.url !== undefined) return { valueKind: "url", value: value.url };
  if (value.metricDefinition !== undefined) return { valueKind: "metricDefinition", value: value.metricDefinition };
  if (value.pagerDutyIncidentDetail !== undefined) {
    return { valueKind: "pagerDutyIncidentDetail", value: JSON.stringify(value.pagerDutyIncidentDetail) };
  }
  throw validation("A related item's value must set one of arn, url, metricDefinition or pagerDutyIncidentDetail");
}

/** What a new incident takes from its response plan (the Prisma and the hot path read the same). */
export type PlanForStart = {
  id: string;
  arn: string;
  name: string;
  title: string;
  impact: number;
  summary: string | null;
  dedupeString: string | null;
  notificationTargets: string | null;
  chatChannel: string | null;
};

/** A new incident's row (IncidentRecord), as StartIncident writes it on either path. */
export function newIncidentRow(ctx: LocalContext, plan: PlanForStart, input: I.StartIncidentCommandInput, now: Date) {
  const id = newId();
  const dedupeString = plan.dedupeString ?? "";
  const trigger = input.triggerDetails;
  return {
    id,
    arn: incidentsArn.incidentRecord(ctx, plan.name, id),
    responsePlanId: plan.id,
    responsePlanArn: plan.arn,
    title: input.title ?? plan.title,
    impact: input.impact ?? plan.impact,
    status: "OPEN",
    summary: plan.summary,
    dedupeString,
    // Two starts that both found no open incident: the second one's insert fails here.
    openDedupeKey: dedupeString || null,
    notificationTargets: plan.notificationTargets,
    chatChannel: plan.chatChannel,
    createdBy: ctx.principalArn,
    source: trigger?.source ?? CUSTOM_SOURCE,
    resourceArn: trigger?.triggerArn ?? null,
    triggerArn: trigger?.triggerArn ?? null,
    triggerRawData: trigger?.rawData ?? null,
    triggerTimestamp: trigger?.timestamp ?? null,
    creationTime: now,
    lastModifiedBy: ctx.principalArn,
    lastModifiedTime: now,
  };
}

export type NewIncidentRow = ReturnType<typeof newIncidentRow>;

/** The data of the incident's first timeline event ("SSM Incident Trigger"). */
export function createdEventData(incident: NewIncidentRow, triggerArn: string | undefined): Record<string, unknown> {
  return {
    createdBy: incident.createdBy,
    source: incident.source,
    triggerArn,
    responsePlanArn: incident.responsePlanArn,
    title: incident.title,
    impact: incident.impact,
  };
}

/** StartIncident's related items as rows; a value listed twice is refused. */
export function newRelatedItemRows(items: I.RelatedItem[] | undefined, incidentId: string, now: Date) {
  const seen = new Set<string>();
  return (items ?? []).map((item) => {
    const { valueKind, value } = relatedItemValue(item.identifier!.value!);
    const type = item.identifier!.type!;
    const key = `${type}|${valueKind}|${value}`;
    if (seen.has(key)) throw validation(`The related item ${type} ${value} is listed twice`);
    seen.add(key);
    return { id: `related-item/${type}/${newHexId()}`, incidentId, type, title: item.title ?? null, valueKind, value, createdAt: now };
  });
}


/**
 * The runbook executions a new incident starts (the local model records them), one for each of
 * the plan's actions in order, with the data of each one's "SSM Automation Execution Start" event.
 */
export function automationStarts(
  ctx: LocalContext,
  incidentId: string,
  actions: { documentName: string; documentVersion: string | null }[],
  now: Date,
) {
  return actions.map((action) => {
    const ssmExecutionArn = `arn:aws:ssm:${ctx.region}:${ctx.accountId}:automation-execution/${newId()}`;
    return {
      execution: { id: newId(), incidentId, ssmExecutionArn, createdAt: now },
      eventData: { documentName: action.documentName, documentVersion: action.documentVersion, ssmExecutionArn },
    };
  });
}

/**
 * Runs `work` (a transaction) again when it lost the race for an open incident's dedupe key
 * (IncidentRecord.openDedupeKey) to a transaction that has committed since: the second run sees
 * the winner's incident. On PostgreSQL the losing insert waits for the winner to commit before it
 * fails; SQLite runs one writing transaction at a time, so it never races.
 */
export async function onDedupeRace<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (attempt >= 3 || !isUniqueViolation(e, "openDedupeKey")) throw e;
    }
  }
}

// Rows of the incident tables as the ssm-incidents API returns them.
import type {
  ChatChannel,
  IncidentRecord,
  IncidentRecordSummary,
  NotificationTargetItem,
  ReplicationSet,
  ResponsePlanSummary,
} from "@aws-sdk/client-ssm-incidents";
import type * as M from "@/lib/db/generated/sqlite/models";
import { fromJson } from "../json";

/** What GetIncidentRecord's answer needs of a row (hot-reads.ts selects only these). */
export type IncidentRow = Pick<
  M.IncidentRecordModel,
  | "arn" | "title" | "summary" | "status" | "impact" | "creationTime" | "resolvedTime" | "lastModifiedTime" | "lastModifiedBy"
  | "createdBy" | "source" | "invokedBy" | "resourceArn" | "dedupeString" | "chatChannel" | "notificationTargets"
> & { automationExecutions?: Pick<M.AutomationExecutionModel, "ssmExecutionArn">[] };
/** What a summary needs of a row (the list's read selects only these). */
export type IncidentSummaryRow = Pick<
  M.IncidentRecordModel,
  "id" | "arn" | "title" | "status" | "impact" | "creationTime" | "resolvedTime" | "createdBy" | "source" | "invokedBy" | "resourceArn"
>;

function source(row: Pick<IncidentSummaryRow, "createdBy" | "source" | "invokedBy" | "resourceArn">) {
  return {
    createdBy: row.createdBy,
    source: row.source,
    ...(row.invokedBy ? { invokedBy: row.invokedBy } : {}),
    ...(row.resourceArn ? { resourceArn: row.resourceArn } : {}),
  };
}

export function toIncidentRecord(row: IncidentRow): IncidentRecord {
  const chatChannel = fromJson<ChatChannel>(row.chatChannel);
  return {
    arn: row.arn,
    title: row.title,
    summary: row.summary ?? undefined,
    status: row.status as IncidentRecord["status"],
    impact: row.impact,
    creationTime: row.creationTime,
    resolvedTime: row.resolvedTime ?? undefined,
    lastModifiedTime: row.lastModifiedTime,
    lastModifiedBy: row.lastModifiedBy,
    automationExecutions: row.automationExecutions?.map((e) => ({ ssmExecutionArn: e.ssmExecutionArn })),
    incidentRecordSource: source(row),
    dedupeString: row.dedupeString,
    chatChannel: chatChannel && !("empty" in chatChannel) ? chatChannel : undefined,
    notificationTargets: fromJson<NotificationTargetItem[]>(row.notificationTargets) ?? [],
  };
}

export function toIncidentSummary(row: IncidentSummaryRow): IncidentRecordSummary {
  return {
    arn: row.arn,
    title: row.title,
    status: row.status as IncidentRecordSummary["status"],
    impact: row.impact,
    creationTime: row.creationTime,
    resolvedTime: row.resolvedTime ?? undefined,
    incidentRecordSource: source(row),
  };
}

export function toResponsePlanSummary(row: M.ResponsePlanModel): ResponsePlanSummary {
  return { arn: row.arn, name: row.name, displayName: row.displayName ?? undefined };
}

export function toReplicationSet(row: M.ReplicationSetModel & { regions: M.ReplicationRegionModel[] }): ReplicationSet {
  return {
    arn: row.arn,
    status: row.status as ReplicationSet["status"],
    deletionProtected: row.deletionProtected,
    createdBy: row.createdBy,
    createdTime: row.createdTime,
    lastModifiedBy: row.lastModifiedBy,
    lastModifiedTime: row.lastModifiedTime,
    regionMap: Object.fromEntries(
      row.regions.map((r) => [
        r.regionName,
        {
          sseKmsKeyId: r.sseKmsKeyId,
          status: r.status as "ACTIVE",
          statusMessage: r.statusMessage ?? undefined,
          statusUpdateDateTime: r.statusUpdateDateTime,
        },
      ]),
    ),
  };
}

// What console reads hand to client components and return from GET route handlers: plain JSON
// (times as ISO strings), the same shape whether a server component or a fetch delivered it.
import type { IncidentRecord, IncidentRecordSummary, ResponsePlanSummary } from "@aws-sdk/client-ssm-incidents";
import { planNameFromIncidentArn } from "./paths";

export type IncidentStatus = "OPEN" | "RESOLVED";

export type IncidentRow = {
  arn: string;
  title: string;
  impact: number;
  status: IncidentStatus;
  creationTime: string;
  resolvedTime?: string;
  responsePlanName?: string;
  createdBy?: string;
};

export type IncidentPage = { items: IncidentRow[]; nextToken?: string };

export type IncidentDetail = IncidentRow & {
  summary?: string;
  dedupeString?: string;
  lastModifiedBy?: string;
  lastModifiedTime?: string;
  source?: string;
  /** incidentRecordSource: what started it (a CloudWatch alarm, an EventBridge rule, ...) and who. */
  invokedBy?: string;
  resourceArn?: string;
  /** SNS topic ARNs of chatChannel.chatbotSns; empty when the incident has no chat channel. */
  chatChannelSns: string[];
  notificationTargets: string[];
};

export type ResponsePlanRow = { arn: string; name: string; displayName?: string };

/** A plan with its incident template: what the start-incident dialog offers. */
export type ResponsePlanOption = ResponsePlanRow & { title: string; impact: number };

const iso = (d: Date | undefined) => (d ? new Date(d).toISOString() : undefined);

export function toIncidentRow(s: IncidentRecordSummary | IncidentRecord): IncidentRow {
  return {
    arn: s.arn!,
    title: s.title ?? "",
    impact: s.impact ?? 5,
    status: (s.status ?? "OPEN") as IncidentStatus,
    creationTime: iso(s.creationTime)!,
    resolvedTime: iso(s.resolvedTime),
    responsePlanName: planNameFromIncidentArn(s.arn!),
    createdBy: s.incidentRecordSource?.createdBy,
  };
}

export function toIncidentDetail(r: IncidentRecord): IncidentDetail {
  return {
    ...toIncidentRow(r),
    summary: r.summary,
    dedupeString: r.dedupeString,
    lastModifiedBy: r.lastModifiedBy,
    lastModifiedTime: iso(r.lastModifiedTime),
    source: r.incidentRecordSource?.source,
    invokedBy: r.incidentRecordSource?.invokedBy,
    resourceArn: r.incidentRecordSource?.resourceArn,
    chatChannelSns: r.chatChannel?.chatbotSns ?? [],
    notificationTargets: (r.notificationTargets ?? []).flatMap((t) => (t.snsTopicArn ? [t.snsTopicArn] : [])),
  };
}

export function toResponsePlanRow(s: ResponsePlanSummary): ResponsePlanRow {
  return { arn: s.arn!, name: s.name!, displayName: s.displayName };
}

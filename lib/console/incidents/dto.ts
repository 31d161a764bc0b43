// What console reads hand to client components and return from GET route handlers: plain JSON
// (times as ISO strings), the same shape whether a server component or a fetch delivered it.
import type { IncidentRecord, IncidentRecordSummary } from "@aws-sdk/client-ssm-incidents";
import { iso } from "@/lib/console/core/names";
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

/** Contacts and escalation plans engaged for an incident, and how many of them acknowledged. */
export type EngagementCounts = { engaged: number; acknowledged: number };

/** A list row: the incident, and its engagements (null when they could not be read). */
export type IncidentListRow = IncidentRow & { engagements: EngagementCounts | null };

export type IncidentPage = { items: IncidentListRow[]; nextToken?: string };

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

export type RunbookAction = {
  documentName: string;
  documentVersion?: string;
  roleArn: string;
  targetAccount?: string;
  parameters: Record<string, string[]>;
  /** Parameter → the incident variable it takes (INCIDENT_RECORD_ARN, INVOLVED_RESOURCES). */
  dynamicParameters: Record<string, string>;
};

export type RunbookView = {
  planName?: string;
  planFound: boolean;
  actions: RunbookAction[];
  /** SSM Automation execution ARNs the incident started. */
  executions: string[];
  automationItems: { title?: string; arn?: string; url?: string }[];
};

// What the response plan pages show. Client-safe: the list and the detail page's editors import these.
import type { GetResponsePlanCommandOutput, ResponsePlanSummary } from "@aws-sdk/client-ssm-incidents";
import type { ContactType } from "@/lib/console/contacts/dto";
import type { ActionError } from "@/lib/console/core/result";
import type { Out } from "@/lib/im/contract";

/** A row of the Response plans list: the summary plus what GetResponsePlan and ListTagsForResource add. */
export type ResponsePlanListRow = ResponsePlanRow & {
  impact?: number;
  engagementCount: number;
  /** Null when the plan's tags can't be read. */
  tags: Record<string, string> | null;
};

/** A contact or escalation plan a response plan engages, as its page names it. */
export type EngagementTargetView = {
  arn: string;
  alias: string;
  displayName?: string;
  /** Undefined when the contact can't be read (deleted since, or no access). */
  type?: ContactType;
};

export type ResponsePlanDetail = Out<GetResponsePlanCommandOutput> & {
  /** The plan's tags, or why they can't be shown. */
  tags: { ok: true; data: Record<string, string> } | { ok: false; error: ActionError };
  engagementTargets: EngagementTargetView[];
};

export type ResponsePlanRow = { arn: string; name: string; displayName?: string };

/** A plan with its incident template: what the start-incident dialog offers. */
export type ResponsePlanOption = ResponsePlanRow & { title: string; impact: number; summary?: string; engagements: string[] };

export function toResponsePlanRow(s: ResponsePlanSummary): ResponsePlanRow {
  return { arn: s.arn!, name: s.name!, displayName: s.displayName };
}

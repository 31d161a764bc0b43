// The Incident Manager limits an alert has to fit, read from the AWS model (lib/im/model), never
// retyped: an alert becomes StartIncident's title and triggerDetails, its summary the incident's
// summary, its links related items. Client-safe: the model is plain JSON.
import { maxOf, memberMax, shape } from "@/lib/im/model";

const impact = shape("ssm-incidents", "Impact");
if (impact.min === undefined || impact.max === undefined) throw new Error("ssm-incidents gives Impact no range");

export const ALERT_LIMITS = {
  /** StartIncidentInput.title (IncidentTitle). */
  title: memberMax("ssm-incidents", "StartIncidentInput", "title"),
  /** UpdateIncidentRecordInput.summary (IncidentSummary). */
  summary: memberMax("ssm-incidents", "UpdateIncidentRecordInput", "summary"),
  /** TriggerDetails.rawData (RawData). */
  rawData: memberMax("ssm-incidents", "TriggerDetails", "rawData"),
  /** TriggerDetails.source (IncidentSource). */
  source: memberMax("ssm-incidents", "TriggerDetails", "source"),
  /** ItemValue.url (Url): a link's URL. */
  url: memberMax("ssm-incidents", "ItemValue", "url"),
  /** RelatedItem.title: a link's title. */
  linkTitle: memberMax("ssm-incidents", "RelatedItem", "title"),
  /** StartIncidentInput.relatedItems (RelatedItemList): links one alert may carry. */
  links: maxOf("ssm-incidents", "RelatedItemList"),
  /** Impact 1 (critical) … 5 (no impact). */
  impactMin: impact.min,
  impactMax: impact.max,
} as const;

/**
 * TriggerDetails.source as the model documents it (IncidentSource: "Customer-generated events can
 * have any value here, as long as it doesn't begin with 'aws.'"; reverse domain-name style
 * recommended) within its length. The model gives no pattern, so this is the whole rule.
 */
export function isCustomSource(source: string): boolean {
  return source.length > 0 && source.length <= ALERT_LIMITS.source && !source.startsWith("aws.");
}

/** An impact the model accepts: an integer in Impact's range. */
export function isImpact(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= ALERT_LIMITS.impactMin && (value as number) <= ALERT_LIMITS.impactMax;
}

// Timeline events in words. Automatic events carry JSON in eventData (lib/im/local/incidents/
// timeline.ts and its callers, lib/im/local/engine/incident-events.ts; AWS writes the same types):
// a responder reads "Impact changed from 3 Medium to 1 Critical", not that JSON.
// Pure functions: the timeline list, the Overview's latest events and the exports share them.
import { impactLabel } from "@/lib/console/incidents/impact";
import { principalName } from "@/lib/console/core/names";
import { decodeEventText, isCallerEventType, type TimelineEventDto } from "@/lib/console/timeline/dto";

export type EventDetail = { label: string; value: string };

export type EventView = {
  /** A short name for the event type ("Note", "Incident updated", ...). */
  label: string;
  /** One readable sentence. */
  summary: string;
  /** Further facts, one per line ("Impact changed from 3 Medium to 1 Critical"). */
  lines: string[];
  /** The text a person wrote (notes and custom events), shown as plain text. */
  text?: string;
  /** Only people's events can be edited or deleted (UpdateTimelineEvent / DeleteTimelineEvent). */
  editable: boolean;
};

const TYPE_LABELS: Record<string, string> = {
  "Custom Event": "Custom event",
  Note: "Note",
  "SSM Incident Trigger": "Incident started",
  "SSM Incident Record Update": "Incident updated",
  "SSM Automation Execution Start": "Runbook started",
  "SSM Automation Execution Start Failure for Incident": "Runbook failed to start",
  "SSM Contacts Page for Incident": "Contact engaged",
  "SSM Contacts Page Acknowledgement for Incident": "Page acknowledged",
  "SSM Contacts No One On Call for Incident": "Nobody on call",
};

/** The label of an event type, for the list and the type filter. */
export function eventTypeLabel(type: string): string {
  return TYPE_LABELS[type] ?? (type || "Event");
}

type Json = Record<string, unknown>;

function parseObject(data: string): Json | undefined {
  try {
    const v: unknown = JSON.parse(data);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined;
  } catch {
    return undefined;
  }
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

/** `...:contact/oncall-ana` → `oncall-ana`; any ARN → its last path part. */
function arnName(arn: unknown): string {
  const s = typeof arn === "string" ? arn : "";
  return s.split("/").pop() || s || "unknown";
}

/** camelCase key → "Camel case". */
function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Any JSON value as short text: no braces for a responder to parse. */
function plain(v: unknown): string {
  if (v === null || v === undefined || v === "") return "(none)";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return v.length ? v.map(plain).join(", ") : "(none)";
  const entries = Object.entries(v as Json);
  if (entries.length === 0) return "(none)";
  return entries.map(([k, x]) => `${humanize(k)}: ${plain(x)}`).join("; ");
}

const STATUS: Record<string, string> = { OPEN: "Open", RESOLVED: "Resolved" };

/** One changed attribute's value, as the console shows that attribute elsewhere. */
function attributeValue(name: string, v: unknown): string {
  if (name === "impact" && typeof v === "number") return impactLabel(v);
  if (name === "status" && typeof v === "string") return STATUS[v] ?? v;
  if (name === "title" || name === "summary") return typeof v === "string" && v ? `"${v}"` : "(empty)";
  if (name === "chatChannel") return chatChannelText(v);
  if (name === "notificationTargets" && Array.isArray(v)) {
    return v.length ? v.map((t) => arnName((t as Json)?.snsTopicArn)).join(", ") : "(none)";
  }
  return plain(v);
}

/** ChatChannel union: {empty: {}} or {chatbotSns: [topic ARNs]}. */
export function chatChannelText(v: unknown): string {
  const sns = (v as Json | null | undefined)?.chatbotSns;
  if (Array.isArray(sns) && sns.length) return sns.map(arnName).join(", ");
  return "(none)";
}

const ATTRIBUTE_NAMES: Record<string, string> = {
  title: "Title",
  summary: "Summary",
  impact: "Impact",
  status: "Status",
  chatChannel: "Chat channel",
  notificationTargets: "Notification targets",
};

function relatedItemLine(v: unknown): string {
  const o = (v ?? {}) as Json;
  const describe = (identifier: unknown, title?: unknown) => {
    const id = (identifier ?? {}) as Json;
    const value = plain(id.value);
    const type = str(id.type) ?? "item";
    return `${str(title) ? `"${title}" ` : ""}(${type}: ${value})`;
  };
  if (o.itemToAdd) {
    const add = o.itemToAdd as Json;
    return `Related item added: ${describe(add.identifier, add.title)}`;
  }
  if (o.itemToRemove) return `Related item removed: ${describe(o.itemToRemove)}`;
  return `Related items changed: ${plain(v)}`;
}

function changeLine(change: Json): string {
  const name = str(change.attributeName) ?? "attribute";
  if (name === "relatedItems") return relatedItemLine(change.newValue);
  const label = ATTRIBUTE_NAMES[name] ?? humanize(name);
  if (!("previousValue" in change)) return `${label} set to ${attributeValue(name, change.newValue)}`;
  return `${label} changed from ${attributeValue(name, change.previousValue)} to ${attributeValue(name, change.newValue)}`;
}

function describeAutomatic(type: string, data: Json): Omit<EventView, "label" | "editable"> {
  switch (type) {
    case "SSM Incident Record Update": {
      const who = principalName(str(data.modifiedBy));
      const changes = Array.isArray(data.modifiedAttributes) ? (data.modifiedAttributes as Json[]) : [];
      return { summary: `Incident updated by ${who}`, lines: changes.map(changeLine) };
    }
    case "SSM Incident Trigger": {
      const lines: string[] = [];
      if (str(data.source)) lines.push(`Source: ${data.source}`);
      if (str(data.triggerArn)) lines.push(`Trigger: ${data.triggerArn}`);
      if (str(data.responsePlanArn)) lines.push(`Response plan: ${arnName(data.responsePlanArn)}`);
      if (str(data.title)) lines.push(`Title: "${data.title}"`);
      if (typeof data.impact === "number") lines.push(`Impact: ${impactLabel(data.impact)}`);
      const who = str(data.createdBy);
      return { summary: who ? `Incident started by ${principalName(who)}` : "Incident started", lines };
    }
    case "SSM Automation Execution Start": {
      const doc = str(data.documentName) ?? "runbook";
      const lines = [
        ...(str(data.documentVersion) ? [`Document version: ${data.documentVersion}`] : []),
        ...(str(data.ssmExecutionArn) ? [`Execution: ${data.ssmExecutionArn}`] : []),
      ];
      return { summary: `Runbook ${doc} started`, lines };
    }
    case "SSM Contacts Page for Incident":
      return { summary: `Contact ${arnName(data.contactArn)} engaged`, lines: str(data.engagementArn) ? [`Engagement: ${data.engagementArn}`] : [] };
    case "SSM Contacts Page Acknowledgement for Incident":
      return {
        summary: `Page acknowledged by ${arnName(data.contactArn)}`,
        lines: str(data.engagementArn) ? [`Engagement: ${data.engagementArn}`] : [],
      };
    case "SSM Contacts No One On Call for Incident": {
      const stage = typeof data.stageIndex === "number" ? ` (stage ${data.stageIndex + 1})` : "";
      return {
        summary: `Nobody was on call in ${arnName(data.contactArn)}${stage}, so nobody from it was paged`,
        lines: str(data.engagementArn) ? [`Engagement: ${data.engagementArn}`] : [],
      };
    }
    default:
      // A type this console doesn't know (AWS adds some): its fields, one per line.
      return { summary: eventTypeLabel(type), lines: Object.entries(data).map(([k, v]) => `${humanize(k)}: ${plain(v)}`) };
  }
}

export function describeEvent(event: Pick<TimelineEventDto, "type" | "data">): EventView {
  const label = eventTypeLabel(event.type);
  if (isCallerEventType(event.type)) {
    const text = decodeEventText(event.data);
    const firstLine = text.split("\n", 1)[0];
    return { label, summary: firstLine, lines: [], text, editable: true };
  }
  const data = parseObject(event.data);
  if (!data) {
    // Not JSON: the text as written.
    return { label, summary: label, lines: [], text: event.data || undefined, editable: false };
  }
  return { label, ...describeAutomatic(event.type, data), editable: false };
}

/** Who wrote an event and who last edited it, when (principal ARNs; UTC ISO). */
export type EventAuthor = { createdBy?: string; updatedBy?: string; updatedAt?: string };

/**
 * The event's author: people's events as the service recorded them (issue 16: the local model
 * for every caller, the console in aws mode for what was written through it); automatic events
 * from their own data, where AWS names who caused them.
 */
export function eventAuthor(event: Pick<TimelineEventDto, "type" | "data" | "author">): EventAuthor {
  if (isCallerEventType(event.type)) return event.author ?? {};
  const data = parseObject(event.data);
  const who = str(data?.createdBy) ?? str(data?.modifiedBy);
  return who ? { createdBy: who } : {};
}

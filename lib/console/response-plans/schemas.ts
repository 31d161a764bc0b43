// The response plan form, section by section as the AWS console edits it: its fields, how they
// become a CreateResponsePlanInput (all sections) or an UpdateResponsePlanInput (one section), and
// the model's rules for them. Shared by the create form, the section editors and their actions.
import type { Action, ChatChannel, CreateResponsePlanCommandInput, GetResponsePlanCommandOutput, Integration, SsmTargetAccount, UpdateResponsePlanCommandInput, VariableType } from "@aws-sdk/client-ssm-incidents";
import { z } from "zod";
import { fieldMessage, optional, optionalInt, type FieldFor } from "@/lib/console/core/model-rules";
import { toTagMap } from "@/lib/console/tags/schemas";
import { maxOf, shape } from "@/lib/im/model";
import { shapeProblems } from "@/lib/im/model/validate";

/** The parts of a plan, each edited on its own from the plan's page (tags through TagResource). */
export const PLAN_SECTIONS = ["details", "defaults", "notifications", "chat", "engagements", "runbook", "integrations", "tags"] as const;
export type PlanSection = (typeof PLAN_SECTIONS)[number];

/** How many a plan may have of each list (the model's maxima). */
export const PLAN_LIMITS = {
  engagements: maxOf("ssm-incidents", "EngagementSet"),
  notificationTargets: maxOf("ssm-incidents", "NotificationTargetSet"),
  chatSnsTopics: maxOf("ssm-incidents", "ChatbotSnsConfigurationSet"),
};
/** What a dynamic parameter takes from the incident (VariableType). */
export const DYNAMIC_VARIABLES = shape("ssm-incidents", "VariableType").enum!;
/** Where the automation runs (SsmTargetAccount). */
export const TARGET_ACCOUNTS = shape("ssm-incidents", "SsmTargetAccount").enum!;

const keyValue = z.object({ key: z.string(), value: z.string() });
const arnRow = z.object({ arn: z.string() });

const fields = {
  name: z.string(),
  displayName: z.string(),
  // Incident defaults (the incident template).
  title: z.string(),
  impact: z.string(),
  summary: z.string(),
  dedupeString: z.string(),
  incidentTags: z.array(keyValue),
  notificationTargets: z.array(arnRow),
  chatChannel: z.enum(["none", "sns"]),
  chatSnsTopics: z.array(arnRow),
  /** Contact and escalation plan ARNs, in the order they were chosen. */
  engagements: z.array(z.string()),
  // Runbook: one SSM automation (ActionsList has at most one action).
  runbook: z.enum(["none", "ssm"]),
  documentName: z.string(),
  documentVersion: z.string(),
  roleArn: z.string(),
  targetAccount: z.string(),
  /** Each parameter's values, one per line. */
  parameters: z.array(z.object({ key: z.string(), values: z.string() })),
  dynamicParameters: z.array(z.object({ key: z.string(), variable: z.string() })),
  // Integrations: one PagerDuty configuration (Integrations has at most one).
  pagerDuty: z.enum(["none", "pagerDuty"]),
  pagerDutyName: z.string(),
  pagerDutyServiceId: z.string(),
  pagerDutySecretId: z.string(),
  tags: z.array(keyValue),
};

export type ResponsePlanFormValues = z.infer<z.ZodObject<typeof fields>>;
type Field = keyof ResponsePlanFormValues;

export const SECTION_FIELDS: Record<PlanSection, Field[]> = {
  details: ["name", "displayName"],
  defaults: ["title", "impact", "summary", "dedupeString", "incidentTags"],
  notifications: ["notificationTargets"],
  chat: ["chatChannel", "chatSnsTopics"],
  engagements: ["engagements"],
  runbook: ["runbook", "documentName", "documentVersion", "roleArn", "targetAccount", "parameters", "dynamicParameters"],
  integrations: ["pagerDuty", "pagerDutyName", "pagerDutyServiceId", "pagerDutySecretId"],
  tags: ["tags"],
};

export const emptyResponsePlanForm: ResponsePlanFormValues = {
  name: "",
  displayName: "",
  title: "",
  impact: "",
  summary: "",
  dedupeString: "",
  incidentTags: [],
  notificationTargets: [],
  chatChannel: "none",
  chatSnsTopics: [],
  engagements: [],
  runbook: "none",
  documentName: "",
  documentVersion: "",
  roleArn: "",
  targetAccount: "",
  parameters: [],
  dynamicParameters: [],
  pagerDuty: "none",
  pagerDutyName: "",
  pagerDutyServiceId: "",
  pagerDutySecretId: "",
  tags: [],
};

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const nonEmpty = <T extends object>(map: T): T | undefined => (Object.keys(map).length ? map : undefined);
const arns = (rows: { arn: string }[]) => rows.map((r) => r.arn.trim());

function toChatChannel(v: ResponsePlanFormValues): ChatChannel {
  return v.chatChannel === "sns" ? { chatbotSns: arns(v.chatSnsTopics) } : { empty: {} };
}

function toAction(v: ResponsePlanFormValues): Action {
  return {
    ssmAutomation: {
      documentName: optional(v.documentName)!,
      documentVersion: optional(v.documentVersion),
      roleArn: optional(v.roleArn)!,
      targetAccount: optional(v.targetAccount) as SsmTargetAccount | undefined,
      parameters: nonEmpty(Object.fromEntries(v.parameters.map((p) => [p.key.trim(), lines(p.values)]))),
      dynamicParameters: nonEmpty(
        Object.fromEntries(v.dynamicParameters.map((p) => [p.key.trim(), { variable: p.variable as VariableType }])),
      ),
    },
  };
}

function toIntegration(v: ResponsePlanFormValues): Integration {
  return {
    pagerDutyConfiguration: {
      name: optional(v.pagerDutyName)!,
      secretId: optional(v.pagerDutySecretId)!,
      pagerDutyIncidentConfiguration: { serviceId: optional(v.pagerDutyServiceId)! },
    },
  };
}

export function toCreateResponsePlanInput(v: ResponsePlanFormValues): CreateResponsePlanCommandInput {
  return {
    name: v.name.trim(),
    displayName: optional(v.displayName),
    incidentTemplate: {
      title: optional(v.title)!,
      impact: optionalInt(v.impact)!,
      summary: optional(v.summary),
      dedupeString: optional(v.dedupeString),
      incidentTags: nonEmpty(toTagMap(v.incidentTags)),
      notificationTargets: v.notificationTargets.length ? arns(v.notificationTargets).map((snsTopicArn) => ({ snsTopicArn })) : undefined,
    },
    chatChannel: v.chatChannel === "sns" ? toChatChannel(v) : undefined,
    engagements: v.engagements.length ? v.engagements : undefined,
    actions: v.runbook === "ssm" ? [toAction(v)] : undefined,
    integrations: v.pagerDuty === "pagerDuty" ? [toIntegration(v)] : undefined,
    tags: nonEmpty(toTagMap(v.tags)),
  };
}

/**
 * One section's UpdateResponsePlanInput. A member given replaces the plan's value: an empty
 * string, list or map clears it, and the `empty` chat channel removes the chat channel
 * (reference: UpdateResponsePlan). Tags are not part of UpdateResponsePlan.
 */
export function toUpdateResponsePlanInput(arn: string, section: Exclude<PlanSection, "tags">, v: ResponsePlanFormValues): UpdateResponsePlanCommandInput {
  switch (section) {
    case "details":
      return { arn, displayName: v.displayName.trim() };
    case "defaults":
      return {
        arn,
        incidentTemplateTitle: v.title.trim(),
        incidentTemplateImpact: optionalInt(v.impact),
        incidentTemplateSummary: v.summary.trim(),
        incidentTemplateDedupeString: v.dedupeString.trim(),
        incidentTemplateTags: toTagMap(v.incidentTags),
      };
    case "notifications":
      return { arn, incidentTemplateNotificationTargets: arns(v.notificationTargets).map((snsTopicArn) => ({ snsTopicArn })) };
    case "chat":
      return { arn, chatChannel: toChatChannel(v) };
    case "engagements":
      return { arn, engagements: v.engagements };
    case "runbook":
      return { arn, actions: v.runbook === "ssm" ? [toAction(v)] : [] };
    case "integrations":
      return { arn, integrations: v.pagerDuty === "pagerDuty" ? [toIntegration(v)] : [] };
  }
}

/** The plan as the form shows it (GetResponsePlan's output). */
export function toResponsePlanFormValues(plan: Omit<GetResponsePlanCommandOutput, "$metadata">, tags: Record<string, string> = {}): ResponsePlanFormValues {
  const t = plan.incidentTemplate;
  const ssm = plan.actions?.[0]?.ssmAutomation;
  const pd = plan.integrations?.[0]?.pagerDutyConfiguration;
  const sns = plan.chatChannel?.chatbotSns ?? [];
  const rows = (map: Record<string, string> | undefined) => Object.entries(map ?? {}).map(([key, value]) => ({ key, value }));
  return {
    name: plan.name ?? "",
    displayName: plan.displayName ?? "",
    title: t?.title ?? "",
    impact: t?.impact ? String(t.impact) : "",
    summary: t?.summary ?? "",
    dedupeString: t?.dedupeString ?? "",
    incidentTags: rows(t?.incidentTags),
    notificationTargets: (t?.notificationTargets ?? []).flatMap((n) => (n.snsTopicArn ? [{ arn: n.snsTopicArn }] : [])),
    chatChannel: sns.length ? "sns" : "none",
    chatSnsTopics: sns.map((arn) => ({ arn })),
    engagements: plan.engagements ?? [],
    runbook: ssm ? "ssm" : "none",
    documentName: ssm?.documentName ?? "",
    documentVersion: ssm?.documentVersion ?? "",
    roleArn: ssm?.roleArn ?? "",
    targetAccount: ssm?.targetAccount ?? "",
    parameters: Object.entries(ssm?.parameters ?? {}).map(([key, values]) => ({ key, values: values.join("\n") })),
    dynamicParameters: Object.entries(ssm?.dynamicParameters ?? {}).map(([key, v]) => ({ key, variable: v.variable ?? "" })),
    pagerDuty: pd ? "pagerDuty" : "none",
    pagerDutyName: pd?.name ?? "",
    pagerDutyServiceId: pd?.pagerDutyIncidentConfiguration?.serviceId ?? "",
    pagerDutySecretId: pd?.secretId ?? "",
    tags: rows(tags),
  };
}

// ---- Where a model problem lands on the form ----------------------------------------------------

type Place = { path: (string | number)[]; label?: string };

const TEMPLATE_MEMBERS: Record<string, Field> = {
  title: "title",
  impact: "impact",
  summary: "summary",
  dedupeString: "dedupeString",
  incidentTemplateTitle: "title",
  incidentTemplateImpact: "impact",
  incidentTemplateSummary: "summary",
  incidentTemplateDedupeString: "dedupeString",
};

type MapField = "incidentTags" | "tags" | "parameters" | "dynamicParameters";
const MAP_VALUE: Record<MapField, string> = { incidentTags: "value", tags: "value", parameters: "values", dynamicParameters: "variable" };

/**
 * A problem inside a map (`<map>.<key>(key)`, `<map>.<key>`, `<map>.<key>[2]`,
 * `<map>.<key>.variable`): on the key or value of the row with that key, when the rows are known.
 */
function inMap(field: MapField, rest: string, v?: ResponsePlanFormValues): Place {
  if (!rest) return { path: [field] };
  let key = rest.slice(1);
  let part = MAP_VALUE[field];
  let label = "";
  if (key.endsWith("(key)")) {
    key = key.slice(0, -"(key)".length);
    part = "key";
  } else if (field === "parameters" && /\[\d+\]$/.test(key)) {
    const at = key.lastIndexOf("[");
    label = `Line ${Number(key.slice(at + 1, -1)) + 1}: `;
    key = key.slice(0, at);
  } else if (field === "dynamicParameters" && key.endsWith(".variable")) {
    key = key.slice(0, -".variable".length);
  }
  const i = v?.[field].findIndex((r) => r.key.trim() === key) ?? -1;
  return i >= 0 ? { path: [field, i, part], label } : { path: [field], label: `Key "${key}": ${label}` };
}

const MAPS: [RegExp, MapField][] = [
  [/^(?:incidentTemplate\.incidentTags|incidentTemplateTags)/, "incidentTags"],
  [/^tags/, "tags"],
  [/^actions\[0\]\.ssmAutomation\.parameters/, "parameters"],
  [/^actions\[0\]\.ssmAutomation\.dynamicParameters/, "dynamicParameters"],
];

/** Maps a CreateResponsePlanInput / UpdateResponsePlanInput / TagResourceRequest member path to the form. */
export function locateProblem(memberPath: string, v?: ResponsePlanFormValues): Place | undefined {
  for (const [re, field] of MAPS) {
    const m = re.exec(memberPath);
    if (m) return inMap(field, memberPath.slice(m[0].length), v);
  }
  if (memberPath === "name" || memberPath === "displayName") return { path: [memberPath] };
  if (memberPath === "incidentTemplate") return { path: ["title"] };
  const member = /^(?:incidentTemplate\.)?(\w+)$/.exec(memberPath)?.[1];
  if (member && TEMPLATE_MEMBERS[member]) return { path: [TEMPLATE_MEMBERS[member]] };
  let m = /^(?:incidentTemplate\.notificationTargets|incidentTemplateNotificationTargets)(?:\[(\d+)\])?/.exec(memberPath);
  if (m) return { path: m[1] ? ["notificationTargets", Number(m[1]), "arn"] : ["notificationTargets"] };
  m = /^chatChannel\.chatbotSns(?:\[(\d+)\])?/.exec(memberPath);
  if (m) return { path: m[1] ? ["chatSnsTopics", Number(m[1]), "arn"] : ["chatSnsTopics"] };
  if (memberPath.startsWith("chatChannel")) return { path: ["chatChannel"] };
  m = /^engagements(?:\[(\d+)\])?/.exec(memberPath);
  if (m) return { path: ["engagements"], label: m[1] ? `Engagement ${Number(m[1]) + 1}: ` : "" };
  m = /^actions\[0\]\.ssmAutomation\.(documentName|documentVersion|roleArn|targetAccount)$/.exec(memberPath);
  if (m) return { path: [m[1]] };
  if (memberPath.startsWith("actions")) return { path: ["runbook"] };
  m = /^integrations\[0\]\.pagerDutyConfiguration\.(name|secretId|pagerDutyIncidentConfiguration)/.exec(memberPath);
  if (m) return { path: [{ name: "pagerDutyName", secretId: "pagerDutySecretId", pagerDutyIncidentConfiguration: "pagerDutyServiceId" }[m[1]]!] };
  if (memberPath.startsWith("integrations")) return { path: ["pagerDuty"] };
  return undefined;
}

/** Where a server ValidationException's member path lands (the rows are not known there). */
export const responsePlanFieldFor: FieldFor = (path) => locateProblem(path)?.path.join(".");

// ---- Rules ----------------------------------------------------------------------------------------

type Add = (path: (string | number)[], message: string) => void;

/** Rows of a map: each needs a key, and a key only once. */
function keyRows(field: MapField, rows: { key: string }[], add: Add) {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const key = row.key.trim();
    if (!key) add([field, i, "key"], "Required.");
    else if (seen.has(key)) add([field, i, "key"], `The key "${key}" is used twice.`);
    seen.add(key);
  });
}

function arnRows(field: "notificationTargets" | "chatSnsTopics", rows: { arn: string }[], add: Add) {
  rows.forEach((row, i) => {
    if (!row.arn.trim()) add([field, i, "arn"], "Required.");
  });
}

/** The form's own rules (rows need a key; a chosen option needs its fields), before the model's. */
function formRules(v: ResponsePlanFormValues, owned: Set<Field>, add: Add) {
  if (owned.has("name") && !v.name.trim()) add(["name"], "Required.");
  if (owned.has("title") && !v.title.trim()) add(["title"], "Required.");
  if (owned.has("impact") && !v.impact) add(["impact"], "Required.");
  if (owned.has("incidentTags")) keyRows("incidentTags", v.incidentTags, add);
  if (owned.has("tags")) keyRows("tags", v.tags, add);
  if (owned.has("notificationTargets")) arnRows("notificationTargets", v.notificationTargets, add);
  if (owned.has("chatSnsTopics") && v.chatChannel === "sns") arnRows("chatSnsTopics", v.chatSnsTopics, add);
  if (owned.has("parameters") && v.runbook === "ssm") {
    keyRows("parameters", v.parameters, add);
    keyRows("dynamicParameters", v.dynamicParameters, add);
    v.dynamicParameters.forEach((p, i) => {
      if (!p.variable) add(["dynamicParameters", i, "variable"], "Choose a value.");
    });
  }
}

function check(v: ResponsePlanFormValues, sections: PlanSection[], shapeName: string, input: unknown, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  const add: Add = (path, message) => {
    const key = path.join(".");
    if (seen.has(key)) return;
    seen.add(key);
    ctx.addIssue({ code: "custom", path, message });
  };
  formRules(v, new Set(sections.flatMap((s) => SECTION_FIELDS[s])), add);
  for (const p of shapeProblems("ssm-incidents", shapeName, input)) {
    const place = locateProblem(p.name, v);
    if (place) add(place.path, (place.label ?? "") + fieldMessage(p.message));
  }
}

export const responsePlanFormSchema = z.object(fields).superRefine((v, ctx) => {
  check(v, [...PLAN_SECTIONS], "CreateResponsePlanInput", toCreateResponsePlanInput(v), ctx);
});

/** The rules of one section of an existing plan: UpdateResponsePlan's, or TagResource's for tags. */
function sectionRules(arn: string, section: PlanSection) {
  return (v: ResponsePlanFormValues, ctx: z.RefinementCtx) => {
    if (section === "tags") {
      // TagMap has min 1: the model only sees a map when there is something to set (no rows
      // left means UntagResource alone).
      check(v, ["tags"], "TagResourceRequest", v.tags.length ? { resourceArn: arn, tags: toTagMap(v.tags) } : undefined, ctx);
    } else {
      check(v, [section], "UpdateResponsePlanInput", toUpdateResponsePlanInput(arn, section, v), ctx);
    }
  };
}

/** The section editor's form schema (the plan's ARN and the section are not form fields). */
export function sectionFormSchema(arn: string, section: PlanSection) {
  return z.object(fields).superRefine(sectionRules(arn, section));
}

/** One section of an existing plan, as updateResponsePlanAction takes it. */
export const updateResponsePlanSchema = z
  .object({ ...fields, arn: z.string().min(1), section: z.enum(PLAN_SECTIONS) })
  .superRefine((v, ctx) => sectionRules(v.arn, v.section)(v, ctx));
export type UpdateResponsePlanValues = z.input<typeof updateResponsePlanSchema>;

/** Every field name (rows included) a server error may land on, for useActionForm. */
export function responsePlanFieldNames(v: ResponsePlanFormValues): string[] {
  const rows = (field: Field, items: unknown[], parts: string[]) => items.flatMap((_, i) => parts.map((p) => `${field}.${i}.${p}`));
  return [
    ...Object.keys(fields),
    ...rows("incidentTags", v.incidentTags, ["key", "value"]),
    ...rows("tags", v.tags, ["key", "value"]),
    ...rows("notificationTargets", v.notificationTargets, ["arn"]),
    ...rows("chatSnsTopics", v.chatSnsTopics, ["arn"]),
    ...rows("parameters", v.parameters, ["key", "values"]),
    ...rows("dynamicParameters", v.dynamicParameters, ["key", "variable"]),
  ];
}

// The contact form (create and edit a personal contact): alias, display name, channels and the
// engagement plan. How its values become CreateContact / CreateContactChannel inputs, and the
// model's rules for them. Shared by the form (inline errors) and the contact actions.
// Inputs of the channel actions (activation, deactivation), checked against the model, and the
// contact a console user is linked to (whose pages are theirs).
import type { CreateContactChannelCommandInput, CreateContactCommandInput } from "@aws-sdk/client-ssm-contacts";
import { z } from "zod";
import { fieldMessage, optional } from "@/lib/console/core/model-rules";
import { REQUEST_ID_PATTERN } from "@/lib/console/core/request-id";
import { maxOf, memberMax, shape } from "@/lib/im/model";
import { addressProblem } from "@/lib/im/model/contact-addresses";
import { shapeProblems } from "@/lib/im/model/validate";

export const CHANNEL_TYPES = ["EMAIL", "SMS", "VOICE"] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/**
 * Stands in for a channel's or contact's ARN while the form is checked: the real ARN exists only
 * once the server has created it, and the model's ARN pattern is not the user's concern.
 */
export const PLACEHOLDER_ARN = "arn:aws:ssm-contacts:us-east-1:000000000000:contact/placeholder";

const channel = z.object({
  /** Names the channel inside the form (targets point at it before it has an ARN). */
  key: z.string().min(1),
  /** Set for a channel that already exists (edit). */
  arn: z.string(),
  type: z.enum(CHANNEL_TYPES),
  name: z.string(),
  address: z.string(),
});

const channelTarget = z.object({ channelKey: z.string(), retry: z.string() });
const stage = z.object({ duration: z.string(), targets: z.array(channelTarget) });

const fields = {
  /** Empty when creating; the contact's ARN when editing (the alias can't change). */
  arn: z.string(),
  alias: z.string(),
  displayName: z.string(),
  channels: z.array(channel),
  stages: z.array(stage),
};

export type ContactFormValues = z.input<z.ZodObject<typeof fields>>;
export type ChannelFormValues = ContactFormValues["channels"][number];
export type StageFormValues = ContactFormValues["stages"][number];

/** The model's range of a shape (minutes), for the inputs' min/max and their hints. */
function range(name: string): { min: number; max: number } {
  const { min } = shape("ssm-contacts", name);
  if (min === undefined) throw new Error(`ssm-contacts gives ${name} no min`);
  return { min, max: maxOf("ssm-contacts", name) };
}

/** A stage's duration (Stage.DurationInMinutes), shared by contacts' and escalation plans' stages. */
export const STAGE_DURATION_MINUTES = range("StageDurationInMins");
/** A channel target's retry interval (ChannelTargetInfo.RetryIntervalInMinutes). */
export const RETRY_INTERVAL_MINUTES = range("RetryIntervalInMinutes");

export const emptyContactForm: ContactFormValues = { arn: "", alias: "", displayName: "", channels: [], stages: [] };

/** "5" → 5; "" → undefined; anything that isn't a whole number → NaN (reported by wholeMinutes). */
export function minutes(value: string): number | undefined {
  const v = value.trim();
  if (!v) return undefined;
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

/** The engagement plan, with channel ARNs from `arnOf` (the form's keys → real ARNs on the server). */
export function toPlan(stages: StageFormValues[], arnOf: (key: string) => string | undefined): NonNullable<CreateContactCommandInput["Plan"]> {
  return {
    Stages: stages.map((s) => ({
      DurationInMinutes: minutes(s.duration)!,
      Targets: s.targets.map((t) => ({
        ChannelTargetInfo: { ContactChannelId: arnOf(t.channelKey)!, RetryIntervalInMinutes: minutes(t.retry) },
      })),
    })),
  };
}

export function toCreateContactInput(v: ContactFormValues, arnOf: (key: string) => string | undefined): CreateContactCommandInput {
  return { Alias: v.alias.trim(), DisplayName: optional(v.displayName), Type: "PERSONAL", Plan: toPlan(v.stages, arnOf) };
}

export function toCreateChannelInput(contactArn: string, c: ChannelFormValues): CreateContactChannelCommandInput {
  return { ContactId: contactArn, Name: c.name.trim(), Type: c.type, DeliveryAddress: { SimpleAddress: c.address.trim() } };
}

type Issue = { path: (string | number)[]; message: string };

/** Where a CreateContactInput member path lands on the form (`Plan.Stages[1].Targets[0]...`). */
export function contactPlanField(memberPath: string): (string | number)[] | undefined {
  if (memberPath === "Alias") return ["alias"];
  if (memberPath === "DisplayName") return ["displayName"];
  const stage = /^Plan\.Stages\[(\d+)\](.*)$/.exec(memberPath);
  if (!stage) return undefined;
  const [, i, rest] = stage;
  if (rest === ".DurationInMinutes") return ["stages", Number(i), "duration"];
  const target = /^\.Targets\[(\d+)\](.*)$/.exec(rest);
  if (!target) return ["stages", Number(i), "duration"];
  const [, j, member] = target;
  return ["stages", Number(i), "targets", Number(j), member.endsWith("RetryIntervalInMinutes") ? "retry" : "channelKey"];
}

/** Where a CreateContactChannelInput member path of channel `i` lands. */
export function channelField(i: number, memberPath: string): (string | number)[] | undefined {
  if (memberPath === "Name") return ["channels", i, "name"];
  if (memberPath.startsWith("DeliveryAddress")) return ["channels", i, "address"];
  if (memberPath === "Type") return ["channels", i, "type"];
  return undefined;
}

/** Every rule of the form: the model's, the addresses' (reference text), and the form's own. */
export function contactFormIssues(v: ContactFormValues): Issue[] {
  const issues: Issue[] = [];
  const keys = new Set(v.channels.map((c) => c.key));
  const input = toCreateContactInput(v, (key) => (keys.has(key) ? PLACEHOLDER_ARN : undefined));
  for (const p of shapeProblems("ssm-contacts", "CreateContactRequest", input)) {
    const path = contactPlanField(p.name);
    if (path) issues.push({ path, message: fieldMessage(p.message) });
  }
  v.stages.forEach((s, i) => {
    if (Number.isNaN(minutes(s.duration))) issues.push({ path: ["stages", i, "duration"], message: "Must be a whole number of minutes." });
    s.targets.forEach((t, j) => {
      if (Number.isNaN(minutes(t.retry))) issues.push({ path: ["stages", i, "targets", j, "retry"], message: "Must be a whole number of minutes." });
    });
  });
  v.channels.forEach((c, i) => {
    for (const p of shapeProblems("ssm-contacts", "CreateContactChannelRequest", toCreateChannelInput(PLACEHOLDER_ARN, c))) {
      const path = channelField(i, p.name);
      if (path) issues.push({ path, message: fieldMessage(p.message) });
    }
    const address = c.address.trim();
    const problem = address ? addressProblem(c.type, address) : undefined;
    if (problem) issues.push({ path: ["channels", i, "address"], message: fieldMessage(problem) });
  });
  // Numbers that aren't whole would also break the model's integer rules: say it once.
  return dedupe(issues);
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Map<string, Issue>();
  for (const issue of issues) {
    const key = issue.path.join(".");
    // The form's own "whole number" message wins over the model's NaN complaint.
    if (!seen.has(key) || issue.message.startsWith("Must be a whole number")) seen.set(key, issue);
  }
  return [...seen.values()];
}

export const contactFormSchema = z.object(fields).superRefine((values, ctx) => {
  for (const issue of contactFormIssues(values)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});

/**
 * A save of the contact form as the actions take it: the form's values and the save's request id
 * (lib/console/contacts/save-contact.ts makes the calls' idempotency tokens of it).
 */
export const contactSaveSchema = contactFormSchema.and(z.object({ requestId: z.string().regex(REQUEST_ID_PATTERN, "Not a request id") }));

/** The form's field names (react-hook-form paths) for its current values: where server errors may land. */
export function contactFieldNames(v: ContactFormValues): string[] {
  return [
    "alias",
    "displayName",
    ...v.channels.flatMap((_, i) => [`channels.${i}.name`, `channels.${i}.address`, `channels.${i}.type`]),
    ...v.stages.flatMap((s, i) => [`stages.${i}.duration`, ...s.targets.flatMap((_, j) => [`stages.${i}.targets.${j}.retry`, `stages.${i}.targets.${j}.channelKey`])]),
  ];
}

/** Which channel, and the contact's alias (the page to refresh). */
export const channelRefSchema = z.object({ channelArn: z.string().min(1), alias: z.string() });

/** The activation code form: six to ten digits (the model's ActivationCode). */
export const activationCodeSchema = channelRefSchema.extend({ code: z.string() }).superRefine((v, ctx) => {
  for (const p of shapeProblems("ssm-contacts", "ActivateContactChannelRequest", { ContactChannelId: v.channelArn, ActivationCode: v.code.trim() })) {
    if (p.name === "ActivationCode") ctx.addIssue({ code: "custom", path: ["code"], message: fieldMessage(p.message) });
  }
});

/**
 * A contact, engagement or page ARN an action is given (ContactId, EngagementId and PageId are
 * SsmContactsArn). An incident's ARN given beside them is held to the same bound; the calls that
 * take it check it against their own member.
 */
export const contactsArn = z.string().trim().min(1, "Required.").max(maxOf("ssm-contacts", "SsmContactsArn"));

/** The personal contact a user is linked to, or "" to unlink; the link is checked with GetContact. */
export const linkedContactArn = z.string().trim().max(memberMax("ssm-contacts", "GetContactRequest", "ContactId"));

// CreateResponsePlan, GetResponsePlan, ListResponsePlans, UpdateResponsePlan, DeleteResponsePlan.
import type * as I from "@aws-sdk/client-ssm-incidents";
import type { Prisma, Tx } from "@/lib/db/client";
import type * as M from "@/lib/db/generated/sqlite/models";
import type { Out } from "../../contract";
import { conflict, notFound, validation } from "../../errors";
import { incidentsArn, newId } from "@/lib/im/arns";
import type { LocalContext } from "../context";
import { idempotent } from "../idempotency";
import { fromJson, toJson } from "../json";
import { decodeCursor, page } from "../pagination";
import { toResponsePlanSummary } from "./records";
import { deleteTagsOf } from "../tags";
import { addTags } from "./tags";

type PlanRow = M.ResponsePlanModel & {
  engagements: M.ResponsePlanEngagementModel[];
  actions: M.ResponsePlanActionModel[];
  integrations: M.ResponsePlanIntegrationModel[];
};

const planInclude = {
  engagements: { orderBy: { position: "asc" } },
  actions: { orderBy: { position: "asc" } },
  integrations: { orderBy: { position: "asc" } },
} as const;

/** The plan's engagements as rows, each contact or escalation plan once, in the caller's order. */
function engagementRows(engagements: string[] | undefined) {
  return [...new Set(engagements ?? [])].map((contactArn, position) => ({ id: newId(), position, contactArn }));
}

/** The plan's runbook actions as rows (ssmAutomation is the only kind the model has). */
function actionRows(actions: I.Action[] | undefined) {
  return (actions ?? []).flatMap((a, position) =>
    a.ssmAutomation
      ? [
          {
            id: newId(),
            position,
            type: "ssmAutomation",
            documentName: a.ssmAutomation.documentName!,
            documentVersion: a.ssmAutomation.documentVersion ?? null,
            roleArn: a.ssmAutomation.roleArn!,
            targetAccount: a.ssmAutomation.targetAccount ?? null,
            parameters: toJson(a.ssmAutomation.parameters),
            dynamicParameters: toJson(a.ssmAutomation.dynamicParameters),
          },
        ]
      : [],
  );
}

/** The plan's third-party integrations as rows (pagerDutyConfiguration is the only kind). */
function integrationRows(integrations: I.Integration[] | undefined) {
  return (integrations ?? []).flatMap((i, position) =>
    i.pagerDutyConfiguration
      ? [
          {
            id: newId(),
            position,
            type: "pagerDutyConfiguration",
            name: i.pagerDutyConfiguration.name!,
            secretId: i.pagerDutyConfiguration.secretId!,
            serviceId: i.pagerDutyConfiguration.pagerDutyIncidentConfiguration!.serviceId!,
          },
        ]
      : [],
  );
}

/** A chat channel as stored: the `empty` member means "no chat channel" (reference: ChatChannel). */
function chatChannelJson(chatChannel: I.ChatChannel | undefined): string | null {
  return chatChannel && !chatChannel.empty ? toJson(chatChannel) : null;
}

export async function createResponsePlan(
  ctx: LocalContext,
  input: I.CreateResponsePlanCommandInput,
): Promise<Out<I.CreateResponsePlanCommandOutput>> {
  return idempotent(ctx, { service: "ssm-incidents", operation: "CreateResponsePlan", token: input.clientToken, tokenField: "clientToken" }, input, async (tx) => {
    const name = input.name!;
    const arn = incidentsArn.responsePlan(ctx, name);
    if (await tx.responsePlan.findUnique({ where: { name }, select: { id: true } })) {
      throw conflict("RESPONSE_PLAN", arn, `A response plan named ${name} already exists`);
    }
    const t = input.incidentTemplate!;
    const id = newId();
    await tx.responsePlan.create({
      data: {
        id,
        arn,
        name,
        displayName: input.displayName ?? null,
        createdAt: ctx.clock.now(),
        title: t.title!,
        impact: t.impact!,
        summary: t.summary ?? null,
        dedupeString: t.dedupeString ?? null,
        incidentTags: toJson(t.incidentTags),
        notificationTargets: toJson(t.notificationTargets),
        chatChannel: chatChannelJson(input.chatChannel),
        engagements: { create: engagementRows(input.engagements) },
        actions: { create: actionRows(input.actions) },
        integrations: { create: integrationRows(input.integrations) },
      },
    });
    await addTags(tx, arn, input.tags);
    return { arn };
  });
}

export function toResponsePlan(row: PlanRow): Out<I.GetResponsePlanCommandOutput> {
  return {
    arn: row.arn,
    name: row.name,
    displayName: row.displayName ?? undefined,
    incidentTemplate: {
      title: row.title,
      impact: row.impact,
      summary: row.summary ?? undefined,
      dedupeString: row.dedupeString ?? undefined,
      incidentTags: fromJson<Record<string, string>>(row.incidentTags),
      notificationTargets: fromJson<I.NotificationTargetItem[]>(row.notificationTargets),
    },
    chatChannel: fromJson<I.ChatChannel>(row.chatChannel),
    engagements: row.engagements.map((e) => e.contactArn),
    actions: row.actions.map((a) => ({
      ssmAutomation: {
        documentName: a.documentName,
        documentVersion: a.documentVersion ?? undefined,
        roleArn: a.roleArn,
        targetAccount: (a.targetAccount ?? undefined) as I.SsmTargetAccount | undefined,
        parameters: fromJson<Record<string, string[]>>(a.parameters),
        dynamicParameters: fromJson<Record<string, I.DynamicSsmParameterValue>>(a.dynamicParameters),
      },
    })),
    integrations: row.integrations.map((i) => ({
      pagerDutyConfiguration: { name: i.name, secretId: i.secretId, pagerDutyIncidentConfiguration: { serviceId: i.serviceId } },
    })),
  };
}

export async function findResponsePlan(ctx: LocalContext | { db: Tx }, arn: string): Promise<PlanRow> {
  const row = await ctx.db.responsePlan.findUnique({ where: { arn }, include: planInclude });
  if (!row) throw notFound("RESPONSE_PLAN", arn, `Response plan ${arn} does not exist`);
  return row;
}

export async function getResponsePlan(
  ctx: LocalContext,
  input: I.GetResponsePlanCommandInput,
): Promise<Out<I.GetResponsePlanCommandOutput>> {
  return toResponsePlan(await findResponsePlan(ctx, input.arn!));
}

export async function listResponsePlans(
  ctx: LocalContext,
  input: I.ListResponsePlansCommandInput,
): Promise<Out<I.ListResponsePlansCommandOutput>> {
  const limit = input.maxResults ?? 100;
  const cursor = decodeCursor(input.nextToken);
  const rows = await ctx.db.responsePlan.findMany({
    where: cursor
      ? {
          OR: [
            { createdAt: { lt: new Date(Number(cursor.k)) } },
            { createdAt: new Date(Number(cursor.k)), id: { lt: cursor.id } },
          ],
        }
      : undefined,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const { items, nextToken } = page(rows, limit, (r) => r.createdAt.getTime());
  return { responsePlanSummaries: items.map(toResponsePlanSummary), nextToken };
}

export async function updateResponsePlan(
  ctx: LocalContext,
  input: I.UpdateResponsePlanCommandInput,
): Promise<Out<I.UpdateResponsePlanCommandOutput>> {
  return idempotent(ctx, { service: "ssm-incidents", operation: "UpdateResponsePlan", token: input.clientToken, tokenField: "clientToken" }, input, async (tx) => {
    const arn = input.arn!;
    const plan = await tx.responsePlan.findUnique({ where: { arn }, select: { id: true } });
    if (!plan) throw notFound("RESPONSE_PLAN", arn, `Response plan ${arn} does not exist`);
    // A member left out keeps its value; a member given replaces it. An empty string, list or map
    // clears what it stands for, and the `empty` chat channel removes the chat channel (reference:
    // UpdateResponsePlan, chatChannel "Use the empty structure to remove the chat channel").
    const data: Prisma.ResponsePlanUpdateInput = {};
    if (input.displayName !== undefined) data.displayName = input.displayName || null;
    if (input.incidentTemplateTitle !== undefined) {
      // The template's title is required (reference: IncidentTemplate, title "Required: Yes"): every
      // incident the plan starts takes it, so it can be changed but not blanked.
      if (!input.incidentTemplateTitle.trim()) {
        throw validation("The incident template's title can't be empty", [{ name: "incidentTemplateTitle", message: "Must not be empty" }]);
      }
      data.title = input.incidentTemplateTitle;
    }
    if (input.incidentTemplateImpact !== undefined) data.impact = input.incidentTemplateImpact;
    if (input.incidentTemplateSummary !== undefined) data.summary = input.incidentTemplateSummary || null;
    if (input.incidentTemplateDedupeString !== undefined) data.dedupeString = input.incidentTemplateDedupeString || null;
    if (input.incidentTemplateNotificationTargets !== undefined) data.notificationTargets = toJson(input.incidentTemplateNotificationTargets);
    // The tags StartIncident gives each new incident; the map replaces the template's (TagMapUpdate
    // allows 0 entries, which clears them). Tags of the plan itself are TagResource's business.
    if (input.incidentTemplateTags !== undefined) data.incidentTags = toJson(input.incidentTemplateTags);
    if (input.chatChannel !== undefined) data.chatChannel = chatChannelJson(input.chatChannel);
    if (input.engagements !== undefined) data.engagements = { deleteMany: {}, create: engagementRows(input.engagements) };
    if (input.actions !== undefined) data.actions = { deleteMany: {}, create: actionRows(input.actions) };
    if (input.integrations !== undefined) data.integrations = { deleteMany: {}, create: integrationRows(input.integrations) };
    if (Object.keys(data).length) await tx.responsePlan.update({ where: { id: plan.id }, data });
    return {};
  });
}

export async function deleteResponsePlan(
  ctx: LocalContext,
  input: I.DeleteResponsePlanCommandInput,
): Promise<Out<I.DeleteResponsePlanCommandOutput>> {
  const arn = input.arn!;
  return ctx.db.$transaction(async (tx) => {
    // The model marks DeleteResponsePlan idempotent and lists no ResourceNotFoundException: deleting
    // a plan that is already gone succeeds. Its incidents stay, still naming the plan's ARN (the
    // relation is SetNull); its engagements, actions and integrations go with it (cascade), and so
    // do its tags and resource policies, which belong to nothing else.
    await tx.responsePlan.deleteMany({ where: { arn } });
    await tx.resourcePolicy.deleteMany({ where: { resourceArn: arn } });
    await deleteTagsOf(tx, [arn]);
    return {};
  });
}

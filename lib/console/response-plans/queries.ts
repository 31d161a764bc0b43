// Response plan reads for server components and GET route handlers, as the signed-in user.
import "server-only";
import type { ContactType } from "@/lib/console/contacts/dto";
import { withServices, type ServiceContext } from "@/lib/console/core/safe-action";
import { toResponsePlanRow, type ResponsePlanOption, type ResponsePlanRow } from "@/lib/console/response-plans/dto";
import { aliasFromContactArn } from "@/lib/console/contacts/paths";
import { isImError, notFound } from "@/lib/im/errors";
import type { EngagementTargetView, ResponsePlanDetail, ResponsePlanListRow } from "./dto";

// Lists stop here: the start-incident dialog fetches each plan's template, and beyond this many
// plans a search box is the better answer than a longer list.
const MAX_PLANS = 200;

async function* plans({ im }: ServiceContext): AsyncGenerator<ResponsePlanRow> {
  let nextToken: string | undefined;
  do {
    const out = await im.incidents.listResponsePlans({ maxResults: 100, nextToken });
    yield* (out.responsePlanSummaries ?? []).map(toResponsePlanRow);
    nextToken = out.nextToken;
  } while (nextToken);
}

async function allPlans(ctx: ServiceContext): Promise<ResponsePlanRow[]> {
  const rows: ResponsePlanRow[] = [];
  for await (const plan of plans(ctx)) {
    rows.push(plan);
    if (rows.length >= MAX_PLANS) break;
  }
  return rows;
}

export function listResponsePlans() {
  return withServices("listResponsePlans", "plans.read", allPlans);
}

/** The plan's tags, or the error that kept them from being read (shown instead of failing the page). */
async function planTags({ im }: ServiceContext, arn: string): Promise<ResponsePlanDetail["tags"]> {
  try {
    const out = await im.incidents.listTagsForResource({ resourceArn: arn });
    return { ok: true, data: out.tags ?? {} };
  } catch (e) {
    if (!isImError(e)) throw e;
    return { ok: false, error: { name: e.code, message: e.message } };
  }
}

/** The Response plans list: each plan with its impact, how many it engages, and its tags. */
export function listResponsePlanRows() {
  return withServices("listResponsePlanRows", "plans.read", async (ctx): Promise<ResponsePlanListRow[]> => {
    const plans = await allPlans(ctx);
    return Promise.all(
      plans.map(async (p) => {
        const [plan, tags] = await Promise.all([ctx.im.incidents.getResponsePlan({ arn: p.arn }), planTags(ctx, p.arn)]);
        return { ...p, impact: plan.incidentTemplate?.impact, engagementCount: plan.engagements?.length ?? 0, tags: tags.ok ? tags.data : null };
      }),
    );
  });
}

/** Every plan with its template's title and impact, for choosing one to start an incident from. */
export function listResponsePlanOptions() {
  return withServices("listResponsePlanOptions", "plans.read", async (ctx): Promise<ResponsePlanOption[]> => {
    const plans = await allPlans(ctx);
    return Promise.all(
      plans.map(async (p) => {
        const plan = await ctx.im.incidents.getResponsePlan({ arn: p.arn });
        return {
          ...p,
          title: plan.incidentTemplate?.title ?? "",
          impact: plan.incidentTemplate?.impact ?? 5,
          summary: plan.incidentTemplate?.summary,
          engagements: plan.engagements ?? [],
        };
      }),
    );
  });
}

/** Who an engagement ARN is: alias, name and type from GetContact, or the alias in the ARN. */
async function engagementTarget({ im }: ServiceContext, arn: string): Promise<EngagementTargetView> {
  try {
    const c = await im.contacts.getContact({ ContactId: arn });
    return { arn, alias: c.Alias ?? aliasFromContactArn(arn), displayName: c.DisplayName || undefined, type: c.Type as ContactType | undefined };
  } catch (e) {
    if (!isImError(e)) throw e;
    return { arn, alias: aliasFromContactArn(arn) };
  }
}

/** A plan by name: its ARN comes from the list, so this works whichever account the backend is. */
export function getResponsePlanByName(name: string) {
  return withServices("getResponsePlanByName", "plans.read", async (ctx): Promise<ResponsePlanDetail> => {
    for await (const plan of plans(ctx)) {
      if (plan.name !== name) continue;
      const [detail, tags] = await Promise.all([ctx.im.incidents.getResponsePlan({ arn: plan.arn }), planTags(ctx, plan.arn)]);
      const engagementTargets = await Promise.all((detail.engagements ?? []).map((arn) => engagementTarget(ctx, arn)));
      return { ...detail, tags, engagementTargets };
    }
    throw notFound("RESPONSE_PLAN", name, `Response plan ${name} does not exist`);
  });
}

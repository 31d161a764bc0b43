// Response plan reads for server components and GET route handlers, as the signed-in user.
import "server-only";
import type { GetResponsePlanCommandOutput } from "@aws-sdk/client-ssm-incidents";
import { withServices, type ServiceContext } from "@/lib/actions/safe-action";
import type { Out } from "@/lib/im/contract";
import { isImError, notFound } from "@/lib/im/errors";
import type { ActionError } from "@/lib/actions/result";
import { toResponsePlanRow, type ResponsePlanOption, type ResponsePlanRow } from "./dto";

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

export type ResponsePlanDetail = Out<GetResponsePlanCommandOutput> & {
  /** The plan's tags, or why they can't be shown (a backend without ListTagsForResource yet). */
  tags: { ok: true; data: Record<string, string> } | { ok: false; error: ActionError };
};

/** A plan by name: its ARN comes from the list, so this works whichever account the backend is. */
export function getResponsePlanByName(name: string) {
  return withServices("getResponsePlanByName", "plans.read", async (ctx): Promise<ResponsePlanDetail> => {
    for await (const plan of plans(ctx)) {
      if (plan.name !== name) continue;
      const [detail, tags] = await Promise.all([
        ctx.im.incidents.getResponsePlan({ arn: plan.arn }),
        ctx.im.incidents.listTagsForResource({ resourceArn: plan.arn }).then(
          (out) => ({ ok: true as const, data: out.tags ?? {} }),
          (e: unknown) => {
            if (!isImError(e)) throw e;
            return { ok: false as const, error: { name: e.code, message: e.message } };
          },
        ),
      ]);
      return { ...detail, tags };
    }
    throw notFound("RESPONSE_PLAN", name, `Response plan ${name} does not exist`);
  });
}

// Incident reads for server components and GET route handlers, as the signed-in user: the
// incidents list (with engagement counts and title search), one incident, its tags (Properties
// tab), and its runbook (the Runbook tab: the response plan's SSM Automation action and what ran
// for this incident — the record's automationExecutions and its AUTOMATION related items).
import "server-only";
import type { Filter, IncidentRecordSummary } from "@aws-sdk/client-ssm-incidents";
import { LRUCache } from "lru-cache";
import { config } from "@/lib/config";
import { db } from "@/lib/db/client";
import { withServices, type ServiceContext } from "@/lib/console/core/safe-action";
import type { Tag } from "@/lib/console/tags/dto";
import { principalArn } from "@/lib/im/arns";
import { isImError, notFound } from "@/lib/im/errors";
import { engagementCountsByIncident } from "@/lib/im/local/contacts/engagement-counts";
import { incidentArnFor } from "./arn-prefix";
import { liveBus } from "@/lib/live";
import { isMutation } from "@/lib/live/events";
import { toIncidentDetail, toIncidentRow, type EngagementCounts, type IncidentPage, type RunbookView } from "./dto";
import { CREATED_SINCE, type IncidentListFilter } from "./filters";
import { planArnFromIncidentArn, planNameFromIncidentArn } from "./paths";
import { searchIncidents } from "./search";

export const INCIDENTS_PAGE_SIZE = 20;

/** The list's filters as ListIncidentRecords filters (every one the API has: status, impact, createdBy, creationTime). */
export function toRecordFilters(filter: IncidentListFilter, now = Date.now()): Filter[] {
  const filters: Filter[] = [{ key: "status", condition: { equals: { stringValues: [filter.status] } } }];
  if (filter.impacts.length) filters.push({ key: "impact", condition: { equals: { integerValues: filter.impacts } } });
  if (filter.createdBy) {
    // A bare e-mail names a console user: the local model records them as an IAM user ARN
    // (lib/im/arns.ts). Against AWS, the IAM principal's ARN is given as it is.
    const who = filter.createdBy.startsWith("arn:") ? filter.createdBy : principalArn(config().accountId, filter.createdBy);
    filters.push({ key: "createdBy", condition: { equals: { stringValues: [who] } } });
  }
  if (filter.since) filters.push({ key: "creationTime", condition: { after: new Date(now - CREATED_SINCE[filter.since].ms) } });
  // A custom range is two creationTime filters (a Condition holds one of before / after / equals).
  if (filter.from) filters.push({ key: "creationTime", condition: { after: new Date(`${filter.from}T00:00:00Z`) } });
  if (filter.to) filters.push({ key: "creationTime", condition: { before: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) } });
  return filters;
}

/**
 * In aws mode a count costs 1 + (engagements) AWS calls per incident, on every load of the list
 * (and the console polls every 10 s there): counts are kept 30 s per incident, so a page of 20
 * incidents costs AWS nothing on most refreshes. A change to engagements or pages made through a
 * console (any instance: the live bus) forgets them all at once; changes made elsewhere (the AWS
 * CLI, AWS's console) show within 30 s. Local mode reads its own database: always exact.
 */
export const AWS_ENGAGEMENT_COUNTS_TTL_MS = 30_000;
// One cache per process, and the bus listener that clears it: kept on globalThis so that every
// copy of this module the bundler makes shares them (as the live bus itself does).
const globalForCounts = globalThis as unknown as { imAwsEngagementCounts?: LRUCache<string, EngagementCounts> };

function awsCountsCache(): LRUCache<string, EngagementCounts> {
  if (!globalForCounts.imAwsEngagementCounts) {
    const cache = new LRUCache<string, EngagementCounts>({ max: 5_000, ttl: AWS_ENGAGEMENT_COUNTS_TTL_MS });
    liveBus().subscribe((event) => {
      if (event.service === "ssm-contacts" && isMutation(event.operation)) cache.clear();
    });
    globalForCounts.imAwsEngagementCounts = cache;
  }
  return globalForCounts.imAwsEngagementCounts;
}

/**
 * For each incident, how many contacts and escalation plans were engaged (ListEngagements by
 * IncidentId) and how many of those engagements were acknowledged (a page with a ReadTime). The
 * contract's own reads, so AWS answers it too; one incident's failure leaves its cell empty.
 */
async function engagementCounts(ctx: ServiceContext, incidentArn: string): Promise<EngagementCounts | null> {
  const cache = config().backend === "aws" ? awsCountsCache() : undefined;
  const kept = cache?.get(incidentArn);
  if (kept) return kept;
  try {
    const engagements = [];
    let token: string | undefined;
    do {
      const out = await ctx.im.contacts.listEngagements({ IncidentId: incidentArn, MaxResults: 100, NextToken: token });
      engagements.push(...(out.Engagements ?? []));
      token = out.NextToken;
    } while (token);
    const acked = await Promise.all(
      engagements.map(async (e) => {
        const { Pages } = await ctx.im.contacts.listPagesByEngagement({ EngagementId: e.EngagementArn, MaxResults: 100 });
        return (Pages ?? []).some((p) => p.ReadTime);
      }),
    );
    const counts = { engaged: engagements.length, acknowledged: acked.filter(Boolean).length };
    cache?.set(incidentArn, counts);
    return counts;
  } catch (e) {
    console.error(`[listIncidents] engagements of ${incidentArn}`, e);
    return null;
  }
}

/**
 * The same counts in local mode, from the console's own database in one statement for the page
 * (lib/im/local/contacts/engagement-counts.ts) instead of a contract call per incident and per
 * engagement. A failure leaves the cells empty, as one incident's failure does above.
 */
async function localEngagementCounts(incidentArns: string[]): Promise<(EngagementCounts | null)[]> {
  try {
    const counts = await engagementCountsByIncident(db(), incidentArns);
    return incidentArns.map((arn) => counts.get(arn) ?? null);
  } catch (e) {
    console.error("[listIncidents] engagement counts", e);
    return incidentArns.map(() => null);
  }
}

export function listIncidents(filter: IncidentListFilter, nextToken?: string) {
  return withServices("listIncidents", "incidents.read", async (ctx): Promise<IncidentPage> => {
    const filters = toRecordFilters(filter);
    let summaries: IncidentRecordSummary[];
    let next: string | undefined;
    if (filter.q) {
      const out = await searchIncidents(ctx.im.incidents, filters, filter.q, nextToken, { pageSize: INCIDENTS_PAGE_SIZE });
      summaries = out.found;
      next = out.nextToken;
    } else {
      const out = await ctx.im.incidents.listIncidentRecords({ filters, maxResults: INCIDENTS_PAGE_SIZE, nextToken: nextToken || undefined });
      summaries = out.incidentRecordSummaries ?? [];
      next = out.nextToken;
    }
    const counts = config().backend === "local" ? await localEngagementCounts(summaries.map((s) => s.arn!)) : await Promise.all(summaries.map((s) => engagementCounts(ctx, s.arn!)));
    return { items: summaries.map((s, i) => ({ ...toIncidentRow(s), engagements: counts[i] })), nextToken: next };
  });
}

export function getIncident(arn: string) {
  return withServices("getIncident", "incidents.read", async ({ im }) => {
    const { incidentRecord } = await im.incidents.getIncidentRecord({ arn });
    return toIncidentDetail(incidentRecord!);
  });
}

/** The incident at `/incidents/<plan>/<id>` (paths.ts, incidentPath). */
export function getIncidentByPath(plan: string, id: string) {
  return withServices("getIncidentByPath", "incidents.read", async (ctx) => {
    const arn = await incidentArnFor(ctx, plan, id);
    if (!arn) throw notFound("INCIDENT_RECORD", `${plan}/${id}`, `Incident ${plan}/${id} does not exist`);
    const { incidentRecord } = await ctx.im.incidents.getIncidentRecord({ arn });
    return toIncidentDetail(incidentRecord!);
  });
}


export function getIncidentTags(arn: string) {
  return withServices("getIncidentTags", "incidents.read", async ({ im }): Promise<Tag[]> => {
    const { tags } = await im.incidents.listTagsForResource({ resourceArn: arn });
    return Object.entries(tags ?? {})
      .map(([key, value]) => ({ key, value }))
      .sort((a, b) => a.key.localeCompare(b.key));
  });
}

export function getRunbook(incidentArn: string) {
  return withServices("getRunbook", "incidents.read", async ({ im }): Promise<RunbookView> => {
    const { incidentRecord } = await im.incidents.getIncidentRecord({ arn: incidentArn });
    const planArn = planArnFromIncidentArn(incidentArn);
    // The plan may have been deleted since the incident started: the executions still show.
    const plan = planArn
      ? await im.incidents.getResponsePlan({ arn: planArn }).catch((e: unknown) => {
          if (isImError(e) && e.code === "ResourceNotFoundException") return null;
          throw e;
        })
      : null;
    const items = [];
    let nextToken: string | undefined;
    do {
      const out = await im.incidents.listRelatedItems({ incidentRecordArn: incidentArn, maxResults: 100, nextToken });
      items.push(...(out.relatedItems ?? []).filter((i) => i.identifier?.type === "AUTOMATION"));
      nextToken = out.nextToken;
    } while (nextToken);
    return {
      planName: planNameFromIncidentArn(incidentArn),
      planFound: !!plan,
      actions: (plan?.actions ?? []).flatMap((a) =>
        a.ssmAutomation
          ? [
              {
                documentName: a.ssmAutomation.documentName ?? "",
                documentVersion: a.ssmAutomation.documentVersion,
                roleArn: a.ssmAutomation.roleArn ?? "",
                targetAccount: a.ssmAutomation.targetAccount,
                parameters: a.ssmAutomation.parameters ?? {},
                dynamicParameters: Object.fromEntries(Object.entries(a.ssmAutomation.dynamicParameters ?? {}).map(([k, v]) => [k, v.variable ?? ""])),
              },
            ]
          : [],
      ),
      executions: (incidentRecord?.automationExecutions ?? []).map((e) => e.ssmExecutionArn ?? "").filter(Boolean),
      automationItems: items.map((i) => ({ title: i.title, arn: i.identifier?.value?.arn, url: i.identifier?.value?.url })),
    };
  });
}

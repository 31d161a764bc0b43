// Incident reads for server components and GET route handlers, as the signed-in user.
import "server-only";
import type { Filter, IncidentRecordSummary } from "@aws-sdk/client-ssm-incidents";
import { withServices, type ServiceContext } from "@/lib/actions/safe-action";
import { config } from "@/lib/config";
import { validation } from "@/lib/im/errors";
import { principalArn } from "@/lib/im/local/arns";
import { toIncidentDetail, toIncidentRow, type EngagementCounts, type IncidentPage, type IncidentStatus } from "./dto";
import { CREATED_SINCE, type IncidentListFilter } from "./incident-filters";

export const INCIDENTS_PAGE_SIZE = 20;
/** A title search reads at most this many records per request before it answers with what it found. */
const SEARCH_SCAN_LIMIT = 1000;
const SEARCH_BATCH = 100;

export function parseIncidentStatus(value: unknown): IncidentStatus {
  return value === "RESOLVED" ? "RESOLVED" : "OPEN";
}

/** The list's filters as ListIncidentRecords filters (every one the API has: status, impact, createdBy, creationTime). */
export function toRecordFilters(filter: IncidentListFilter, now = Date.now()): Filter[] {
  const filters: Filter[] = [{ key: "status", condition: { equals: { stringValues: [filter.status] } } }];
  if (filter.impacts.length) filters.push({ key: "impact", condition: { equals: { integerValues: filter.impacts } } });
  if (filter.createdBy) {
    // A bare e-mail names a console user: the local model records them as an IAM user ARN
    // (lib/im/local/arns.ts). Against AWS, the IAM principal's ARN is given as it is.
    const who = filter.createdBy.startsWith("arn:") ? filter.createdBy : principalArn(config().accountId, filter.createdBy);
    filters.push({ key: "createdBy", condition: { equals: { stringValues: [who] } } });
  }
  if (filter.since) filters.push({ key: "creationTime", condition: { after: new Date(now - CREATED_SINCE[filter.since].ms) } });
  return filters;
}

/**
 * A title search's position: the API token of the batch it was reading and how many records of
 * that batch were already looked at. Opaque to the browser.
 */
type SearchCursor = { t?: string; skip: number };

function encodeSearchCursor(c: SearchCursor): string {
  return `s.${Buffer.from(JSON.stringify(c), "utf8").toString("base64url")}`;
}

function decodeSearchCursor(token: string | undefined): SearchCursor {
  if (!token) return { skip: 0 };
  try {
    if (!token.startsWith("s.")) throw new Error("not a search token");
    const c = JSON.parse(Buffer.from(token.slice(2), "base64url").toString("utf8")) as SearchCursor;
    if (Number.isInteger(c.skip) && c.skip >= 0 && (c.t === undefined || typeof c.t === "string")) return c;
  } catch {}
  throw validation("The nextToken is not valid for this search: start the search again", [{ name: "nextToken", message: "Invalid pagination token" }]);
}

/**
 * ListIncidentRecords has no title filter, so a title search reads the filtered records in
 * batches and keeps the matches: a page of matches, or what SEARCH_SCAN_LIMIT records held (the
 * next token then goes on from there). Works the same against the local model and AWS.
 */
async function searchIncidents(ctx: ServiceContext, filters: Filter[], q: string, nextToken: string | undefined) {
  const needle = q.toLowerCase();
  let cursor = decodeSearchCursor(nextToken);
  const found: IncidentRecordSummary[] = [];
  let scanned = 0;
  for (;;) {
    const out = await ctx.im.incidents.listIncidentRecords({ filters, maxResults: SEARCH_BATCH, nextToken: cursor.t });
    const batch = out.incidentRecordSummaries ?? [];
    for (let i = cursor.skip; i < batch.length; i++) {
      scanned++;
      if ((batch[i].title ?? "").toLowerCase().includes(needle)) found.push(batch[i]);
      if (found.length === INCIDENTS_PAGE_SIZE || scanned >= SEARCH_SCAN_LIMIT) {
        const more = i + 1 < batch.length || !!out.nextToken;
        const next = i + 1 < batch.length ? { t: cursor.t, skip: i + 1 } : { t: out.nextToken, skip: 0 };
        return { found, nextToken: more ? encodeSearchCursor(next) : undefined, scanned };
      }
    }
    if (!out.nextToken) return { found, nextToken: undefined, scanned };
    cursor = { t: out.nextToken, skip: 0 };
  }
}

/**
 * For each incident, how many contacts and escalation plans were engaged (ListEngagements by
 * IncidentId) and how many of those engagements were acknowledged (a page with a ReadTime). The
 * contract's own reads, so AWS answers it too; one incident's failure leaves its cell empty.
 */
async function engagementCounts(ctx: ServiceContext, incidentArn: string): Promise<EngagementCounts | null> {
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
    return { engaged: engagements.length, acknowledged: acked.filter(Boolean).length };
  } catch (e) {
    console.error(`[listIncidents] engagements of ${incidentArn}`, e);
    return null;
  }
}

export function listIncidents(filter: IncidentListFilter, nextToken?: string) {
  return withServices("listIncidents", "incidents.read", async (ctx): Promise<IncidentPage> => {
    const filters = toRecordFilters(filter);
    let summaries: IncidentRecordSummary[];
    let next: string | undefined;
    if (filter.q) {
      const out = await searchIncidents(ctx, filters, filter.q, nextToken);
      summaries = out.found;
      next = out.nextToken;
    } else {
      const out = await ctx.im.incidents.listIncidentRecords({ filters, maxResults: INCIDENTS_PAGE_SIZE, nextToken: nextToken || undefined });
      summaries = out.incidentRecordSummaries ?? [];
      next = out.nextToken;
    }
    const counts = await Promise.all(summaries.map((s) => engagementCounts(ctx, s.arn!)));
    return { items: summaries.map((s, i) => ({ ...toIncidentRow(s), engagements: counts[i] })), nextToken: next };
  });
}

export function getIncident(arn: string) {
  return withServices("getIncident", "incidents.read", async ({ im }) => {
    const { incidentRecord } = await im.incidents.getIncidentRecord({ arn });
    return toIncidentDetail(incidentRecord!);
  });
}

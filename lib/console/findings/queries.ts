// An incident's findings for the Findings tab, as the signed-in user: ListIncidentFindings gives
// their ids, BatchGetIncidentFindings their details, as many ids a call as the model allows.
import "server-only";
import { withServices } from "@/lib/console/core/safe-action";
import type { IncidentsService } from "@/lib/im";
import { memberMax } from "@/lib/im/model";
import { byStartTimeDesc, toFindingRow, type IncidentFindings } from "./dto";

/** The largest page ListIncidentFindings gives, and the most ids BatchGetIncidentFindings takes. */
const PAGE = memberMax("ssm-incidents", "ListIncidentFindingsInput", "maxResults");
const BATCH = memberMax("ssm-incidents", "BatchGetIncidentFindingsInput", "findingIds");
/** Findings are the changes around one incident: the tab describes this many at most, the most recently updated. */
export const MAX_FINDINGS = 200;

/**
 * The incident's findings, described, most recent change first. Every summary is listed (an id
 * and when it was last updated: a few bytes each) so that, past MAX_FINDINGS, the most recently
 * updated ones are the ones described.
 */
export async function readFindings(incidents: IncidentsService, incidentRecordArn: string): Promise<IncidentFindings> {
  const summaries: { id: string; updated: number }[] = [];
  let nextToken: string | undefined;
  do {
    const out = await incidents.listIncidentFindings({ incidentRecordArn, maxResults: PAGE, nextToken });
    for (const f of out.findings ?? []) if (f.id) summaries.push({ id: f.id, updated: f.lastModifiedTime ? new Date(f.lastModifiedTime).getTime() : 0 });
    nextToken = out.nextToken;
  } while (nextToken);
  summaries.sort((a, b) => b.updated - a.updated || a.id.localeCompare(b.id));
  const result: IncidentFindings = { findings: [], unreadable: [], truncated: summaries.length > MAX_FINDINGS };
  const wanted = summaries.slice(0, MAX_FINDINGS).map((s) => s.id);
  for (let i = 0; i < wanted.length; i += BATCH) {
    const out = await incidents.batchGetIncidentFindings({ incidentRecordArn, findingIds: wanted.slice(i, i + BATCH) });
    result.findings.push(...(out.findings ?? []).map(toFindingRow));
    result.unreadable.push(...(out.errors ?? []).map((e) => ({ findingId: e.findingId ?? "", message: e.message ?? e.code ?? "" })));
  }
  result.findings.sort(byStartTimeDesc);
  return result;
}

export function listFindings(incidentRecordArn: string) {
  return withServices("listFindings", "incidents.read", ({ im }) => readFindings(im.incidents, incidentRecordArn));
}

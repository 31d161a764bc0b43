// An incident's findings for the Findings tab, as the signed-in user: ListIncidentFindings gives
// their ids, BatchGetIncidentFindings their details, as many ids a call as the model allows.
import "server-only";
import { withServices } from "@/lib/console/core/safe-action";
import type { IncidentsService } from "@/lib/im";
import { shape } from "@/lib/im/model";
import { byStartTimeDesc, toFindingRow, type IncidentFindings } from "./dto";

/** The largest page ListIncidentFindings gives, and the most ids BatchGetIncidentFindings takes. */
const PAGE = shape("ssm-incidents", "ListIncidentFindingsInputMaxResultsInteger").max!;
const BATCH = shape("ssm-incidents", "FindingIdList").max!;
/** Findings are the changes around one incident: the tab reads this many at most. */
export const MAX_FINDINGS = 200;

/** Every finding of the incident (up to MAX_FINDINGS), described, most recent change first. */
export async function readFindings(incidents: IncidentsService, incidentRecordArn: string): Promise<IncidentFindings> {
  const ids: string[] = [];
  let nextToken: string | undefined;
  do {
    const out = await incidents.listIncidentFindings({ incidentRecordArn, maxResults: PAGE, nextToken });
    ids.push(...(out.findings ?? []).flatMap((f) => (f.id ? [f.id] : [])));
    nextToken = out.nextToken;
  } while (nextToken && ids.length < MAX_FINDINGS);
  const result: IncidentFindings = { findings: [], unreadable: [], truncated: Boolean(nextToken) || ids.length > MAX_FINDINGS };
  const wanted = ids.slice(0, MAX_FINDINGS);
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

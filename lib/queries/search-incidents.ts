// Title search over ListIncidentRecords, which has no title filter: read the filtered records in
// batches and keep the matches, a page at a time. Through the contract, so it works the same
// against the local model and AWS.
import "server-only";
import type { Filter, IncidentRecordSummary } from "@aws-sdk/client-ssm-incidents";
import type { IncidentsService } from "@/lib/im/contract";
import { validation } from "@/lib/im/errors";

export type SearchLimits = {
  pageSize: number;
  /** Records read per ListIncidentRecords call. */
  batch?: number;
  /** Records looked at per request at most: a rare title in a long history answers in steps. */
  scanLimit?: number;
};

/**
 * A search's position: the API token of the batch it was reading and how many records of that
 * batch were already looked at. Opaque to the browser ("s." + base64url JSON).
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
 * Up to `pageSize` records whose title contains `q` (case-insensitive), newest first, and a
 * token for the rest. A page may hold fewer (even none) with a token when `scanLimit` records
 * were read first; no token means there is nothing more.
 */
export async function searchIncidents(
  incidents: Pick<IncidentsService, "listIncidentRecords">,
  filters: Filter[],
  q: string,
  nextToken: string | undefined,
  { pageSize, batch = 100, scanLimit = 1000 }: SearchLimits,
): Promise<{ found: IncidentRecordSummary[]; nextToken?: string }> {
  const needle = q.toLowerCase();
  let cursor = decodeSearchCursor(nextToken);
  const found: IncidentRecordSummary[] = [];
  let scanned = 0;
  for (;;) {
    const out = await incidents.listIncidentRecords({ filters, maxResults: batch, nextToken: cursor.t });
    const records = out.incidentRecordSummaries ?? [];
    for (let i = cursor.skip; i < records.length; i++) {
      scanned++;
      if ((records[i].title ?? "").toLowerCase().includes(needle)) found.push(records[i]);
      if (found.length === pageSize || scanned >= scanLimit) {
        const restOfBatch = i + 1 < records.length;
        if (!restOfBatch && !out.nextToken) return { found };
        return { found, nextToken: encodeSearchCursor(restOfBatch ? { t: cursor.t, skip: i + 1 } : { t: out.nextToken, skip: 0 }) };
      }
    }
    if (!out.nextToken) return { found };
    cursor = { t: out.nextToken, skip: 0 };
  }
}

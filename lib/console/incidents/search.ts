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
 * A search's position: the API token of the batch it was reading, and the last record it looked at
 * (ARN and creation time). Resuming skips up to that record by identity, not by position, so
 * incidents started meanwhile (they come first, newest first) shift nothing. Opaque to the browser
 * ("s." + base64url JSON).
 */
type SearchCursor = { t?: string; after?: string; at?: number };

function encodeSearchCursor(c: SearchCursor): string {
  return `s.${Buffer.from(JSON.stringify(c), "utf8").toString("base64url")}`;
}

function decodeSearchCursor(token: string | undefined): SearchCursor {
  if (!token) return {};
  try {
    if (!token.startsWith("s.")) throw new Error("not a search token");
    const c = JSON.parse(Buffer.from(token.slice(2), "base64url").toString("utf8")) as SearchCursor;
    const ok = (c.t === undefined || typeof c.t === "string") && (c.after === undefined || (typeof c.after === "string" && Number.isFinite(c.at)));
    if (ok) return c;
  } catch {}
  throw validation("The nextToken is not valid for this search: start the search again", [{ name: "nextToken", message: "Invalid pagination token" }]);
}

const time = (r: IncidentRecordSummary) => (r.creationTime ? new Date(r.creationTime).getTime() : 0);

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
  const cursor = decodeSearchCursor(nextToken);
  let batchToken = cursor.t;
  // Until the last record seen is passed: records as new or newer were on earlier pages (or
  // started since, and belong before them).
  let skipping = cursor.after !== undefined;
  const found: IncidentRecordSummary[] = [];
  let scanned = 0;
  for (;;) {
    const out = await incidents.listIncidentRecords({ filters, maxResults: batch, nextToken: batchToken });
    const records = out.incidentRecordSummaries ?? [];
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      if (skipping) {
        if (r.arn === cursor.after) {
          skipping = false;
          continue;
        }
        if (time(r) >= cursor.at!) continue;
        skipping = false;
      }
      scanned++;
      if ((r.title ?? "").toLowerCase().includes(needle)) found.push(r);
      if (found.length === pageSize || scanned >= scanLimit) {
        if (i + 1 >= records.length && !out.nextToken) return { found };
        return { found, nextToken: encodeSearchCursor({ t: batchToken, after: r.arn, at: time(r) }) };
      }
    }
    if (!out.nextToken) return { found };
    batchToken = out.nextToken;
  }
}

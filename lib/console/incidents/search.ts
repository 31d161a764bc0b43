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
  /**
   * Records read per request at most, whatever the token says: records skipped to resume count
   * too, so a rare title in a long history (or a forged token) answers in steps.
   */
  scanLimit?: number;
};

/**
 * A search's position. Either the API token of the next batch alone (the last request stopped at
 * a batch's end), or the API token of the batch it was reading and the last record it looked at
 * in it (ARN and creation time): resuming skips up to that record by identity, not by position, so
 * incidents started meanwhile (they come first, newest first) shift nothing. Opaque to the browser
 * ("s." + base64url JSON); a forged one can only make a request skip records, never read more
 * than its scan limit.
 */
type SearchCursor = { t?: string; after?: string; at?: number };

function encodeSearchCursor(c: SearchCursor): string {
  return `s.${Buffer.from(JSON.stringify(c), "utf8").toString("base64url")}`;
}

function decodeSearchCursor(token: string | undefined): SearchCursor {
  if (!token) return {};
  try {
    if (!token.startsWith("s.")) throw new Error("not a search token");
    const c = JSON.parse(Buffer.from(token.slice(2), "base64url").toString("utf8")) as unknown;
    if (c && typeof c === "object" && !Array.isArray(c)) {
      const { t, after, at, ...rest } = c as Record<string, unknown>;
      const ok =
        Object.keys(rest).length === 0 &&
        (t === undefined || (typeof t === "string" && t.length > 0)) &&
        ((after === undefined && at === undefined) || (typeof after === "string" && typeof at === "number" && Number.isFinite(at)));
      if (ok) return { t: t as string | undefined, after: after as string | undefined, at: at as number | undefined };
    }
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
  // Every record read counts, skipped or not: the budget is this request's, not the token's.
  let read = 0;
  for (;;) {
    // Never asks for more than the budget has left, so no call reads past it. A batch is never
    // bigger than the budget either: a resumed page re-reads at most one batch up to its record,
    // which always leaves room to move on.
    const out = await incidents.listIncidentRecords({ filters, maxResults: Math.min(batch, scanLimit - read), nextToken: batchToken });
    const records = out.incidentRecordSummaries ?? [];
    read += records.length;
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
      if ((r.title ?? "").toLowerCase().includes(needle)) found.push(r);
      if (found.length === pageSize && i + 1 < records.length) {
        return { found, nextToken: encodeSearchCursor({ t: batchToken, after: r.arn, at: time(r) }) };
      }
    }
    if (!out.nextToken) return { found };
    // At a batch's end: the API's own token says where the rest starts.
    if (found.length === pageSize || read >= scanLimit) return { found, nextToken: encodeSearchCursor({ t: out.nextToken }) };
    batchToken = out.nextToken;
  }
}

// The console's own JSON, for scripts and tools without a native integration:
//   {"title": "…", "status": "firing" | "resolved", "dedupeKey": "…", "impact": 1..5,
//    "severity": "…", "summary": "…", "timestamp": "ISO 8601",
//    "links": [{"title": "…", "url": "…"} | "https://…"]}
// Only `title` is required; the rest is described in README ("Alerts in").
import { ALERT_LIMITS, isImpact } from "../limits";
import type { AlertStatus, NormalizedAlert } from "../normalized";
import {
  bodyObject,
  FINGERPRINT_MAX,
  fitSummary,
  fitTitle,
  isRecord,
  kindOf,
  optionalString,
  optionalTime,
  requiredString,
  safeLinks,
  stableHash,
  unreadable,
  wasCut,
  type LinkCandidate,
} from "./read";

export const GENERIC_SOURCE = "console.alerts.generic";

const STATUSES: Record<string, AlertStatus> = { firing: "FIRING", resolved: "RESOLVED" };

export function parseGeneric(body: unknown, receivedAt: Date): NormalizedAlert[] {
  const obj = bodyObject(body, `{"title": "…", "status": "firing"}`);
  const rawTitle = requiredString(obj, "title", "title").trim();

  const statusText = optionalString(obj, "status", "status");
  const status = statusText === undefined ? "FIRING" : STATUSES[statusText.trim().toLowerCase()];
  if (!status) unreadable(`"status" must be "firing" or "resolved"; got "${statusText!.slice(0, 40)}".`);

  const dedupeKey = optionalString(obj, "dedupeKey", "dedupeKey")?.trim();
  if (dedupeKey !== undefined && dedupeKey.length > FINGERPRINT_MAX) {
    unreadable(`"dedupeKey" must be at most ${FINGERPRINT_MAX} characters; got ${dedupeKey.length}.`);
  }

  const impact = obj.impact;
  if (impact !== undefined && impact !== null && !isImpact(impact)) {
    unreadable(`"impact" must be a whole number from ${ALERT_LIMITS.impactMin} (critical) to ${ALERT_LIMITS.impactMax} (no impact); got ${kindOf(impact)}.`);
  }

  const title = fitTitle(rawTitle);
  return [
    {
      // Without a key, the title is the alert: the same title again is the same alert.
      fingerprint: dedupeKey || stableHash(rawTitle),
      status,
      title,
      // A title cut to the model's limit is kept whole in the summary.
      summary: fitSummary([wasCut(rawTitle, title) ? rawTitle : undefined, optionalString(obj, "summary", "summary")]),
      severity: optionalString(obj, "severity", "severity")?.trim().toLowerCase(),
      impact: isImpact(impact) ? impact : undefined,
      links: safeLinks(linkCandidates(obj.links)),
      source: GENERIC_SOURCE,
      timestamp: optionalTime(obj, "timestamp", "timestamp") ?? receivedAt,
      raw: obj,
    },
  ];
}

function linkCandidates(links: unknown): LinkCandidate[] {
  if (links === undefined || links === null) return [];
  if (!Array.isArray(links)) unreadable(`"links" must be a list of {"title", "url"} objects or URLs; got ${kindOf(links)}.`);
  return Array.from(links, (l: unknown): LinkCandidate => {
    if (typeof l === "string") return { title: "", url: l };
    if (isRecord(l)) return { title: typeof l.title === "string" ? l.title : "", url: l.url };
    return { title: "", url: undefined };
  });
}

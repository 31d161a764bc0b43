// From an alert's severity to the incident's impact (1 critical … 5 no impact): the alert's own
// impact when it names a valid one (generic kind), else the integration's severity map, else the
// response plan's impact. Client-safe: the integration form suggests SUGGESTED_SEVERITY_MAPS.
import { ALERT_LIMITS, isImpact } from "./limits";
import type { AlertKind, NormalizedAlert } from "./normalized";

export function impactFor(
  alert: Pick<NormalizedAlert, "impact" | "severity">,
  severityMap: Record<string, number>,
  planImpact: number,
): number {
  if (isImpact(alert.impact)) return alert.impact;
  const severity = alert.severity?.trim().toLowerCase();
  // An own property only: a severity of "constructor" or "__proto__" maps to nothing.
  const mapped = severity && Object.hasOwn(severityMap, severity) ? severityMap[severity] : undefined;
  return isImpact(mapped) ? mapped : planImpact;
}

/**
 * The map the integration form starts with, per kind: PagerDuty's four severities, and for the
 * others the labels monitoring rules commonly use (Prometheus' `severity` label has no fixed set).
 * Impact 5 ("no impact") is left to the plan: nothing here maps to it.
 */
export const SUGGESTED_SEVERITY_MAPS: Record<AlertKind, Readonly<Record<string, number>>> = {
  ALERTMANAGER: { critical: 1, high: 2, error: 2, warning: 3, medium: 3, low: 4, info: 4 },
  GRAFANA: { critical: 1, high: 2, error: 2, warning: 3, medium: 3, low: 4, info: 4 },
  PAGERDUTY: { critical: 1, error: 2, warning: 3, info: 4 },
  GENERIC: { critical: 1, high: 2, error: 2, warning: 3, medium: 3, low: 4, info: 4 },
};

/** A fresh copy of the kind's suggested map, for a form to edit. */
export function suggestedSeverityMap(kind: AlertKind): Record<string, number> {
  return { ...SUGGESTED_SEVERITY_MAPS[kind] };
}

/**
 * A severity map as the integration stores it (a JSON object of lower-cased severity → impact),
 * with keys lower-cased and trimmed and any entry that isn't a valid impact dropped; the problems,
 * in words, for a form to show.
 */
export function readSeverityMap(value: unknown): { map: Record<string, number>; problems: string[] } {
  const map: Record<string, number> = {};
  const problems: string[] = [];
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { map, problems: ["The severity map must be an object of severity → impact."] };
  }
  for (const [key, impact] of Object.entries(value)) {
    const severity = key.trim().toLowerCase();
    if (!severity) problems.push("A severity must not be blank.");
    else if (!isImpact(impact)) problems.push(`Severity "${severity}": the impact must be a whole number from ${ALERT_LIMITS.impactMin} to ${ALERT_LIMITS.impactMax}.`);
    else map[severity] = impact;
  }
  return { map, problems };
}

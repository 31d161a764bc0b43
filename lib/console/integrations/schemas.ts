// The "Add integration" form: its fields as the browser holds them (the severity map as rows of
// text), the rules on them, and what the create action stores. Shared by the form (early feedback)
// and the action (which is what decides). Client-safe.
import { z } from "zod";
import { ALERT_KINDS } from "@/lib/console/alerts/normalized";
import { ALERT_LIMITS } from "@/lib/console/alerts/limits";
import { memberMax } from "@/lib/im/model";

export const INTEGRATION_LIMITS = {
  name: 100,
  /** A severity is a word a monitoring rule puts in a label ("critical", "p1", "sev-2"). */
  severity: 64,
  /** Rows of the severity map: more than any tool's set of severities. */
  severityRows: 32,
  /** GetResponsePlanInput.arn: the plan the integration belongs to. */
  planArn: memberMax("ssm-incidents", "GetResponsePlanInput", "arn"),
} as const;

/** An integration id: the UUID the create action gave it. */
export const integrationIdSchema = z.string().trim().min(1, "Give the integration's id").max(64, "Not an integration id");

const severityRow = z.object({ severity: z.string(), impact: z.string() });

export const createIntegrationFormSchema = z
  .object({
    responsePlanArn: z.string().trim().min(1, "Choose a response plan").max(INTEGRATION_LIMITS.planArn, "Not a response plan ARN"),
    name: z
      .string()
      .trim()
      .min(1, "Enter a name")
      .max(INTEGRATION_LIMITS.name, `At most ${INTEGRATION_LIMITS.name} characters`),
    kind: z.enum(ALERT_KINDS, { error: "Choose what sends the alerts" }),
    severityRows: z.array(severityRow).max(INTEGRATION_LIMITS.severityRows, `At most ${INTEGRATION_LIMITS.severityRows} severities`),
    autoResolve: z.boolean(),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.severityRows.forEach((row, i) => {
      const severity = row.severity.trim().toLowerCase();
      if (!severity) ctx.addIssue({ code: "custom", path: ["severityRows", i, "severity"], message: "Enter a severity" });
      else if (severity.length > INTEGRATION_LIMITS.severity) {
        ctx.addIssue({ code: "custom", path: ["severityRows", i, "severity"], message: `At most ${INTEGRATION_LIMITS.severity} characters` });
      } else if (seen.has(severity)) ctx.addIssue({ code: "custom", path: ["severityRows", i, "severity"], message: `"${severity}" is already mapped` });
      seen.add(severity);
      if (!isImpactText(row.impact)) {
        ctx.addIssue({ code: "custom", path: ["severityRows", i, "impact"], message: `Choose an impact from ${ALERT_LIMITS.impactMin} to ${ALERT_LIMITS.impactMax}` });
      }
    });
  });

export type CreateIntegrationFormValues = z.input<typeof createIntegrationFormSchema>;

function isImpactText(text: string): boolean {
  const n = Number(text);
  return /^[0-9]+$/.test(text.trim()) && n >= ALERT_LIMITS.impactMin && n <= ALERT_LIMITS.impactMax;
}

/** The rows (already checked) as the map the integration stores: severity lower-cased → impact. */
export function toSeverityMap(rows: { severity: string; impact: string }[]): Record<string, number> {
  const map: Record<string, number> = {};
  for (const row of rows) map[row.severity.trim().toLowerCase()] = Number(row.impact);
  return map;
}

/** A stored map as the form's rows, most severe first. */
export function toSeverityRows(map: Readonly<Record<string, number>>): { severity: string; impact: string }[] {
  return Object.entries(map)
    .sort(([a, x], [b, y]) => x - y || a.localeCompare(b))
    .map(([severity, impact]) => ({ severity, impact: String(impact) }));
}

"use client";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/alert";
import { Container } from "@/components/ui/container";
import { KeyValuePairs } from "@/components/ui/key-value";
import type { RunbookView } from "@/lib/console/incidents/dto";
import { incidentKeys } from "@/lib/console/incidents/keys";
import { errorOf, readJson } from "@/lib/console/core/errors";
import { ArnText } from "@/components/ui/arn";

const params = (p: Record<string, string[] | string>) =>
  Object.keys(p).length ? (
    <ul>
      {Object.entries(p).map(([k, v]) => (
        <li key={k}>
          <span className="font-bold">{k}</span>: {Array.isArray(v) ? v.join(", ") : v}
        </li>
      ))}
    </ul>
  ) : null;

/** The Runbook tab: the automation the response plan runs, and the executions it started for this incident. */
export function RunbookTab({ incidentArn }: { incidentArn: string }) {
  const query = useQuery({
    queryKey: incidentKeys.runbook(incidentArn),
    queryFn: () => readJson<RunbookView>(`/api/incidents/runbook?arn=${encodeURIComponent(incidentArn)}`),
  });
  const error = errorOf(query.error);
  const data = query.data;
  return (
    <div className="space-y-5">
      <Container header="Runbook automation" description={data?.planName ? `From the response plan ${data.planName}.` : undefined}>
        {error ? <ErrorAlert error={error} /> : null}
        {query.isPending ? <p className="text-muted">Loading runbook…</p> : null}
        {data && !data.planFound ? <p className="text-muted">The response plan no longer exists.</p> : null}
        {data?.planFound && data.actions.length === 0 ? <p className="text-muted">The response plan runs no automation.</p> : null}
        {data?.actions.map((a, i) => (
          <KeyValuePairs
            key={i}
            items={[
              { label: "Automation document", value: a.documentName },
              { label: "Document version", value: a.documentVersion || "Default" },
              { label: "Role", value: <ArnText arn={a.roleArn} /> },
              { label: "Target account", value: a.targetAccount === "IMPACTED_ACCOUNT" ? "Impacted account" : "Response plan owner's account" },
              { label: "Parameters", value: params(a.parameters) },
              { label: "Dynamic parameters", value: params(a.dynamicParameters) },
            ]}
          />
        ))}
      </Container>
      <Container header="Automation executions" description="Runbook executions started for this incident.">
        {data && data.executions.length === 0 && data.automationItems.length === 0 ? <p className="text-muted">No automation has run for this incident.</p> : null}
        {data && (data.executions.length > 0 || data.automationItems.length > 0) ? (
          <ul aria-label="Automation executions" className="space-y-1">
            {data.executions.map((arn) => (
              <li key={arn}><ArnText arn={arn} /></li>
            ))}
            {data.automationItems
              .filter((i) => !i.arn || !data.executions.includes(i.arn))
              .map((i, k) => (
                <li key={k} className="break-all">
                  {i.title ? <span className="font-bold">{i.title}: </span> : null}
                  {i.arn ?? i.url}
                </li>
              ))}
          </ul>
        ) : null}
      </Container>
    </div>
  );
}

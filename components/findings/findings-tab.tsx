"use client";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/alert";
import { Container } from "@/components/ui/container";
import { columnHelper, DataTable, type Columns } from "@/components/ui/data-table";
import { AbsoluteTime, RelativeTime } from "@/components/ui/relative-time";
import { errorOf, readJson } from "@/lib/console/core/errors";
import { awsConsoleHref } from "@/lib/console/core/names";
import type { FindingRow, IncidentFindings } from "@/lib/console/findings/dto";
import { findingKeys } from "@/lib/console/findings/keys";

const col = columnHelper<FindingRow>();
const columns: Columns<FindingRow> = [
  col.accessor("kind", { header: "Change" }),
  col.accessor("target", {
    header: "What changed",
    cell: (c) => {
      const { target, targetArn } = c.row.original;
      if (!target) return "—";
      return targetArn ? (
        <a href={awsConsoleHref(targetArn)} target="_blank" rel="noreferrer" title={targetArn} className="text-link hover:underline">
          {target}
        </a>
      ) : (
        target
      );
    },
  }),
  col.accessor("deploymentId", { header: "Deployment", cell: (c) => c.getValue() ?? "—" }),
  col.accessor("startTime", { header: "Started", cell: (c) => (c.getValue() ? <AbsoluteTime iso={c.getValue()!} /> : "—") }),
  col.accessor("endTime", { header: "Ended", cell: (c) => (c.getValue() ? <AbsoluteTime iso={c.getValue()!} /> : "Not finished") }),
  col.accessor("lastModifiedTime", { header: "Last updated", cell: (c) => (c.getValue() ? <RelativeTime iso={c.getValue()!} /> : "—") }),
];

/**
 * The Findings tab: the deployments and stack updates Incident Manager found around the time the
 * incident started (ListIncidentFindings, BatchGetIncidentFindings) — changes to look at first as
 * possible causes. The local model has no deployment sources, so there it is always empty.
 */
export function FindingsTab({ incidentArn }: { incidentArn: string }) {
  const query = useQuery({
    queryKey: findingKeys.incident(incidentArn),
    queryFn: () => readJson<IncidentFindings>(`/api/incidents/findings?arn=${encodeURIComponent(incidentArn)}`),
  });
  const error = errorOf(query.error);
  const data = query.data;
  return (
    <Container
      header="Findings"
      description="CodeDeploy deployments and CloudFormation stack updates around the time this incident started: changes to check first as possible causes."
      flush
    >
      {error ? <ErrorAlert error={error} className="mx-5 mb-5" /> : null}
      {data?.truncated ? <p className="px-5 pb-3 text-muted">Showing the {data.findings.length} most recently updated findings; there are more.</p> : null}
      {/* A read that failed says so above, and claims nothing about the findings. */}
      {error ? null : (
        <DataTable
          label="Findings"
          columns={columns}
          data={data?.findings ?? []}
          getRowId={(f) => f.id}
          loading={query.isPending}
          empty="No findings. Incident Manager found no deployments or stack updates around the time this incident started."
        />
      )}
      {data?.unreadable.length ? (
        <p className="px-5 py-3 text-muted">
          {data.unreadable.length === 1 ? "1 finding" : `${data.unreadable.length} findings`} could not be read: {data.unreadable.map((u) => `${u.findingId} (${u.message})`).join(", ")}.
        </p>
      ) : null}
    </Container>
  );
}

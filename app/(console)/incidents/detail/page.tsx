import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImpactBadge } from "@/components/incidents/impact-badge";
import { IncidentActions } from "@/components/incidents/incident-actions";
import { IncidentDuration } from "@/components/incidents/incident-duration";
import { IncidentStatus } from "@/components/incidents/incident-status";
import { IncidentDetailTabs } from "@/components/incidents/detail/incident-detail-tabs";
import { EngagementsTab } from "@/components/incidents/detail/engagements-tab";
import { RelatedItemsTab } from "@/components/incidents/detail/related-items-tab";
import { RunbookTab } from "@/components/incidents/detail/runbook-tab";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Container } from "@/components/ui/container";
import { KeyValuePairs } from "@/components/ui/key-value";
import { PageHeader } from "@/components/ui/page-header";
import { AbsoluteTime, RelativeTime } from "@/components/ui/relative-time";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getIncident } from "@/lib/queries/incidents";
import { principalName, responsePlanPath } from "@/lib/queries/paths";

export const metadata: Metadata = { title: "Incident" };

// An ARN that isn't one (ValidationException) is as absent as an unknown one.
const ABSENT = new Set(["ResourceNotFoundException", "ValidationException"]);

export default async function IncidentPage({ searchParams }: { searchParams: Promise<{ arn?: string | string[] }> }) {
  const user = await requireUser();
  const { arn } = await searchParams;
  if (typeof arn !== "string" || !arn) notFound();
  const result = await getIncident(arn);
  if (!result.ok && ABSENT.has(result.error.name)) notFound();
  const crumbs = [
    { label: "Incident Manager", href: "/incidents" },
    { label: "Incidents", href: "/incidents" },
  ];
  if (!result.ok) {
    return (
      <>
        <Breadcrumbs items={[...crumbs, { label: "Incident" }]} />
        <ErrorAlert error={result.error} />
      </>
    );
  }
  const incident = result.data;
  const plan = incident.responsePlanName;
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: incident.title || "Incident" }]} />
      <PageHeader
        title={incident.title || "(untitled)"}
        badges={
          <>
            <ImpactBadge impact={incident.impact} />
            <IncidentStatus status={incident.status} />
          </>
        }
        description={
          <span className="flex flex-wrap gap-x-2">
            <IncidentDuration creationTime={incident.creationTime} resolvedTime={incident.resolvedTime} />
            <span aria-hidden>·</span>
            <span>Created by {principalName(incident.createdBy)}</span>
            {plan ? (
              <>
                <span aria-hidden>·</span>
                <span>
                  Response plan{" "}
                  <Link href={responsePlanPath(plan)} className="text-link hover:underline">
                    {plan}
                  </Link>
                </span>
              </>
            ) : null}
          </span>
        }
        actions={can(user.role, "incidents.write") ? <IncidentActions incident={incident} /> : null}
      />
      <IncidentDetailTabs
        tabs={[
          {
            value: "overview",
            label: "Overview",
            panel: (
              <div className="space-y-5">
                <Container header="Key facts">
                  <KeyValuePairs
                    items={[
                      { label: "Status", value: <IncidentStatus status={incident.status} /> },
                      { label: "Impact", value: <ImpactBadge impact={incident.impact} /> },
                      {
                        label: "Duration",
                        value: <IncidentDuration creationTime={incident.creationTime} resolvedTime={incident.resolvedTime} />,
                      },
                      {
                        label: "Created",
                        value: (
                          <>
                            <AbsoluteTime iso={incident.creationTime} /> (<RelativeTime iso={incident.creationTime} />)
                          </>
                        ),
                      },
                      { label: "Created by", value: principalName(incident.createdBy) },
                      {
                        label: "Response plan",
                        value: plan ? (
                          <Link href={responsePlanPath(plan)} className="text-link hover:underline">
                            {plan}
                          </Link>
                        ) : null,
                      },
                      ...(incident.resolvedTime ? [{ label: "Resolved", value: <AbsoluteTime iso={incident.resolvedTime} /> }] : []),
                    ]}
                  />
                </Container>
                <Container header="Summary">
                  {incident.summary ? <p className="whitespace-pre-wrap">{incident.summary}</p> : <p className="text-muted">No summary yet.</p>}
                </Container>
              </div>
            ),
          },
          {
            value: "related-items",
            label: "Related items",
            panel: <RelatedItemsTab incidentArn={incident.arn} canWrite={can(user.role, "incidents.write")} />,
          },
          {
            value: "engagements",
            label: "Engagements",
            panel: <EngagementsTab incidentArn={incident.arn} canWrite={can(user.role, "contacts.write")} />,
          },
          { value: "runbook", label: "Runbook", panel: <RunbookTab incidentArn={incident.arn} /> },
          {
            value: "properties",
            label: "Properties",
            panel: (
              <Container header="Properties">
                <KeyValuePairs
                  items={[
                    { label: "ARN", value: <span className="break-all">{incident.arn}</span> },
                    { label: "Source", value: incident.source },
                    { label: "Dedupe string", value: incident.dedupeString || null },
                    { label: "Last modified by", value: principalName(incident.lastModifiedBy) },
                    { label: "Last modified", value: incident.lastModifiedTime ? <AbsoluteTime iso={incident.lastModifiedTime} /> : null },
                  ]}
                />
              </Container>
            ),
          },
        ]}
      />
    </>
  );
}

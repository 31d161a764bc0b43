import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImpactBadge } from "@/components/incidents/impact-badge";
import { IncidentActions } from "@/components/incidents/incident-actions";
import { IncidentDuration } from "@/components/incidents/incident-duration";
import { IncidentStatus } from "@/components/incidents/incident-status";
import { ChatChannel } from "@/components/incidents/detail/chat-channel";
import { IncidentDetailTabs } from "@/components/incidents/detail/incident-detail-tabs";
import { incidentTabs, openIncidentTab } from "@/components/incidents/detail/incident-tabs-list";
import { IncidentShortcuts } from "@/components/incidents/detail/incident-shortcuts";
import { EngagementsTab, FindingsTab, IncidentAlertsTab, RelatedItemsTab, RunbookTab, TimelinePanel } from "@/components/incidents/detail/lazy-panels";
import { OverviewPanel } from "@/components/incidents/detail/overview-panel";
import { PropertiesPanel } from "@/components/incidents/detail/properties-panel";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getIncidentByPath } from "@/lib/console/incidents/queries";
import { incidentHasAlerts } from "@/lib/console/alerts/queries";
import { principalName } from "@/lib/console/core/names";
import { responsePlanPath } from "@/lib/console/response-plans/paths";

export const metadata: Metadata = { title: "Incident" };

// An ARN that isn't one (ValidationException) is as absent as an unknown one.
const ABSENT = new Set(["ResourceNotFoundException", "ValidationException"]);

type Props = { params: Promise<{ plan: string; id: string }>; searchParams: Promise<{ tab?: string | string[] }> };

/** An incident at its short URL, `/incidents/<plan>/<id>` (lib/console/incidents/paths.ts). */
export default async function IncidentPage({ params, searchParams }: Props) {
  const user = await requireUser();
  const { plan: planName, id } = await params;
  const { tab: requestedTab } = await searchParams;
  const result = await getIncidentByPath(decodeURIComponent(planName), decodeURIComponent(id));
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
  const canWrite = can(user.role, "incidents.write");
  // Only the open tab's panel is rendered (and so only its code is sent); the others load when chosen.
  const hasAlerts = await incidentHasAlerts(incident.arn);
  const tab = openIncidentTab(typeof requestedTab === "string" ? requestedTab : null, incidentTabs(hasAlerts));
  const panel = {
    overview: () => <OverviewPanel incident={incident} />,
    timeline: () => <TimelinePanel incident={{ arn: incident.arn, title: incident.title }} canWrite={canWrite} />,
    alerts: () => <IncidentAlertsTab incidentArn={incident.arn} />,
    "related-items": () => <RelatedItemsTab incidentArn={incident.arn} canWrite={canWrite} />,
    findings: () => <FindingsTab incidentArn={incident.arn} />,
    engagements: () => <EngagementsTab incidentArn={incident.arn} canWrite={can(user.role, "contacts.write")} />,
    runbook: () => <RunbookTab incidentArn={incident.arn} />,
    properties: () => <PropertiesPanel incident={incident} canWrite={canWrite} />,
  }[tab]();
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
            <span aria-hidden>·</span>
            <span>
              Chat channel <ChatChannel topics={incident.chatChannelSns} />
            </span>
          </span>
        }
        actions={canWrite ? <IncidentActions incident={incident} /> : null}
      />
      <IncidentShortcuts canWrite={canWrite} />
      <IncidentDetailTabs tab={tab} panel={panel} hasAlerts={hasAlerts} />
    </>
  );
}

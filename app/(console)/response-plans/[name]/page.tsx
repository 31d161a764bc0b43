import type { Metadata } from "next";
import { OnCallNowList } from "@/components/schedules/feeds/on-call-now";
import { Container } from "@/components/ui/container";
import { onCallNow } from "@/lib/console/schedules/feeds/on-call";
import { notFound } from "next/navigation";
import { ReachWarnings } from "@/components/contacts/reach-warnings";
import { StartIncidentButton } from "@/components/incidents/start-incident-button";
import { DeleteResponsePlanDialog } from "@/components/response-plans/delete-response-plan-dialog";
import { ResponsePlanSections } from "@/components/response-plans/plan-sections";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { reachWarnings } from "@/lib/console/contacts/reachability";
import { getResponsePlanByName } from "@/lib/console/response-plans/queries";
import { IntegrationsSection } from "@/components/integrations/integrations-section";
import { Alert } from "@/components/ui/alert";
import { LOCAL_MODE_ONLY } from "@/lib/console/alerts/dto";
import { ALERT_INTEGRATIONS_DESCRIPTION } from "@/lib/console/integrations/dto";
import { alertIntakeAvailable, listPlanIntegrations } from "@/lib/console/integrations/queries";

type Params = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Response plan ${(await params).name}` };
}

export default async function ResponsePlanPage({ params }: Params) {
  const user = await requireUser();
  const name = decodeURIComponent((await params).name);
  const result = await getResponsePlanByName(name);
  if (!result.ok && result.error.name === "ResourceNotFoundException") notFound();
  const crumbs = [
    { label: "Incident Manager", href: "/incidents" },
    { label: "Response plans", href: "/response-plans" },
    { label: name },
  ];
  if (!result.ok) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <ErrorAlert error={result.error} />
      </>
    );
  }
  const plan = result.data;
  const intake = alertIntakeAvailable();
  const [warnings, onCall, integrations] = await Promise.all([
    reachWarnings(plan.engagements ?? []),
    onCallNow(plan.engagements ?? []),
    intake ? listPlanIntegrations(plan.arn!) : null,
  ]);
  const canStart = can(user.role, "incidents.write");
  const canWrite = can(user.role, "plans.write");
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader
        title={plan.displayName || plan.name}
        description={plan.displayName ? plan.name : undefined}
        actions={
          canStart || canWrite ? (
            <>
              {canWrite ? <DeleteResponsePlanDialog arn={plan.arn!} name={plan.name!} /> : null}
              {canStart ? <StartIncidentButton responsePlanArn={plan.arn} label="Start incident from this plan" /> : null}
            </>
          ) : null
        }
      />
      {warnings.ok ? <ReachWarnings warnings={warnings.data} className="mb-5" /> : null}
      {!onCall.ok || onCall.data.length ? (
        <Container header="On call now" description="Who an incident of this plan would page in each schedule it engages (directly or through an escalation plan)." className="mb-5">
          <OnCallNowList result={onCall} />
        </Container>
      ) : null}
      <ResponsePlanSections plan={plan} canWrite={canWrite} />
      <div className="mt-5">
        {integrations === null ? (
          <Container header="Alert integrations" description={ALERT_INTEGRATIONS_DESCRIPTION}>
            <Alert type="info" header="Not available in aws mode">
              {LOCAL_MODE_ONLY}
            </Alert>
          </Container>
        ) : integrations.ok ? (
          <IntegrationsSection responsePlanArn={plan.arn!} integrations={integrations.data} canWrite={canWrite} foldsAlerts={!!plan.incidentTemplate?.dedupeString} />
        ) : (
          <Container header="Alert integrations">
            <ErrorAlert error={integrations.error} />
          </Container>
        )}
      </div>
    </>
  );
}

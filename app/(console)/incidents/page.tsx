import type { Metadata } from "next";
import { IncidentTabs } from "@/components/incidents/incident-tabs";
import { IncidentsTable } from "@/components/incidents/incidents-table";
import { StartIncidentDialog } from "@/components/incidents/start-incident-dialog";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listIncidents, parseIncidentStatus } from "@/lib/queries/incidents";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await requireUser();
  const status = parseIncidentStatus((await searchParams).status);
  const firstPage = await listIncidents({ status });
  return (
    <>
      <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "Incidents" }]} />
      <PageHeader
        title="Incidents"
        description="Incidents that are open now, and the ones your team resolved."
        actions={can(user.role, "incidents.write") ? <StartIncidentDialog /> : null}
      />
      {firstPage.ok ? (
        <Container flush>
          <div className="pt-2">
            <IncidentTabs status={status}>
              <IncidentsTable key={status} status={status} initialPage={firstPage.data} />
            </IncidentTabs>
          </div>
        </Container>
      ) : (
        <ErrorAlert error={firstPage.error} />
      )}
    </>
  );
}

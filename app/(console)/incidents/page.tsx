import type { Metadata } from "next";
import { IncidentTabs } from "@/components/incidents/incident-tabs";
import { IncidentsTable } from "@/components/incidents/incidents-table";
import { StartIncidentButton } from "@/components/incidents/start-incident-button";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { incidentListSearch, paramsFromRecord, parseIncidentListFilter } from "@/lib/console/incidents/filters";
import { listIncidents } from "@/lib/console/incidents/queries";
import { IncidentFilters } from "@/components/incidents/incident-filters";
import { OnCallNowList } from "@/components/schedules/feeds/on-call-now";
import { onCallForIncidents } from "@/lib/console/schedules/feeds/on-call";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const filter = parseIncidentListFilter(paramsFromRecord(await searchParams));
  const firstPage = await listIncidents(filter);
  // Who answers now for what is open: the schedules the first open incidents engaged.
  const onCall = filter.status === "OPEN" && firstPage.ok && firstPage.data.items.length ? await onCallForIncidents(firstPage.data.items.map((i) => i.arn)) : null;
  return (
    <>
      <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "Incidents" }]} />
      <PageHeader
        title="Incidents"
        description="Incidents that are open now, and the ones your team resolved."
        actions={can(user.role, "incidents.write") ? <StartIncidentButton /> : null}
      />
      {onCall && (!onCall.ok || onCall.data.length) ? (
        <Container header="On call now" description="In the schedules the open incidents engaged." className="mb-5">
          <OnCallNowList result={onCall} label="On call now for open incidents" />
        </Container>
      ) : null}
      <Container flush>
        <div className="pt-2">
          <IncidentTabs filter={filter}>
            <IncidentFilters key={`${filter.q ?? ""}\n${filter.createdBy ?? ""}`} filter={filter} />
            {firstPage.ok ? (
              // A new filter starts again at page 1.
              <IncidentsTable key={incidentListSearch(filter)} filter={filter} initialPage={firstPage.data} />
            ) : (
              <ErrorAlert error={firstPage.error} className="mx-5 mb-5" />
            )}
          </IncidentTabs>
        </div>
      </Container>
    </>
  );
}

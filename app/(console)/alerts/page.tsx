import type { Metadata } from "next";
import { AlertFilters } from "@/components/alerts/alert-filters";
import { AlertsTable } from "@/components/alerts/alerts-table";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { LOCAL_MODE_ONLY } from "@/lib/console/alerts/dto";
import { alertListSearch, isAlertFilterActive, parseAlertFilter } from "@/lib/console/alerts/filters";
import { getAlertGroupLabel, listAlerts } from "@/lib/console/alerts/queries";
import { paramsFromRecord } from "@/lib/console/incidents/filters";
import { alertIntakeAvailable, listIntegrationOptions } from "@/lib/console/integrations/queries";

export const metadata: Metadata = { title: "Alerts" };

/** Every alert the integrations received, newest first, whatever became of it (issue 15). */
export default async function AlertsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const crumbs = <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "Alerts" }]} />;
  const header = <PageHeader title="Alerts" description="Every alert the integrations received, newest first, and what became of it: a new incident, an addition to one, or ignored and why." />;
  if (!alertIntakeAvailable()) {
    return (
      <>
        {crumbs}
        {header}
        <Alert type="info" header="Not available in aws mode">
          {LOCAL_MODE_ONLY}
        </Alert>
      </>
    );
  }
  const filter = parseAlertFilter(paramsFromRecord(await searchParams));
  const [firstPage, integrations, group] = await Promise.all([listAlerts(filter), listIntegrationOptions(), filter.group ? getAlertGroupLabel(filter.group) : null]);
  return (
    <>
      {crumbs}
      {header}
      <Container flush>
        <div className="pt-4">
          <AlertFilters filter={filter} integrations={integrations.ok ? integrations.data : []} group={group?.ok ? group.data : null} />
          {firstPage.ok ? (
            // A new filter starts again at page 1.
            <AlertsTable key={alertListSearch(filter)} filter={filter} initialPage={firstPage.data} filtered={isAlertFilterActive(filter)} />
          ) : (
            <ErrorAlert error={firstPage.error} className="mx-5 mb-5" />
          )}
        </div>
      </Container>
    </>
  );
}

import type { Metadata } from "next";
import { EngagementFilters } from "@/components/engagements/engagement-filters";
import { EngagementsTable } from "@/components/engagements/engagements-table";
import { StartEngagementDialog } from "@/components/engagements/start-engagement-dialog";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { engagementListSearch, parseEngagementListFilter } from "@/lib/console/engagements/filters";
import { listEngagementsPage } from "@/lib/console/engagements/queries";
import { paramsFromRecord } from "@/lib/console/incidents/filters";

export const metadata: Metadata = { title: "Engagements" };

export default async function EngagementsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const filter = parseEngagementListFilter(paramsFromRecord(await searchParams));
  const firstPage = await listEngagementsPage(filter);
  const key = engagementListSearch(filter);
  return (
    <>
      <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "Engagements" }]} />
      <PageHeader
        title="Engagements"
        description="Every engagement of a contact or escalation plan, newest first."
        actions={can(user.role, "contacts.write") ? <StartEngagementDialog userEmail={user.email} incidentArn={filter.incident} /> : null}
      />
      <Container flush>
        <div className="pt-4">
          {/* Keyed by the URL's filter: going back to another URL resets the inputs and the paging. */}
          <EngagementFilters key={`filters${key}`} filter={filter} />
          {firstPage.ok ? (
            <EngagementsTable key={`table${key}`} filter={filter} initialPage={firstPage.data} />
          ) : (
            <ErrorAlert error={firstPage.error} className="mx-5 mb-5" />
          )}
        </div>
      </Container>
    </>
  );
}

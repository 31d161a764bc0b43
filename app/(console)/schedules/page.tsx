import type { Metadata } from "next";
import { SchedulesList } from "@/components/schedules/schedules-list";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listSchedules } from "@/lib/console/schedules/queries";

export const metadata: Metadata = { title: "On-call schedules" };

export default async function SchedulesPage() {
  const user = await requireUser();
  const result = await listSchedules();
  return (
    <>
      <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "On-call schedules" }]} />
      <PageHeader
        title="On-call schedules"
        description="Who is on call now and next in each schedule; engaging a schedule pages them."
        actions={
          can(user.role, "contacts.write") ? (
            <ButtonLink href="/schedules/create" variant="primary">
              New schedule
            </ButtonLink>
          ) : null
        }
      />
      <div className="pt-4">{result.ok ? <SchedulesList schedules={result.data} /> : <ErrorAlert error={result.error} />}</div>
    </>
  );
}

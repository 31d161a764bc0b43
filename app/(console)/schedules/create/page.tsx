import type { Metadata } from "next";
import { ScheduleForm } from "@/components/schedules/builder/schedule-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listAllContacts } from "@/lib/console/contacts/queries";
import { emptyScheduleForm } from "@/lib/console/schedules/builder/schemas";
import { SCHEDULES_PATH } from "@/lib/console/schedules/paths";

export const metadata: Metadata = { title: "Create on-call schedule" };

export default async function CreateSchedulePage() {
  const user = await requireUser();
  const crumbs = [{ label: "Incident Manager", href: "/incidents" }, { label: "On-call schedules", href: SCHEDULES_PATH }, { label: "Create" }];
  if (!can(user.role, "contacts.write")) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title="Create on-call schedule" />
        <ErrorAlert error={{ name: "AccessDeniedException", message: `Your role (${user.role}) cannot create on-call schedules.` }} />
      </>
    );
  }
  const contacts = await listAllContacts("PERSONAL");
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title="Create on-call schedule" />
      {/* The new rotation's zone is left empty here: the form fills in the browser's. */}
      {contacts.ok ? <ScheduleForm initial={emptyScheduleForm("", new Date().toISOString().slice(0, 10))} contacts={contacts.data} /> : <ErrorAlert error={contacts.error} />}
    </>
  );
}

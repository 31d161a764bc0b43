import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ScheduleForm } from "@/components/schedules/builder/schedule-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listAllContacts } from "@/lib/console/contacts/queries";
import { fromRotationView } from "@/lib/console/schedules/builder/schemas";
import { SCHEDULES_PATH, schedulePath } from "@/lib/console/schedules/paths";
import { getSchedule } from "@/lib/console/schedules/queries";

type Params = { params: Promise<{ alias: string }> };

export const metadata: Metadata = { title: "Edit on-call schedule" };

export default async function EditSchedulePage({ params }: Params) {
  const user = await requireUser();
  const alias = decodeURIComponent((await params).alias);
  const crumbs = [
    { label: "Incident Manager", href: "/incidents" },
    { label: "On-call schedules", href: SCHEDULES_PATH },
    { label: alias, href: schedulePath(alias) },
    { label: "Edit" },
  ];
  if (!can(user.role, "contacts.write")) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={`Edit ${alias}`} />
        <ErrorAlert error={{ name: "AccessDeniedException", message: `Your role (${user.role}) cannot edit on-call schedules.` }} />
      </>
    );
  }
  const [schedule, contacts] = await Promise.all([getSchedule(alias), listAllContacts("PERSONAL")]);
  if (!schedule.ok && schedule.error.name === "ResourceNotFoundException") notFound();
  const error = !schedule.ok ? schedule.error : !contacts.ok ? contacts.error : null;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={`Edit ${alias}`} />
      {error || !schedule.ok || !contacts.ok ? (
        <ErrorAlert error={error!} />
      ) : (
        <ScheduleForm
          initial={{ arn: schedule.data.arn, alias: schedule.data.alias, displayName: schedule.data.displayName ?? "", rotations: schedule.data.rotations.map(fromRotationView), submissionId: "" }}
          contacts={contacts.data}
        />
      )}
    </>
  );
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { LazyScheduleFeeds } from "@/components/schedules/lazy-schedule-feeds";
import { OnCallSummary } from "@/components/schedules/on-call-summary";
import { ScheduleCalendar } from "@/components/schedules/schedule-calendar";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { schedulePath, SCHEDULES_PATH } from "@/lib/console/schedules/paths";
import { getSchedule } from "@/lib/console/schedules/queries";

type Params = { params: Promise<{ alias: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `On-call schedule ${decodeURIComponent((await params).alias)}` };
}

export default async function SchedulePage({ params }: Params) {
  const user = await requireUser();
  const alias = decodeURIComponent((await params).alias);
  const result = await getSchedule(alias);
  if (!result.ok && result.error.name === "ResourceNotFoundException") notFound();
  const crumbs = [{ label: "Incident Manager", href: "/incidents" }, { label: "On-call schedules", href: SCHEDULES_PATH }, { label: alias }];
  if (!result.ok) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <ErrorAlert error={result.error} />
      </>
    );
  }
  const schedule = result.data;
  const canWrite = can(user.role, "contacts.write");
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader
        title={schedule.displayName || schedule.alias}
        description={schedule.displayName ? schedule.alias : undefined}
        actions={canWrite ? <ButtonLink href={`${schedulePath(schedule.alias)}/edit`}>Edit</ButtonLink> : null}
      />
      <div className="space-y-6 pt-4">
        <section aria-label="Who is on call" className="rounded-2xl border border-line bg-white p-4 shadow-sm">
          <OnCallSummary onCall={schedule.onCall} />
          <p className="mt-2 text-muted">
            {schedule.rotations.length === 0 ? "No rotations: nobody is paged." : `Rotations: ${schedule.rotations.map((r) => `${r.name} (${r.timeZoneId}, ${r.members.length} ${r.members.length === 1 ? "member" : "members"})`).join("; ")}`}
          </p>
        </section>
        {/* useSearchParams (the view and date) renders in the browser: Suspense keeps the rest static. */}
        <Suspense fallback={<p className="py-8 text-muted">Loading the calendar…</p>}>
          <ScheduleCalendar alias={schedule.alias} rotations={schedule.rotations} canWrite={canWrite} />
        </Suspense>
        <LazyScheduleFeeds alias={schedule.alias} />
      </div>
    </>
  );
}

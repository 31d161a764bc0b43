import type { Metadata } from "next";
import { MyContactForm } from "@/components/pages/my-contact-form";
import { MyPagesTable } from "@/components/pages/my-pages-table";
import { NextShiftsSection } from "@/components/schedules/feeds/next-shifts";
import { MyShiftFeeds } from "@/components/schedules/feeds/schedule-feeds";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listMyPages } from "@/lib/console/pages/queries";
import { myNextShifts } from "@/lib/console/schedules/feeds/on-call";

export const metadata: Metadata = { title: "My pages" };

export default async function MyPagesPage() {
  const user = await requireUser();
  const [firstPage, nextShifts] = await Promise.all([listMyPages(), myNextShifts()]);
  return (
    <>
      <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "My pages" }]} />
      <PageHeader title="My pages" description="The pages addressed to your contact, newest first." />
      <div className="space-y-5">
        {firstPage.ok ? (
          <>
            <MyContactForm contactArn={firstPage.data.myContactArn} />
            {firstPage.data.myContactArn ? (
              <Container flush>
                <MyPagesTable initialPage={firstPage.data} canAcknowledge={can(user.role, "contacts.write")} />
              </Container>
            ) : null}
            {firstPage.data.myContactArn ? <NextShiftsSection title="Your next shifts" result={nextShifts} empty="You have no on-call shifts in the next four weeks." /> : null}
            <MyShiftFeeds />
          </>
        ) : (
          <ErrorAlert error={firstPage.error} />
        )}
      </div>
    </>
  );
}

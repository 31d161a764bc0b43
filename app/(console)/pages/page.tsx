import type { Metadata } from "next";
import { MyContactForm } from "@/components/pages/my-contact-form";
import { MyPagesTable } from "@/components/pages/my-pages-table";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listMyPages } from "@/lib/console/pages/queries";

export const metadata: Metadata = { title: "My pages" };

export default async function MyPagesPage() {
  const user = await requireUser();
  const firstPage = await listMyPages();
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
          </>
        ) : (
          <ErrorAlert error={firstPage.error} />
        )}
      </div>
    </>
  );
}

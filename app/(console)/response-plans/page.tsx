import type { Metadata } from "next";
import { ResponsePlansTable } from "@/components/response-plans/response-plans-table";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listResponsePlanRows } from "@/lib/console/response-plans/queries";

export const metadata: Metadata = { title: "Response plans" };

export default async function ResponsePlansPage() {
  const user = await requireUser();
  const plans = await listResponsePlanRows();
  return (
    <>
      <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "Response plans" }]} />
      <PageHeader
        title="Response plans"
        description="What an incident starts with: its title, impact, and who is engaged."
        actions={
          can(user.role, "plans.write") ? (
            <ButtonLink href="/response-plans/create" variant="primary">
              Create response plan
            </ButtonLink>
          ) : null
        }
      />
      {plans.ok ? (
        <Container flush>
          <ResponsePlansTable plans={plans.data} canCreate={can(user.role, "plans.write")} />
        </Container>
      ) : (
        <ErrorAlert error={plans.error} />
      )}
    </>
  );
}

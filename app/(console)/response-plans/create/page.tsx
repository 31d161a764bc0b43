import type { Metadata } from "next";
import { NotAllowed } from "@/components/auth/not-allowed";
import { CreateResponsePlanForm } from "@/components/response-plans/create-response-plan-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create response plan" };

export default async function CreateResponsePlanPage() {
  const user = await requireUser();
  return (
    <>
      <Breadcrumbs
        items={[{ label: "Incident Manager", href: "/incidents" }, { label: "Response plans", href: "/response-plans" }, { label: "Create" }]}
      />
      <PageHeader title="Create response plan" />
      {can(user.role, "plans.write") ? (
        <CreateResponsePlanForm />
      ) : (
        <NotAllowed role={user.role} permission="plans.write" action="create response plans" />
      )}
    </>
  );
}

import type { Metadata } from "next";
import { NotAllowed } from "@/components/auth/not-allowed";
import { EscalationPlanForm } from "@/components/escalation-plans/escalation-plan-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listAllContacts } from "@/lib/console/contacts/queries";

export const metadata: Metadata = { title: "Create escalation plan" };

export default async function CreateEscalationPlanPage() {
  const user = await requireUser();
  const crumbs = [{ label: "Incident Manager", href: "/incidents" }, { label: "Escalation plans", href: "/escalation-plans" }, { label: "Create" }];
  if (!can(user.role, "contacts.write")) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title="Create escalation plan" />
        <NotAllowed role={user.role} permission="contacts.write" action="create escalation plans" />
      </>
    );
  }
  const contacts = await listAllContacts("PERSONAL");
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title="Create escalation plan" />
      {contacts.ok ? <EscalationPlanForm contacts={contacts.data} /> : <ErrorAlert error={contacts.error} />}
    </>
  );
}

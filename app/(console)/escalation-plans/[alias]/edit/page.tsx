import type { Metadata } from "next";
import { NotAllowed } from "@/components/auth/not-allowed";
import { notFound, redirect } from "next/navigation";
import { escalationPlanFormValues } from "@/components/contacts/form-values";
import { EscalationPlanForm } from "@/components/escalation-plans/escalation-plan-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getContactByAlias, listAllContacts } from "@/lib/console/contacts/queries";
import { contactPath, escalationPlanPath } from "@/lib/console/contacts/paths";

type Params = { params: Promise<{ alias: string }> };

export const metadata: Metadata = { title: "Edit escalation plan" };

export default async function EditEscalationPlanPage({ params }: Params) {
  const user = await requireUser();
  const alias = decodeURIComponent((await params).alias);
  const crumbs = [
    { label: "Incident Manager", href: "/incidents" },
    { label: "Escalation plans", href: "/escalation-plans" },
    { label: alias, href: escalationPlanPath(alias) },
    { label: "Edit" },
  ];
  if (!can(user.role, "contacts.write")) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <NotAllowed role={user.role} permission="contacts.write" action="edit escalation plans" />
      </>
    );
  }
  const [plan, contacts] = await Promise.all([getContactByAlias(alias), listAllContacts("PERSONAL")]);
  if (!plan.ok && plan.error.name === "ResourceNotFoundException") notFound();
  if (plan.ok && plan.data.type !== "ESCALATION") redirect(`${contactPath(alias)}/edit`);
  const error = !plan.ok ? plan.error : !contacts.ok ? contacts.error : null;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={`Edit ${alias}`} />
      {error || !plan.ok || !contacts.ok ? <ErrorAlert error={error!} /> : <EscalationPlanForm initial={escalationPlanFormValues(plan.data)} contacts={contacts.data} />}
    </>
  );
}

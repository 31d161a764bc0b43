import type { Metadata } from "next";
import { NotAllowed } from "@/components/auth/not-allowed";
import { notFound, redirect } from "next/navigation";
import { ContactForm } from "@/components/contacts/contact-form";
import { contactFormValues } from "@/components/contacts/form-values";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getContactByAlias } from "@/lib/console/contacts/queries";
import { contactPath, escalationPlanPath } from "@/lib/console/contacts/paths";

type Params = { params: Promise<{ alias: string }> };

export const metadata: Metadata = { title: "Edit contact" };

export default async function EditContactPage({ params }: Params) {
  const user = await requireUser();
  const alias = decodeURIComponent((await params).alias);
  const crumbs = [{ label: "Incident Manager", href: "/incidents" }, { label: "Contacts", href: "/contacts" }, { label: alias, href: contactPath(alias) }, { label: "Edit" }];
  if (!can(user.role, "contacts.write")) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <NotAllowed role={user.role} permission="contacts.write" action="edit contacts" />
      </>
    );
  }
  const result = await getContactByAlias(alias);
  if (!result.ok && result.error.name === "ResourceNotFoundException") notFound();
  if (result.ok && result.data.type === "ESCALATION") redirect(`${escalationPlanPath(alias)}/edit`);
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={`Edit ${alias}`} />
      {result.ok ? <ContactForm initial={contactFormValues(result.data)} activated={Object.fromEntries(result.data.channels.map((c) => [c.arn, c.activated]))} /> : <ErrorAlert error={result.error} />}
    </>
  );
}

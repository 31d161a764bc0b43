import type { Metadata } from "next";
import { NotAllowed } from "@/components/auth/not-allowed";
import { ContactForm } from "@/components/contacts/contact-form";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Create contact" };

export default async function CreateContactPage() {
  const user = await requireUser();
  return (
    <>
      <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "Contacts", href: "/contacts" }, { label: "Create" }]} />
      <PageHeader title="Create contact" />
      {can(user.role, "contacts.write") ? (
        <ContactForm />
      ) : (
        <NotAllowed role={user.role} permission="contacts.write" action="create contacts" />
      )}
    </>
  );
}

import type { Metadata } from "next";
import { ContactsTable } from "@/components/contacts/contacts-table";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { listContacts } from "@/lib/console/contacts/queries";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage() {
  const user = await requireUser();
  const first = await listContacts({});
  return (
    <>
      <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "Contacts" }]} />
      <PageHeader
        title="Contacts"
        description="The people an incident engages: their channels and how they are paged."
        actions={
          can(user.role, "contacts.write") ? (
            <ButtonLink href="/contacts/create" variant="primary">
              Create contact
            </ButtonLink>
          ) : null
        }
      />
      {first.ok ? (
        <Container flush>
          <div className="pt-4">
            <ContactsTable label="Contacts" initialPage={first.data} />
          </div>
        </Container>
      ) : (
        <ErrorAlert error={first.error} />
      )}
    </>
  );
}

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

export const metadata: Metadata = { title: "Escalation plans" };

export default async function EscalationPlansPage() {
  const user = await requireUser();
  const first = await listContacts({ type: "ESCALATION" });
  return (
    <>
      <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "Escalation plans" }]} />
      <PageHeader
        title="Escalation plans"
        description="Stages of contacts, engaged one after another until someone essential acknowledges."
        actions={
          can(user.role, "contacts.write") ? (
            <ButtonLink href="/escalation-plans/create" variant="primary">
              Create escalation plan
            </ButtonLink>
          ) : null
        }
      />
      {first.ok ? (
        <Container flush>
          <div className="pt-4">
            <ContactsTable label="Escalation plans" type="ESCALATION" initialPage={first.data} />
          </div>
        </Container>
      ) : (
        <ErrorAlert error={first.error} />
      )}
    </>
  );
}

import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";

export default function ContactNotFound() {
  return (
    <>
      <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "Contacts", href: "/contacts" }, { label: "Not found" }]} />
      <Container header="Contact not found">
        <p className="mb-4 text-muted">No contact has this alias.</p>
        <ButtonLink href="/contacts">View contacts</ButtonLink>
      </Container>
    </>
  );
}

import { ButtonLink } from "@/components/ui/button";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Container } from "@/components/ui/container";

export default function IncidentNotFound() {
  return (
    <>
      <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "Incidents", href: "/incidents" }, { label: "Not found" }]} />
      <Container header="Incident not found">
        <p className="mb-4 text-muted">No incident has this address. It may have been deleted, or the link is incomplete.</p>
        <ButtonLink href="/incidents">View incidents</ButtonLink>
      </Container>
    </>
  );
}

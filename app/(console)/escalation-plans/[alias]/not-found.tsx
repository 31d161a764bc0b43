import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";

export default function EscalationPlanNotFound() {
  return (
    <>
      <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "Escalation plans", href: "/escalation-plans" }, { label: "Not found" }]} />
      <Container header="Escalation plan not found">
        <p className="mb-4 text-muted">No escalation plan has this alias.</p>
        <ButtonLink href="/escalation-plans">View escalation plans</ButtonLink>
      </Container>
    </>
  );
}

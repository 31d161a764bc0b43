import { ButtonLink } from "@/components/ui/button";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Container } from "@/components/ui/container";

export default function ResponsePlanNotFound() {
  return (
    <>
      <Breadcrumbs
        items={[{ label: "Incident Manager", href: "/incidents" }, { label: "Response plans", href: "/response-plans" }, { label: "Not found" }]}
      />
      <Container header="Response plan not found">
        <p className="mb-4 text-muted">No response plan has this name.</p>
        <ButtonLink href="/response-plans">View response plans</ButtonLink>
      </Container>
    </>
  );
}

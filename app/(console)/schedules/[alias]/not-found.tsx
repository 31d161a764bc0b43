import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";

export default function ScheduleNotFound() {
  return (
    <>
      <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "On-call schedules", href: "/schedules" }, { label: "Not found" }]} />
      <Container header="On-call schedule not found">
        <p className="mb-4 text-muted">No on-call schedule has this alias.</p>
        <ButtonLink href="/schedules">View on-call schedules</ButtonLink>
      </Container>
    </>
  );
}

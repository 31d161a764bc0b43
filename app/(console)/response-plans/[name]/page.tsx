import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ImpactBadge } from "@/components/incidents/impact-badge";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Container } from "@/components/ui/container";
import { KeyValuePairs } from "@/components/ui/key-value";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { getResponsePlanByName } from "@/lib/queries/response-plans";

type Params = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Response plan ${(await params).name}` };
}

export default async function ResponsePlanPage({ params }: Params) {
  await requireUser();
  const { name } = await params;
  const result = await getResponsePlanByName(name);
  if (!result.ok && result.error.name === "ResourceNotFoundException") notFound();
  const crumbs = [
    { label: "Incident Manager", href: "/incidents" },
    { label: "Response plans", href: "/response-plans" },
    { label: name },
  ];
  if (!result.ok) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <ErrorAlert error={result.error} />
      </>
    );
  }
  const plan = result.data;
  const template = plan.incidentTemplate;
  const tags = Object.entries(template?.incidentTags ?? {});
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={plan.displayName || plan.name} description={plan.displayName ? plan.name : undefined} />
      <div className="space-y-5">
        <Container header="Response plan details">
          <KeyValuePairs
            items={[
              { label: "Name", value: plan.name },
              { label: "Display name", value: plan.displayName || null },
              { label: "ARN", value: <span className="break-all">{plan.arn}</span> },
            ]}
          />
        </Container>
        <Container header="Incident defaults">
          <KeyValuePairs
            items={[
              { label: "Title", value: template?.title },
              { label: "Impact", value: template?.impact ? <ImpactBadge impact={template.impact} /> : null },
              { label: "Summary", value: template?.summary || null },
              { label: "Dedupe string", value: template?.dedupeString || null },
              { label: "Incident tags", value: tags.length ? tags.map(([k, v]) => `${k}=${v}`).join(", ") : null },
            ]}
          />
        </Container>
        <Container header="Tags">
          {!plan.tags.ok ? (
            <Alert type="info" header="Tags can't be shown">
              {plan.tags.error.name}: {plan.tags.error.message}
            </Alert>
          ) : Object.keys(plan.tags.data).length ? (
            <KeyValuePairs items={Object.entries(plan.tags.data).map(([key, value]) => ({ label: key, value: value || "—" }))} />
          ) : (
            <p className="text-muted">No tags.</p>
          )}
        </Container>
        <Container header="Engagements">
          {plan.engagements?.length ? (
            <ul className="list-disc space-y-1 pl-5">
              {plan.engagements.map((arn) => (
                <li key={arn} className="break-all">
                  {arn}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-muted">No contacts are engaged when an incident starts.</p>
          )}
        </Container>
      </div>
    </>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { DeleteContactButton } from "@/components/contacts/delete-contact-button";
import { EngagementTimeline } from "@/components/contacts/engagement-timeline";
import { ReachWarnings } from "@/components/contacts/reach-warnings";
import { RecentPages } from "@/components/contacts/recent-pages";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { KeyValuePairs } from "@/components/ui/key-value";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getContactByAlias } from "@/lib/console/contacts/queries";
import { contactPath } from "@/lib/console/contacts/paths";
import { escalationPlanReachWarnings } from "@/lib/console/contacts/reachability";
import { Arn } from "@/components/ui/arn";

type Params = { params: Promise<{ alias: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Escalation plan ${decodeURIComponent((await params).alias)}` };
}

export default async function EscalationPlanPage({ params }: Params) {
  const user = await requireUser();
  const alias = decodeURIComponent((await params).alias);
  const result = await getContactByAlias(alias);
  if (!result.ok && result.error.name === "ResourceNotFoundException") notFound();
  const crumbs = [{ label: "Incident Manager", href: "/incidents" }, { label: "Escalation plans", href: "/escalation-plans" }, { label: alias }];
  if (!result.ok) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <ErrorAlert error={result.error} />
      </>
    );
  }
  const plan = result.data;
  if (plan.type !== "ESCALATION") redirect(contactPath(plan.alias));
  const warnings = await escalationPlanReachWarnings(plan.arn);
  const targets = plan.stages.flatMap((s) => s.targets.flatMap((t) => (t.kind === "contact" ? [t] : [])));
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader
        title={plan.displayName || plan.alias}
        description={plan.displayName ? plan.alias : undefined}
        actions={
          can(user.role, "contacts.write") ? (
            <>
              <ButtonLink href={`/escalation-plans/${encodeURIComponent(plan.alias)}/edit`}>Edit</ButtonLink>
              <DeleteContactButton arn={plan.arn} alias={plan.alias} kind="escalation plan" />
            </>
          ) : null
        }
      />
      <div className="space-y-5">
        {warnings.ok ? <ReachWarnings warnings={warnings.data} /> : null}
        <Container header="Escalation plan details">
          <KeyValuePairs
            items={[
              { label: "Alias", value: plan.alias },
              { label: "Display name", value: plan.displayName || null },
              { label: "Stages", value: String(plan.stages.length) },
              { label: "ARN", value: <Arn arn={plan.arn} label="Copy escalation plan ARN" /> },
            ]}
          />
        </Container>
        <Container header="Who is engaged when" description="In minutes from the start of an engagement.">
          <EngagementTimeline
            kind="contact"
            stages={plan.stages.map((s) => ({
              durationMinutes: s.durationMinutes,
              targets: s.targets.flatMap((t) => (t.kind === "contact" ? [{ label: t.alias, essential: t.essential }] : [])),
            }))}
          />
          {targets.length ? (
            <p className="mt-3">
              Contacts:{" "}
              {[...new Set(targets.map((t) => t.alias))].map((a, i) => (
                <span key={a}>
                  {i ? ", " : ""}
                  <Link href={contactPath(a)} className="text-link hover:underline">
                    {a}
                  </Link>
                </span>
              ))}
            </p>
          ) : null}
        </Container>
        <Container header="Recent pages" flush>
          {plan.pages.ok ? (
            <RecentPages pages={plan.pages.items} />
          ) : (
            <Alert type="info" header="Pages can't be shown" className="mx-5 mb-5">
              {plan.pages.message}
            </Alert>
          )}
        </Container>
      </div>
    </>
  );
}

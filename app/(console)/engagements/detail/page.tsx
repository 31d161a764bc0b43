import type { Metadata } from "next";
import Link from "next/link";
import { EngagementPages } from "@/components/engagements/engagement-pages";
import { PagePathsSection } from "@/components/schedules/feeds/page-paths";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Container } from "@/components/ui/container";
import { KeyValuePairs } from "@/components/ui/key-value";
import { PageHeader } from "@/components/ui/page-header";
import { AbsoluteTime } from "@/components/ui/relative-time";
import { Arn, ArnText } from "@/components/ui/arn";
import { EngagementStateText } from "@/components/engagements/engagement-state";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getEngagementDetail } from "@/lib/console/engagements/queries";
import { incidentPath } from "@/lib/console/incidents/paths";
import { contactAlias } from "@/lib/console/contacts/paths";
import { pagePaths } from "@/lib/console/schedules/feeds/on-call";

export const metadata: Metadata = { title: "Engagement" };

const crumbs = (last: string) => [{ label: "Incident Manager", href: "/incidents" }, { label: "Engagements", href: "/engagements" }, { label: last }];

export default async function EngagementDetailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const { arn } = await searchParams;
  if (typeof arn !== "string" || !arn) {
    return (
      <>
        <Breadcrumbs items={crumbs("Engagement")} />
        <ErrorAlert error={{ name: "ValidationException", message: "Which engagement? The address has no arn." }} />
      </>
    );
  }
  const result = await getEngagementDetail(arn);
  if (!result.ok) {
    return (
      <>
        <Breadcrumbs items={crumbs("Engagement")} />
        <PageHeader title="Engagement" />
        <ErrorAlert error={result.error} />
      </>
    );
  }
  const e = result.data;
  const paths = await pagePaths(e.pages.map((p) => ({ pageArn: p.arn, contactArn: p.contactArn })));
  const incident = e.incidentId;
  return (
    <>
      <Breadcrumbs items={crumbs(e.subject || "Engagement")} />
      <PageHeader
        title={e.subject || "(no subject)"}
        description={`Engagement of ${contactAlias(e.contactArn)}`}
        badges={<EngagementStateText facts={e.facts} />}
      />
      <div className="space-y-5">
        <Container header="Details">
          <KeyValuePairs
            items={[
              { label: "Contact or escalation plan", value: contactAlias(e.contactArn) },
              { label: "Sender", value: e.sender },
              {
                label: "Incident",
                value: incident ? (
                  incident.includes(":incident-record/") ? (
                    <Link href={incidentPath(incident, "engagements")} title={incident} className="text-link underline">
                      {e.incidentTitle ?? <ArnText arn={incident} />}
                    </Link>
                  ) : (
                    <ArnText arn={incident} />
                  )
                ) : undefined,
              },
              { label: "Started", value: e.startTime ? <AbsoluteTime iso={e.startTime} /> : undefined },
              { label: "State", value: <EngagementStateText facts={e.facts} /> },
              { label: "Stopped", value: e.stopTime ? <AbsoluteTime iso={e.stopTime} /> : undefined },
              { label: "Incident ARN", value: incident && e.incidentTitle ? <Arn arn={incident} label="Copy incident ARN" /> : undefined },
              { label: "Engagement ARN", value: <Arn arn={e.arn} label="Copy engagement ARN" /> },
              { label: "Content", value: <span className="whitespace-pre-wrap">{e.content}</span> },
              { label: "Public subject", value: e.publicSubject },
              { label: "Public content", value: e.publicContent ? <span className="whitespace-pre-wrap">{e.publicContent}</span> : undefined },
            ]}
          />
        </Container>
        {!e.myContactArn ? (
          <Alert type="info">
            Link your contact on the{" "}
            <Link href="/pages" className="text-link underline">
              My pages
            </Link>{" "}
            screen to acknowledge pages addressed to you.
          </Alert>
        ) : null}
        <PagePathsSection result={paths} />
        <EngagementPages engagement={e} canWrite={can(user.role, "contacts.write")} />
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ChannelsPanel } from "@/components/contacts/channels-panel";
import { DeleteContactButton } from "@/components/contacts/delete-contact-button";
import { EngagementTimeline } from "@/components/contacts/engagement-timeline";
import { channelTypeLabel, contactTypeLabel } from "@/components/contacts/labels";
import { RecentPages } from "@/components/contacts/recent-pages";
import { NextShiftsSection } from "@/components/schedules/feeds/next-shifts";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { KeyValuePairs } from "@/components/ui/key-value";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { getContactByAlias } from "@/lib/console/contacts/queries";
import { escalationPlanPath } from "@/lib/console/contacts/paths";
import { contactNextShifts } from "@/lib/console/schedules/feeds/on-call";
import { Arn } from "@/components/ui/arn";

type Params = { params: Promise<{ alias: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `Contact ${decodeURIComponent((await params).alias)}` };
}

export default async function ContactPage({ params }: Params) {
  const user = await requireUser();
  const alias = decodeURIComponent((await params).alias);
  const result = await getContactByAlias(alias);
  if (!result.ok && result.error.name === "ResourceNotFoundException") notFound();
  const crumbs = [{ label: "Incident Manager", href: "/incidents" }, { label: "Contacts", href: "/contacts" }, { label: alias }];
  if (!result.ok) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <ErrorAlert error={result.error} />
      </>
    );
  }
  const contact = result.data;
  if (contact.type === "ESCALATION") redirect(escalationPlanPath(contact.alias));
  const canWrite = can(user.role, "contacts.write");
  const nextShifts = contact.type === "PERSONAL" ? await contactNextShifts(contact.arn) : null;
  const channelTarget = (arn: string, retryMinutes?: number) => {
    const c = contact.channels.find((ch) => ch.arn === arn);
    return {
      label: c ? `${c.name} (${channelTypeLabel(c.type)})` : "A deleted channel",
      retryMinutes,
      // The engine never pages a channel that isn't activated (DESIGN.md): say so where it's planned.
      note: c && !c.activated ? "not activated: not paged until it is" : undefined,
    };
  };
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader
        title={contact.displayName || contact.alias}
        description={contact.displayName ? contact.alias : undefined}
        actions={
          canWrite ? (
            <>
              <ButtonLink href={`/contacts/${encodeURIComponent(contact.alias)}/edit`}>Edit</ButtonLink>
              <DeleteContactButton arn={contact.arn} alias={contact.alias} kind="contact" />
            </>
          ) : null
        }
      />
      <div className="space-y-5">
        <Container header="Contact details">
          <KeyValuePairs
            items={[
              { label: "Alias", value: contact.alias },
              { label: "Display name", value: contact.displayName || null },
              { label: "Type", value: contactTypeLabel(contact.type) },
              { label: "ARN", value: <Arn arn={contact.arn} label="Copy contact ARN" /> },
            ]}
          />
        </Container>
        <Container header="Contact channels" flush>
          <ChannelsPanel alias={contact.alias} channels={contact.channels} canWrite={canWrite} />
        </Container>
        <Container header="Engagement plan" description="Who is paged when, in minutes from the start of an engagement.">
          <EngagementTimeline
            kind="channel"
            stages={contact.stages.map((s) => ({
              durationMinutes: s.durationMinutes,
              targets: s.targets.flatMap((t) => (t.kind === "channel" ? [channelTarget(t.channelArn, t.retryMinutes)] : [])),
            }))}
          />
        </Container>
        {nextShifts ? <NextShiftsSection title="Next on-call shifts" result={nextShifts} empty="No on-call shifts in the next four weeks." /> : null}
        <Container header="Recent pages" flush>
          {contact.pages.ok ? (
            <RecentPages pages={contact.pages.items} />
          ) : (
            <Alert type="info" header="Pages can't be shown" className="mx-5 mb-5">
              {contact.pages.message}
            </Alert>
          )}
        </Container>
      </div>
    </>
  );
}

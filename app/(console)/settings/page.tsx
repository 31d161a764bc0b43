import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiKeysSection } from "@/components/settings/api-keys-section";
import { ReplicationSetDangerZone, ReplicationSetSection } from "@/components/settings/replication-set-section";
import { ResourcePoliciesSection } from "@/components/settings/resource-policies-section";
import { TagsSection } from "@/components/settings/tags-section";
import { UsersSection } from "@/components/users/users-section";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { consoleMode, consoleRegion, getReplicationSetView, listApiKeyRows } from "@/lib/console/settings/queries";
import { listUserRows } from "@/lib/console/users/queries";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  // Responders and viewers get the not-found page: Settings does not exist for them.
  if (!can(user.role, "settings.read")) notFound();
  const mode = consoleMode();
  const [replicationSet, keys, users] = await Promise.all([getReplicationSetView(), mode === "local" ? listApiKeyRows() : null, listUserRows()]);
  return (
    <>
      <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "Settings" }]} />
      <PageHeader
        title="Settings"
        description="The account's Incident Manager set-up (replication set, resource policies, tags), API access keys, and the console's users."
      />
      <div className="space-y-5">
        {replicationSet.ok ? (
          <ReplicationSetSection initial={replicationSet.data} region={consoleRegion()} />
        ) : (
          <Container header="Replication set">
            <ErrorAlert error={replicationSet.error} />
          </Container>
        )}
        <ResourcePoliciesSection />
        <TagsSection />
        {keys === null ? (
          <Container header="API access keys">
            <Alert type="info" header="Not used in aws mode">
              API access keys sign AWS CLI and SDK calls to this console&apos;s own AWS-compatible endpoints, which serve the local Incident Manager model.
              This console runs in aws mode: it calls AWS with its AWS credentials, so use IAM access keys with the AWS CLI and SDKs instead.
            </Alert>
          </Container>
        ) : keys.ok ? (
          <ApiKeysSection keys={keys.data} region={consoleRegion()} />
        ) : (
          <ErrorAlert error={keys.error} />
        )}
        {users.ok ? <UsersSection users={users.data} currentUserId={user.id} /> : <ErrorAlert error={users.error} />}
        {/* Last: what can't be undone is never the first thing on the page. */}
        {replicationSet.ok ? <ReplicationSetDangerZone initial={replicationSet.data} mode={mode} /> : null}
      </div>
    </>
  );
}

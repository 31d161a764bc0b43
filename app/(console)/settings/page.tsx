import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ApiKeysSection } from "@/components/settings/api-keys-section";
import { UsersSection } from "@/components/settings/users-section";
import { ErrorAlert } from "@/components/ui/alert";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { consoleRegion, listApiKeyRows, listUserRows } from "@/lib/queries/settings";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  // Responders and viewers get the not-found page: Settings does not exist for them.
  if (!can(user.role, "settings.read")) notFound();
  const [keys, users] = await Promise.all([listApiKeyRows(), listUserRows()]);
  return (
    <>
      <Breadcrumbs items={[{ label: "Incident Manager", href: "/incidents" }, { label: "Settings" }]} />
      <PageHeader title="Settings" description="API access keys for the AWS-compatible endpoints, and the console's users." />
      <div className="space-y-5">
        {keys.ok ? <ApiKeysSection keys={keys.data} region={consoleRegion()} /> : <ErrorAlert error={keys.error} />}
        {users.ok ? <UsersSection users={users.data} currentUserId={user.id} /> : <ErrorAlert error={users.error} />}
      </div>
    </>
  );
}

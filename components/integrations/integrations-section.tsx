"use client";
// A response plan's alert integrations (issue 15): each with its kind, intake URL (never the
// token), who added it, its last alert and count, and whether it is active; for admins and
// responders, Add integration (the token shown once, with ready-to-paste snippets), Send test alert
// (then a link to its alerts), Rotate token and Revoke. Viewers see the list without the controls;
// the server refuses their forced calls anyway. The plan page re-renders on live events, so the
// counts move as alerts arrive.
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Container } from "@/components/ui/container";
import { CopyButton } from "@/components/ui/copy-button";
import { deferred, standInButton } from "@/components/ui/deferred";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusIndicator } from "@/components/ui/status-indicator";
import { useAction } from "@/components/ui/use-action";
import { alertsPath } from "@/lib/console/alerts/paths";
import { revokeIntegrationAction, rotateIntegrationTokenAction, sendTestAlertAction } from "@/lib/console/integrations/actions";
import { ALERT_INTEGRATIONS_DESCRIPTION, KIND_LABELS, type IntegrationRow, type IntegrationWithToken } from "@/lib/console/integrations/dto";
import { integrationUrls } from "@/lib/console/integrations/paths";
import { IntegrationToken } from "./integration-token";
import { useOrigin } from "./use-origin";

const AddIntegrationDialog = deferred(
  () => import("./add-integration-dialog").then((m) => m.AddIntegrationDialog),
  standInButton("Add integration", buttonClass("normal")),
);

export function IntegrationsSection({
  responsePlanArn,
  integrations,
  canWrite,
  foldsAlerts,
}: {
  responsePlanArn: string;
  integrations: IntegrationRow[];
  canWrite: boolean;
  foldsAlerts: boolean;
}) {
  const router = useRouter();
  const [shown, setShown] = useState<{ created: IntegrationWithToken; rotated: boolean } | null>(null);
  const reveal = (created: IntegrationWithToken, rotated: boolean) => {
    setShown({ created, rotated });
    router.refresh();
  };
  return (
    <Container
      header="Alert integrations"
      description={ALERT_INTEGRATIONS_DESCRIPTION}
      actions={canWrite ? <AddIntegrationDialog responsePlanArn={responsePlanArn} foldsAlerts={foldsAlerts} onCreated={(c) => reveal(c, false)} /> : null}
    >
      <div className="space-y-4">
        {shown ? <IntegrationToken shown={shown.created} rotated={shown.rotated} onDismiss={() => setShown(null)} /> : null}
        {canWrite && foldsAlerts && integrations.some((i) => !i.revokedAt) ? (
          <Alert type="warning" header="Every alert folds into one incident">
            This plan&apos;s incident template has a dedupe string: while one of its incidents is open, every alert is added to it instead of starting its own.
          </Alert>
        ) : null}
        {integrations.length === 0 ? (
          <p className="text-muted">No alert integrations. {canWrite ? "Add one to start incidents from your monitoring's alerts." : ""}</p>
        ) : (
          <ul aria-label="Alert integrations" className="divide-y divide-line border-y border-line">
            {integrations.map((i) => (
              <IntegrationItem key={i.id} integration={i} canWrite={canWrite} onRotated={(c) => reveal(c, true)} />
            ))}
          </ul>
        )}
      </div>
    </Container>
  );
}

function IntegrationItem({ integration: i, canWrite, onRotated }: { integration: IntegrationRow; canWrite: boolean; onRotated: (c: IntegrationWithToken) => void }) {
  const origin = useOrigin();
  const { ingestionUrl, pagerDutyUrl } = integrationUrls(origin, i.id);
  const url = i.kind === "PAGERDUTY" ? pagerDutyUrl : ingestionUrl;
  const severities = Object.entries(i.severityMap).sort(([, a], [, b]) => a - b);
  return (
    <li aria-label={i.name} className="py-3">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <h3 className="font-bold break-words">{i.name}</h3>
        {i.revokedAt ? <StatusIndicator type="error">Revoked</StatusIndicator> : <StatusIndicator type="success">Active</StatusIndicator>}
      </div>
      <dl className="mt-2 grid gap-x-8 gap-y-2 sm:grid-cols-2 lg:grid-cols-3">
        <Pair label="Sends">{KIND_LABELS[i.kind]}</Pair>
        <Pair label="Last alert">
          {i.lastAlertAt ? <RelativeTime iso={i.lastAlertAt} /> : "None yet"}
          {" · "}
          <Link href={alertsPath({ integration: i.id })} className="text-link hover:underline">
            {i.alertCount === 1 ? "1 alert" : `${i.alertCount} alerts`}
          </Link>
        </Pair>
        <Pair label="Added by">
          {i.createdBy}, <RelativeTime iso={i.createdAt} />
        </Pair>
        <Pair label={i.kind === "PAGERDUTY" ? "Events API v2 URL" : "Intake URL"} wide>
          <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
            <code className="break-all">{url || i.ingestionPath}</code>
            {i.revokedAt ? null : <CopyButton text={url} label={`Copy intake URL of ${i.name}`} />}
          </span>
        </Pair>
        <Pair label="Severity → impact">{severities.length ? severities.map(([s, impact]) => `${s} ${impact}`).join(", ") : "The plan's impact"}</Pair>
        <Pair label="Resolves incidents">{i.autoResolve ? "When all its alerts are resolved" : "No: responders resolve them"}</Pair>
      </dl>
      {canWrite && !i.revokedAt ? <IntegrationControls integration={i} onRotated={onRotated} /> : null}
    </li>
  );
}

function Pair({ label, wide, children }: { label: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? "min-w-0 sm:col-span-2" : "min-w-0"}>
      <dt className="font-bold text-muted">{label}</dt>
      <dd className="break-words">{children}</dd>
    </div>
  );
}

function IntegrationControls({ integration: i, onRotated }: { integration: IntegrationRow; onRotated: (c: IntegrationWithToken) => void }) {
  const router = useRouter();
  const test = useAction();
  const [sent, setSent] = useState(false);
  const [confirm, setConfirm] = useState<"rotate" | "revoke" | null>(null);
  return (
    <div className="mt-3 space-y-2">
      <div className="flex flex-wrap gap-2">
        <Button
          aria-label={`Send test alert to ${i.name}`}
          disabled={test.pending}
          onClick={() =>
            test.run(
              () => sendTestAlertAction({ id: i.id }),
              () => {
                setSent(true);
                router.refresh();
              },
            )
          }
        >
          {test.pending ? "Sending…" : "Send test alert"}
        </Button>
        <Button variant="link" aria-label={`Rotate token of ${i.name}`} onClick={() => setConfirm("rotate")}>
          Rotate token
        </Button>
        <Button variant="link" aria-label={`Revoke ${i.name}`} onClick={() => setConfirm("revoke")}>
          Revoke
        </Button>
      </div>
      {test.error ? <ErrorAlert error={test.error} /> : null}
      {sent && !test.error ? (
        <Alert type="success" header="Test alert sent">
          It went the way a real alert goes: stored, then processed into an incident of this plan.{" "}
          <Link href={alertsPath({ integration: i.id })} className="font-bold text-link hover:underline">
            See the alerts of {i.name}
          </Link>
        </Alert>
      ) : null}
      {confirm === "rotate" ? (
        <ConfirmDialog
          title="Rotate token"
          confirmLabel="Rotate token"
          pendingLabel="Rotating…"
          // The new token is in the answer: shown at once, as creating shows it.
          action={async () => {
            const result = await rotateIntegrationTokenAction({ id: i.id });
            if (result.ok) onRotated(result.data);
            return result;
          }}
          onDone={() => undefined}
          onClose={() => setConfirm(null)}
        >
          <p>
            Give <span className="font-bold">{i.name}</span> a new token? The current token stops working at once: update the tool that sends its alerts with the new one.
          </p>
        </ConfirmDialog>
      ) : null}
      {confirm === "revoke" ? (
        <ConfirmDialog
          title="Revoke integration"
          confirmLabel="Revoke"
          pendingLabel="Revoking…"
          action={() => revokeIntegrationAction({ id: i.id })}
          onDone={() => router.refresh()}
          onClose={() => setConfirm(null)}
        >
          <p>
            Revoke <span className="font-bold">{i.name}</span>? Its alerts are refused from now on. The alerts it already sent stay listed. This cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

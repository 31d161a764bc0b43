"use client";
// The Alerts page's filters. Every change is a new URL (router.push), so the back button steps
// back through them and a filtered view can be shared or linked (the plan page links an
// integration's alerts, the incident's Alerts tab a group's).
import { useRouter } from "next/navigation";
import { useOptimistic, useTransition, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/form-field";
import { ALERT_OUTCOME_LABELS, ALERT_STATUS_LABELS, type AlertGroupLabel } from "@/lib/console/alerts/dto";
import { isAlertFilterActive, RECEIVED_SINCE, type AlertFilter, type ReceivedSince } from "@/lib/console/alerts/filters";
import { ALERT_OUTCOMES, ALERT_STATUSES, type AlertOutcome, type AlertStatus } from "@/lib/console/alerts/normalized";
import { alertsPath } from "@/lib/console/alerts/paths";
import type { IntegrationOption } from "@/lib/console/integrations/dto";

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="min-w-40 max-sm:flex-1">
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      {children}
    </div>
  );
}

export function AlertFilters({ filter, integrations, group }: { filter: AlertFilter; integrations: IntegrationOption[]; group?: AlertGroupLabel | null }) {
  const router = useRouter();
  // The controls show the new choice at once; the URL (and the list) follow when the navigation lands.
  const [shown, setShown] = useOptimistic(filter);
  const [, startTransition] = useTransition();
  const go = (next: Partial<AlertFilter>) =>
    startTransition(() => {
      const merged = Object.fromEntries(Object.entries({ ...filter, ...next }).filter(([, v]) => v)) as AlertFilter;
      setShown(merged);
      router.push(alertsPath(merged), { scroll: false });
    });
  // An integration the link names but the list doesn't (deleted since) still shows as chosen.
  const known = !shown.integration || integrations.some((i) => i.id === shown.integration);
  return (
    <div className="space-y-3 px-5 pb-3">
      <div role="search" aria-label="Alerts" className="flex flex-wrap items-end gap-3">
        <Field id="alert-integration" label="Integration">
          <Select id="alert-integration" className="h-9" value={shown.integration ?? ""} onChange={(e) => go({ integration: e.target.value || undefined })}>
            <option value="">All integrations</option>
            {known ? null : <option value={shown.integration}>An integration no longer listed</option>}
            {integrations.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name} ({i.responsePlanName}){i.revoked ? " — revoked" : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="alert-status" label="Status">
          <Select id="alert-status" className="h-9" value={shown.status ?? ""} onChange={(e) => go({ status: (e.target.value || undefined) as AlertStatus | undefined })}>
            <option value="">Any status</option>
            {ALERT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ALERT_STATUS_LABELS[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="alert-outcome" label="Outcome">
          <Select id="alert-outcome" className="h-9" value={shown.outcome ?? ""} onChange={(e) => go({ outcome: (e.target.value || undefined) as AlertOutcome | undefined })}>
            <option value="">Any outcome</option>
            {ALERT_OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {ALERT_OUTCOME_LABELS[o]}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="alert-since" label="Received">
          <Select id="alert-since" className="h-9" value={shown.since ?? ""} onChange={(e) => go({ since: (e.target.value || undefined) as ReceivedSince | undefined })}>
            <option value="">Any time</option>
            {Object.entries(RECEIVED_SINCE).map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="alert-from" label="Received from">
          <Input id="alert-from" type="date" className="h-9" value={shown.from ?? ""} max={shown.to} onChange={(e) => go({ from: e.target.value || undefined })} />
        </Field>
        <Field id="alert-to" label="Received to">
          <Input id="alert-to" type="date" className="h-9" value={shown.to ?? ""} min={shown.from} onChange={(e) => go({ to: e.target.value || undefined })} />
        </Field>
      </div>
      {shown.group || isAlertFilterActive(shown) ? (
        <div className="flex flex-wrap items-center gap-3">
          {shown.group ? (
            <span className="rounded-full border border-line-strong px-3 py-0.5">
              Alert group: {group ? `${group.title} (${group.integrationName})` : "one alert group"}
              <Button variant="link" className="ml-1 px-2" aria-label="Show every group's alerts" onClick={() => go({ group: undefined })}>
                ✕
              </Button>
            </span>
          ) : null}
          <Button variant="link" onClick={() => router.push(alertsPath())}>
            Clear filters
          </Button>
        </div>
      ) : null}
    </div>
  );
}

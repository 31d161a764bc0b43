"use client";
// "Add integration": what sends the alerts (the kind), a name, the severity → impact map (the
// kind's suggestion to start with), and whether the incident resolves itself when every alert
// behind it has. Loaded when the button is first pressed (deferred): the form, its schema and the
// suggested maps are not part of the plan page until then.
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { ActionDialog } from "@/components/ui/action-dialog";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField, Input, Select } from "@/components/ui/form-field";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { RowEditor } from "@/components/ui/row-editor";
import { useActionForm } from "@/components/ui/use-action-form";
import { ALERT_KINDS, type AlertKind } from "@/lib/console/alerts/normalized";
import { suggestedSeverityMap } from "@/lib/console/alerts/severity";
import { IMPACTS, impactLabel } from "@/lib/console/incidents/impact";
import { createIntegrationAction } from "@/lib/console/integrations/actions";
import { KIND_LABELS, type IntegrationWithToken } from "@/lib/console/integrations/dto";
import { INTEGRATION_LIMITS, toSeverityRows, type CreateIntegrationFormValues } from "@/lib/console/integrations/schemas";

const resolver = lazyZodResolver<CreateIntegrationFormValues>(() => import("@/lib/console/integrations/schemas").then((m) => m.createIntegrationFormSchema));
const FIELDS = ["name", "kind", "severityRows", "autoResolve", "responsePlanArn"] as const;
const IMPACT_OPTIONS: [string, string][] = IMPACTS.map((i) => [String(i), impactLabel(i)]);

const initial = (responsePlanArn: string, kind: AlertKind = "ALERTMANAGER"): CreateIntegrationFormValues => ({
  responsePlanArn,
  name: "",
  kind,
  severityRows: toSeverityRows(suggestedSeverityMap(kind)),
  autoResolve: false,
});

export function AddIntegrationDialog({
  responsePlanArn,
  foldsAlerts,
  onCreated,
  defaultOpen = false,
}: {
  responsePlanArn: string;
  /** The plan's incident template has a dedupe string: every alert would fold into one incident. */
  foldsAlerts: boolean;
  onCreated: (created: IntegrationWithToken) => void;
  defaultOpen?: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen);
  const form = useForm<CreateIntegrationFormValues>({ resolver, defaultValues: initial(responsePlanArn) });
  const rows = useFieldArray({ control: form.control, name: "severityRows" });
  const { formError, run, clearFormError } = useActionForm(form.setError, FIELDS);
  const { errors, isSubmitting, dirtyFields } = form.formState;

  function onOpenChange(next: boolean) {
    setOpen(next);
    form.reset(initial(responsePlanArn));
    clearFormError();
  }

  const onSubmit = form.handleSubmit(async (values) => {
    const created = await run(() => createIntegrationAction(values));
    if (!created) return;
    onOpenChange(false);
    onCreated(created);
  });

  const kind = form.register("kind", {
    // A map nobody edited yet follows the kind: PagerDuty's four severities aren't Prometheus' labels.
    onChange: (e: { target: { value: string } }) => {
      if (!dirtyFields.severityRows) form.setValue("severityRows", toSeverityRows(suggestedSeverityMap(e.target.value as AlertKind)));
    },
  });

  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Add integration"
      description="A monitoring tool's alerts start incidents of this plan."
      trigger={<Button>Add integration</Button>}
      submitLabel="Add integration"
      pendingLabel="Adding…"
      pending={isSubmitting}
      form="add-integration-form"
    >
      <form id="add-integration-form" onSubmit={onSubmit} noValidate className="space-y-4">
        {formError ? <ErrorAlert error={formError} /> : null}
        {foldsAlerts ? (
          <Alert type="warning" header="This plan has a dedupe string">
            Its incident template sets a dedupe string, so every alert would fold into one incident: while one is open, every new alert is added to it.
            Clear the plan&apos;s dedupe string if each alert should start its own incident.
          </Alert>
        ) : null}
        <FormField id="integration-kind" label="Sends alerts" error={errors.kind?.message}>
          <Select {...fieldAria("integration-kind", { error: errors.kind?.message })} {...kind}>
            {ALERT_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="integration-name" label="Name" constraint={`Shown as who started the incidents. At most ${INTEGRATION_LIMITS.name} characters.`} error={errors.name?.message}>
          <Input {...fieldAria("integration-name", { error: errors.name?.message })} maxLength={INTEGRATION_LIMITS.name} placeholder="Prometheus production" {...form.register("name")} />
        </FormField>
        <RowEditor
          form={form}
          rows={rows}
          name="severityRows"
          item="severity"
          idPrefix="integration-severity"
          legend="Severity → impact"
          description="The incident's impact for each severity an alert carries; any other severity takes the plan's impact (a generic alert's own impact wins)."
          empty="No severities mapped: every incident takes the plan's impact."
          max={INTEGRATION_LIMITS.severityRows}
          columns={[
            { field: "severity", label: "Severity", placeholder: "critical" },
            { field: "impact", label: "Impact", control: "select", options: IMPACT_OPTIONS },
          ]}
        />
        <label className="flex items-start gap-2">
          <input type="checkbox" className="mt-1 size-4 accent-link" {...form.register("autoResolve")} />
          <span>
            <span className="font-bold">Resolve incidents automatically</span>
            <span className="block text-muted">When every alert behind an incident is resolved, the incident is resolved too.</span>
          </span>
        </label>
      </form>
    </ActionDialog>
  );
}

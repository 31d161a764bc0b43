"use client";
// The fields of each section of a response plan, shared by the create form (all sections) and the
// section editors on the plan's page (one at a time).
import type { ReactNode } from "react";
import { Controller, useWatch } from "react-hook-form";
import { ImpactOptions } from "@/components/incidents/impact-options";
import { fieldAria, FormField, Input, Select, Textarea } from "@/components/ui/form-field";
import { DYNAMIC_VARIABLES, PLAN_LIMITS, TARGET_ACCOUNTS, type PlanSection } from "@/lib/console/response-plans/schemas";
import { EngagementPicker } from "./engagement-picker";
import { DYNAMIC_VARIABLE_LABELS, TARGET_ACCOUNT_LABELS } from "./labels";
import { ListError, listError, type RowColumn } from "@/components/ui/row-editor";
import { RowsEditor, type PlanForm } from "./row-editors";


/** The aria and registration of one top-level text field. */
function useText(form: PlanForm) {
  const errors = form.formState.errors;
  return (name: "name" | "displayName" | "title" | "impact" | "summary" | "dedupeString" | "documentName" | "documentVersion" | "roleArn" | "targetAccount" | "pagerDutyName" | "pagerDutyServiceId" | "pagerDutySecretId", description = false) => ({
    error: errors[name]?.message,
    props: { ...fieldAria(`plan-${name}`, { error: errors[name]?.message, description }), ...form.register(name) },
  });
}

function DetailsFields({ form, editing }: { form: PlanForm; editing: boolean }) {
  const text = useText(form);
  const name = text("name", true);
  const displayName = text("displayName");
  return (
    <div className="max-w-2xl space-y-4">
      <FormField
        id="plan-name"
        label="Name"
        description={editing ? "The name identifies the plan and can't be changed." : "A unique name. Letters, digits, hyphens and underscores."}
        error={name.error}
      >
        <Input readOnly={editing} aria-readonly={editing || undefined} {...name.props} />
      </FormField>
      <FormField id="plan-displayName" label="Display name" optional error={displayName.error}>
        <Input {...displayName.props} />
      </FormField>
    </div>
  );
}

function DefaultsFields({ form }: { form: PlanForm }) {
  const text = useText(form);
  const [title, impact, summary, dedupe] = [text("title"), text("impact"), text("summary"), text("dedupeString", true)];
  return (
    <div className="max-w-2xl space-y-4">
      <FormField id="plan-title" label="Title" error={title.error}>
        <Input {...title.props} />
      </FormField>
      <FormField id="plan-impact" label="Impact" error={impact.error}>
        <Select {...impact.props}>
          <ImpactOptions empty="Choose an impact" />
        </Select>
      </FormField>
      <FormField id="plan-summary" label="Summary" optional error={summary.error}>
        <Textarea rows={3} {...summary.props} />
      </FormField>
      <FormField
        id="plan-dedupeString"
        label="Dedupe string"
        optional
        description="While an incident with this string is open, starting another returns it instead."
        error={dedupe.error}
      >
        <Input {...dedupe.props} />
      </FormField>
      <RowsEditor form={form} name="incidentTags" item="incident tag" legend="Incident tags" columns={tagColumns("Incident tag")} />
    </div>
  );
}

/** A choice between "none" and one kind of thing, as radio buttons; the thing's fields when chosen. */
function Choice({
  form,
  name,
  legend,
  options,
  children,
}: {
  form: PlanForm;
  name: "chatChannel" | "runbook" | "pagerDuty";
  legend: string;
  options: [value: string, label: string][];
  children: ReactNode;
}) {
  const chosen = useWatch({ control: form.control, name });
  return (
    <div className="max-w-2xl space-y-4">
      <fieldset className="min-w-0 space-y-1">
        {/* The section's heading says it; the group still needs its name. */}
        <legend className="sr-only">{legend}</legend>
        {options.map(([value, label]) => (
          <label key={value} className="flex items-center gap-2">
            <input type="radio" value={value} className="accent-link" {...form.register(name)} />
            <span>{label}</span>
          </label>
        ))}
        <ListError id={`plan-${name}-error`} message={form.formState.errors[name]?.message} />
      </fieldset>
      {chosen !== "none" ? children : null}
    </div>
  );
}

/** SNS topic ARNs, one a row. */
function ArnRows({ form, name, item, max }: { form: PlanForm; name: "notificationTargets" | "chatSnsTopics"; item: string; max: number }) {
  const label = item.charAt(0).toUpperCase() + item.slice(1);
  return <RowsEditor form={form} name={name} item={item} max={max} columns={[{ field: "arn", label: `${label} ARN`, placeholder: "arn:aws:sns:us-east-1:123456789012:topic" }]} />;
}

function ChatFields({ form }: { form: PlanForm }) {
  return (
    <Choice form={form} name="chatChannel" legend="Chat channel" options={[["none", "No chat channel"], ["sns", "AWS Chatbot SNS topics"]]}>
      <ArnRows form={form} name="chatSnsTopics" item="SNS topic" max={PLAN_LIMITS.chatSnsTopics} />
    </Choice>
  );
}

function RunbookFields({ form }: { form: PlanForm }) {
  const text = useText(form);
  const [documentName, documentVersion, roleArn, targetAccount] = [text("documentName"), text("documentVersion", true), text("roleArn"), text("targetAccount")];
  return (
    <Choice form={form} name="runbook" legend="Runbook" options={[["none", "No runbook"], ["ssm", "SSM Automation document"]]}>
      <FormField id="plan-documentName" label="Document name" error={documentName.error}>
        <Input placeholder="AWSIncidents-CriticalIncidentRunbookTemplate" {...documentName.props} />
      </FormField>
      <FormField id="plan-documentVersion" label="Document version" optional description="Empty runs the default version." error={documentVersion.error}>
        <Input {...documentVersion.props} />
      </FormField>
      <FormField id="plan-roleArn" label="Role ARN" error={roleArn.error}>
        <Input placeholder="arn:aws:iam::123456789012:role/IncidentRunbookRole" {...roleArn.props} />
      </FormField>
      <FormField id="plan-targetAccount" label="Target account" optional error={targetAccount.error}>
        <Select {...targetAccount.props}>
          <option value="">Not set</option>
          {TARGET_ACCOUNTS.map((a) => (
            <option key={a} value={a}>
              {TARGET_ACCOUNT_LABELS[a] ?? a}
            </option>
          ))}
        </Select>
      </FormField>
      <RowsEditor
        form={form}
        name="parameters"
        item="parameter"
        legend="Parameters"
        columns={[
          { field: "key", label: "Parameter name" },
          { field: "values", label: "Values of parameter", control: "textarea", constraint: "One value per line." },
        ]}
      />
      <RowsEditor
        form={form}
        name="dynamicParameters"
        item="dynamic parameter"
        legend="Dynamic parameters"
        description="Values taken from the incident when the runbook starts."
        columns={[
          { field: "key", label: "Dynamic parameter name" },
          { field: "variable", label: "Value of dynamic parameter", control: "select", options: DYNAMIC_VARIABLES.map((v) => [v, DYNAMIC_VARIABLE_LABELS[v] ?? v]) },
        ]}
      />
    </Choice>
  );
}

function IntegrationFields({ form }: { form: PlanForm }) {
  const text = useText(form);
  const [name, serviceId, secretId] = [text("pagerDutyName"), text("pagerDutyServiceId"), text("pagerDutySecretId", true)];
  return (
    <Choice form={form} name="pagerDuty" legend="Integration" options={[["none", "No integration"], ["pagerDuty", "PagerDuty"]]}>
      <FormField id="plan-pagerDutyName" label="PagerDuty configuration name" error={name.error}>
        <Input {...name.props} />
      </FormField>
      <FormField id="plan-pagerDutyServiceId" label="PagerDuty service ID" error={serviceId.error}>
        <Input {...serviceId.props} />
      </FormField>
      <FormField id="plan-pagerDutySecretId" label="Secret ID" description="The AWS Secrets Manager secret that holds the PagerDuty credentials." error={secretId.error}>
        <Input {...secretId.props} />
      </FormField>
    </Choice>
  );
}

const tagColumns = (item: string): RowColumn[] => [
  { field: "key", label: `${item} key` },
  { field: "value", label: `${item} value` },
];

/** The fields of one section. */
export function SectionFields({ form, section, editing = false }: { form: PlanForm; section: PlanSection; editing?: boolean }) {
  switch (section) {
    case "details":
      return <DetailsFields form={form} editing={editing} />;
    case "defaults":
      return <DefaultsFields form={form} />;
    case "notifications":
      return (
        <div className="max-w-2xl">
          <ArnRows form={form} name="notificationTargets" item="notification target" max={PLAN_LIMITS.notificationTargets} />
        </div>
      );
    case "chat":
      return <ChatFields form={form} />;
    case "engagements":
      return (
        <div className="max-w-2xl">
          <Controller
            control={form.control}
            name="engagements"
            render={({ field, fieldState }) => <EngagementPicker value={field.value} onChange={field.onChange} error={listError(fieldState.error)} />}
          />
        </div>
      );
    case "runbook":
      return <RunbookFields form={form} />;
    case "integrations":
      return <IntegrationFields form={form} />;
    case "tags":
      return (
        <div className="max-w-2xl">
          <RowsEditor form={form} name="tags" item="tag" legend="Tags" hideLegend columns={tagColumns("Tag")} />
        </div>
      );
  }
}

"use client";
// The fields of each section of a response plan, shared by the create form (all sections) and the
// section editors on the plan's page (one at a time).
import { Controller, useFieldArray, useWatch, type UseFormReturn } from "react-hook-form";
import { ImpactOptions } from "@/components/incidents/impact-options";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField, Input, Select, Textarea } from "@/components/ui/form-field";
import { DYNAMIC_VARIABLES, PLAN_LIMITS, TARGET_ACCOUNTS, type PlanSection, type ResponsePlanFormValues } from "@/lib/actions/schemas/response-plan";
import { EngagementPicker } from "./engagement-picker";
import { DYNAMIC_VARIABLE_LABELS, TARGET_ACCOUNT_LABELS } from "./labels";
import { ArnRows, KeyValueRows, ListError, listError } from "./row-editors";

export type PlanForm = UseFormReturn<ResponsePlanFormValues>;

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
      <KeyValueRows form={form} name="incidentTags" item="Incident tag" legend="Incident tags" />
    </div>
  );
}

/** A choice between "none" and one kind of thing, as radio buttons. */
function Choice({ form, name, legend, options }: { form: PlanForm; name: "chatChannel" | "runbook" | "pagerDuty"; legend: string; options: [string, string][] }) {
  return (
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
  );
}

function ChatFields({ form }: { form: PlanForm }) {
  const mode = useWatch({ control: form.control, name: "chatChannel" });
  return (
    <div className="max-w-2xl space-y-4">
      <Choice
        form={form}
        name="chatChannel"
        legend="Chat channel"
        options={[
          ["none", "No chat channel"],
          ["sns", "AWS Chatbot SNS topics"],
        ]}
      />
      {mode === "sns" ? <ArnRows form={form} name="chatSnsTopics" item="SNS topic" max={PLAN_LIMITS.chatSnsTopics} /> : null}
    </div>
  );
}

function RunbookFields({ form }: { form: PlanForm }) {
  const mode = useWatch({ control: form.control, name: "runbook" });
  const text = useText(form);
  const [documentName, documentVersion, roleArn, targetAccount] = [text("documentName"), text("documentVersion", true), text("roleArn"), text("targetAccount")];
  return (
    <div className="max-w-2xl space-y-4">
      <Choice
        form={form}
        name="runbook"
        legend="Runbook"
        options={[
          ["none", "No runbook"],
          ["ssm", "SSM Automation document"],
        ]}
      />
      {mode === "ssm" ? (
        <>
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
          <ParameterRows form={form} />
          <DynamicParameterRows form={form} />
        </>
      ) : null}
    </div>
  );
}

function ParameterRows({ form }: { form: PlanForm }) {
  const rows = useFieldArray({ control: form.control, name: "parameters" });
  const errors = form.formState.errors.parameters;
  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className="font-bold">Parameters</legend>
      {rows.fields.length === 0 ? <p className="text-muted">No parameters.</p> : null}
      {rows.fields.map((row, i) => {
        const id = `plan-parameters-${i}`;
        const keyError = errors?.[i]?.key?.message;
        const valuesError = errors?.[i]?.values?.message;
        return (
          <div key={row.id} role="group" aria-label={`Parameter ${i + 1}`} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
            <FormField id={`${id}-key`} label={`Parameter name ${i + 1}`} error={keyError}>
              <Input {...fieldAria(`${id}-key`, { error: keyError })} {...form.register(`parameters.${i}.key`)} />
            </FormField>
            <FormField id={`${id}-values`} label={`Values of parameter ${i + 1}`} constraint="One value per line." error={valuesError}>
              <Textarea rows={2} {...fieldAria(`${id}-values`, { error: valuesError })} {...form.register(`parameters.${i}.values`)} />
            </FormField>
            <Button variant="link" className="sm:mt-7" onClick={() => rows.remove(i)} aria-label={`Remove parameter ${i + 1}`}>
              Remove
            </Button>
          </div>
        );
      })}
      <ListError id="plan-parameters-error" message={listError(errors)} />
      <Button onClick={() => rows.append({ key: "", values: "" })}>Add parameter</Button>
    </fieldset>
  );
}

function DynamicParameterRows({ form }: { form: PlanForm }) {
  const rows = useFieldArray({ control: form.control, name: "dynamicParameters" });
  const errors = form.formState.errors.dynamicParameters;
  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className="font-bold">Dynamic parameters</legend>
      <p className="text-muted">Values taken from the incident when the runbook starts.</p>
      {rows.fields.map((row, i) => {
        const id = `plan-dynamicParameters-${i}`;
        const keyError = errors?.[i]?.key?.message;
        const variableError = errors?.[i]?.variable?.message;
        return (
          <div key={row.id} role="group" aria-label={`Dynamic parameter ${i + 1}`} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
            <FormField id={`${id}-key`} label={`Dynamic parameter name ${i + 1}`} error={keyError}>
              <Input {...fieldAria(`${id}-key`, { error: keyError })} {...form.register(`dynamicParameters.${i}.key`)} />
            </FormField>
            <FormField id={`${id}-variable`} label={`Value of dynamic parameter ${i + 1}`} error={variableError}>
              <Select {...fieldAria(`${id}-variable`, { error: variableError })} {...form.register(`dynamicParameters.${i}.variable`)}>
                <option value="">Choose a value</option>
                {DYNAMIC_VARIABLES.map((v) => (
                  <option key={v} value={v}>
                    {DYNAMIC_VARIABLE_LABELS[v] ?? v}
                  </option>
                ))}
              </Select>
            </FormField>
            <Button variant="link" className="sm:mt-7" onClick={() => rows.remove(i)} aria-label={`Remove dynamic parameter ${i + 1}`}>
              Remove
            </Button>
          </div>
        );
      })}
      <ListError id="plan-dynamicParameters-error" message={listError(errors)} />
      <Button onClick={() => rows.append({ key: "", variable: "" })}>Add dynamic parameter</Button>
    </fieldset>
  );
}

function IntegrationFields({ form }: { form: PlanForm }) {
  const mode = useWatch({ control: form.control, name: "pagerDuty" });
  const text = useText(form);
  const [name, serviceId, secretId] = [text("pagerDutyName"), text("pagerDutyServiceId"), text("pagerDutySecretId", true)];
  return (
    <div className="max-w-2xl space-y-4">
      <Choice
        form={form}
        name="pagerDuty"
        legend="Integration"
        options={[
          ["none", "No integration"],
          ["pagerDuty", "PagerDuty"],
        ]}
      />
      {mode === "pagerDuty" ? (
        <>
          <FormField id="plan-pagerDutyName" label="PagerDuty configuration name" error={name.error}>
            <Input {...name.props} />
          </FormField>
          <FormField id="plan-pagerDutyServiceId" label="PagerDuty service ID" error={serviceId.error}>
            <Input {...serviceId.props} />
          </FormField>
          <FormField
            id="plan-pagerDutySecretId"
            label="Secret ID"
            description="The AWS Secrets Manager secret that holds the PagerDuty credentials."
            error={secretId.error}
          >
            <Input {...secretId.props} />
          </FormField>
        </>
      ) : null}
    </div>
  );
}

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
          <KeyValueRows form={form} name="tags" item="Tag" legend="Tags" hideLegend />
        </div>
      );
  }
}

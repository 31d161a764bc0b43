"use client";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ActionDialog } from "@/components/ui/action-dialog";
import { fieldAria, FormField, Input, Select } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResponsePlanOptions } from "@/components/incidents/use-response-plan-options";
import { startIncidentAction } from "@/lib/console/incidents/actions";
import type { StartIncidentFormValues } from "@/lib/console/incidents/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { incidentKeys } from "@/lib/console/incidents/keys";
import { incidentPath } from "@/lib/console/incidents/paths";
import { contactAlias } from "@/lib/console/contacts/paths";
import { errorOf } from "@/lib/console/core/errors";
import { impactLabel } from "@/lib/console/incidents/impact";
import { ImpactOptions } from "./impact-options";
import { ItemTypeOptions } from "@/components/related-items/item-type-options";

const EMPTY: StartIncidentFormValues = { responsePlanArn: "", title: "", impact: "", relatedItems: [] };
const startIncidentResolver = lazyZodResolver<StartIncidentFormValues>(() => import("@/lib/console/incidents/schemas").then((m) => m.startIncidentFormSchema));
// How many related items the dialog offers to add at the start (a console choice: the model takes
// up to 100, and the Related items tab adds more later).
const MAX_RELATED_ITEMS = 10;

/** Started from a response plan's page, the dialog opens on that plan (`responsePlanArn`). */
export function StartIncidentDialog({
  responsePlanArn,
  label = "Start incident",
  defaultOpen = false,
}: { responsePlanArn?: string; label?: string; defaultOpen?: boolean } = {}) {
  const [open, setOpen] = useState(defaultOpen);
  const router = useRouter();
  const queryClient = useQueryClient();
  const plans = useResponsePlanOptions(open);
  const form = useForm<StartIncidentFormValues>({ resolver: startIncidentResolver, defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const items = useFieldArray({ control: form.control, name: "relatedItems" });
  // Server errors land on these fields (a related item's by its line).
  const fields = ["responsePlanArn", "title", "impact", ...items.fields.flatMap((_, i) => ["type", "value", "title"].map((f) => `relatedItems.${i}.${f}`))];
  const { formError, run, clearFormError } = useActionForm(form.setError, fields);
  const chosenArn = useWatch({ control: form.control, name: "responsePlanArn" });
  const chosen = plans.data?.find((p) => p.arn === chosenArn);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      form.reset(EMPTY);
      clearFormError();
    }
  }

  // The template's title and impact are the starting point; the responder overrides them here.
  function choosePlan(arn: string) {
    const plan = plans.data?.find((p) => p.arn === arn);
    form.setValue("responsePlanArn", arn);
    form.setValue("title", plan?.title ?? "");
    form.setValue("impact", plan ? String(plan.impact) : "");
  }
  const planField = form.register("responsePlanArn", { onChange: (e) => choosePlan(e.target.value) });
  const preselected = !!responsePlanArn && !!plans.data?.some((p) => p.arn === responsePlanArn);
  useEffect(() => {
    // Once the plans are there to choose from (the <select> has its options).
    if (open && preselected) choosePlan(responsePlanArn!);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the dialog opens or the plans arrive
  }, [open, preselected]);

  const onSubmit = form.handleSubmit(async (values) => {
    const started = await run(() => startIncidentAction(values));
    if (!started) return;
    await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
    router.push(incidentPath(started.arn));
  });

  const plansError = errorOf(plans.error);

  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Start incident"
      description="Start an incident from a response plan. Its template fills in the title and impact; change them as needed."
      trigger={<Button variant="primary">{label}</Button>}
      submitLabel="Start"
      pendingLabel="Starting…"
      pending={isSubmitting}
      disabled={!plans.data?.length}
      form="start-incident-form"
    >
      <form id="start-incident-form" onSubmit={onSubmit} noValidate className="space-y-4">
        {formError ? <ErrorAlert error={formError} /> : null}
        {plansError ? <ErrorAlert error={plansError} /> : null}
        {plans.data && plans.data.length === 0 ? (
          <Alert type="info" header="No response plans">
            An incident starts from a response plan.{" "}
            <Link href="/response-plans/create" className="text-link underline">
              Create a response plan
            </Link>{" "}
            first.
          </Alert>
        ) : null}
        <FormField id="start-responsePlanArn" label="Response plan" error={errors.responsePlanArn?.message}>
          <Select {...fieldAria("start-responsePlanArn", { error: errors.responsePlanArn?.message })} {...planField} disabled={!plans.data?.length}>
            <option value="">{plans.isPending ? "Loading response plans…" : "Choose a response plan"}</option>
            {plans.data?.map((p) => (
              <option key={p.arn} value={p.arn}>
                {p.displayName ? `${p.displayName} (${p.name})` : p.name}
              </option>
            ))}
          </Select>
        </FormField>
        {chosen ? (
          <section aria-label="Template preview" className="space-y-1 rounded-lg bg-page px-3 py-2 text-muted">
            <p>
              Template: <span className="text-ink">{chosen.title}</span> · {impactLabel(chosen.impact)}
            </p>
            {chosen.summary ? <p className="whitespace-pre-wrap">Summary: {chosen.summary}</p> : null}
            <p>
              Engages:{" "}
              {chosen.engagements.length ? <span className="text-ink">{chosen.engagements.map(contactAlias).join(", ")}</span> : "nobody"}
            </p>
          </section>
        ) : null}
        <FormField id="start-title" label="Title" error={errors.title?.message} constraint="Leave empty to use the template's title.">
          <Input {...fieldAria("start-title", { error: errors.title?.message })} {...form.register("title")} />
        </FormField>
        <FormField id="start-impact" label="Impact" error={errors.impact?.message}>
          <Select {...fieldAria("start-impact", { error: errors.impact?.message })} {...form.register("impact")}>
            <ImpactOptions empty="The template's impact" />
          </Select>
        </FormField>
        <fieldset className="space-y-3">
          <legend className="font-bold">Related items</legend>
          {items.fields.length === 0 ? <p className="text-muted">None. Add dashboards, runbooks or resources responders will need.</p> : null}
          {items.fields.map((item, i) => {
            const err = errors.relatedItems?.[i];
            return (
              <div key={item.id} role="group" aria-label={`Related item ${i + 1}`} className="grid gap-2 rounded-lg border border-line p-3 sm:grid-cols-2">
                <FormField id={`start-item-${i}-type`} label={`Type of item ${i + 1}`} error={err?.type?.message}>
                  <Select {...fieldAria(`start-item-${i}-type`, { error: err?.type?.message })} {...form.register(`relatedItems.${i}.type`)}>
                    <ItemTypeOptions />
                  </Select>
                </FormField>
                <FormField id={`start-item-${i}-title`} label={`Title of item ${i + 1}`} error={err?.title?.message} optional>
                  <Input {...fieldAria(`start-item-${i}-title`, { error: err?.title?.message })} {...form.register(`relatedItems.${i}.title`)} />
                </FormField>
                <div className="sm:col-span-2">
                  <FormField id={`start-item-${i}-value`} label={`URL or ARN of item ${i + 1}`} error={err?.value?.message}>
                    <Input {...fieldAria(`start-item-${i}-value`, { error: err?.value?.message })} {...form.register(`relatedItems.${i}.value`)} />
                  </FormField>
                </div>
                <div className="sm:col-span-2">
                  <Button variant="link" onClick={() => items.remove(i)}>
                    Remove item {i + 1}
                  </Button>
                </div>
              </div>
            );
          })}
          <Button disabled={items.fields.length >= MAX_RELATED_ITEMS} onClick={() => items.append({ type: "OTHER", value: "", title: "" })}>
            Add related item
          </Button>
        </fieldset>
      </form>
    </ActionDialog>
  );
}

"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/dialog";
import { fieldAria, FormField, Input, Select } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { useResponsePlanOptions } from "@/components/response-plans/use-response-plan-options";
import { startIncidentAction } from "@/lib/actions/start-incident";
import { startIncidentFormSchema, type StartIncidentFormValues } from "@/lib/actions/schemas/incident";
import { incidentKeys } from "@/lib/queries/keys";
import { incidentPath } from "@/lib/queries/paths";
import { ReadError } from "@/lib/queries/read-json";
import { impactLabel } from "./impact";
import { ImpactOptions } from "./impact-options";

const FIELDS = ["responsePlanArn", "title", "impact"] as const;
const EMPTY: StartIncidentFormValues = { responsePlanArn: "", title: "", impact: "" };

export function StartIncidentDialog() {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const queryClient = useQueryClient();
  const plans = useResponsePlanOptions(open);
  const form = useForm<StartIncidentFormValues>({ resolver: zodResolver(startIncidentFormSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const { formError, run, clearFormError } = useActionForm(form.setError, FIELDS);
  const chosenArn = useWatch({ control: form.control, name: "responsePlanArn" });
  const chosen = plans.data?.find((p) => p.arn === chosenArn);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      form.reset(EMPTY);
      clearFormError();
    }
  }

  const planField = form.register("responsePlanArn", {
    onChange: (e) => {
      // The template's title and impact are the starting point; the responder overrides them here.
      const plan = plans.data?.find((p) => p.arn === e.target.value);
      form.setValue("title", plan?.title ?? "");
      form.setValue("impact", plan ? String(plan.impact) : "");
    },
  });

  const onSubmit = form.handleSubmit(async (values) => {
    const started = await run(() => startIncidentAction(values));
    if (!started) return;
    await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
    router.push(incidentPath(started.arn));
  });

  const plansError = plans.error instanceof ReadError ? plans.error.error : plans.error ? { name: "Error", message: plans.error.message } : null;

  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title="Start incident"
      description="Start an incident from a response plan. Its template fills in the title and impact; change them as needed."
      trigger={<Button variant="primary">Start incident</Button>}
      footer={
        <>
          <Button variant="link" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="start-incident-form" disabled={isSubmitting || !plans.data?.length}>
            {isSubmitting ? "Starting…" : "Start"}
          </Button>
        </>
      }
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
          <p className="rounded-lg bg-page px-3 py-2 text-muted">
            Template: <span className="text-ink">{chosen.title}</span> · {impactLabel(chosen.impact)}
          </p>
        ) : null}
        <FormField id="start-title" label="Title" error={errors.title?.message} constraint="Leave empty to use the template's title.">
          <Input {...fieldAria("start-title", { error: errors.title?.message })} {...form.register("title")} />
        </FormField>
        <FormField id="start-impact" label="Impact" error={errors.impact?.message}>
          <Select {...fieldAria("start-impact", { error: errors.impact?.message })} {...form.register("impact")}>
            <ImpactOptions empty="The template's impact" />
          </Select>
        </FormField>
      </form>
    </Modal>
  );
}

"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ActionDialog } from "@/components/ui/action-dialog";
import { fieldAria, FormField, Input, Select, Textarea } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { UpdateIncidentFormValues } from "@/lib/console/incidents/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { updateIncidentAction } from "@/lib/console/incidents/actions";
import type { IncidentDetail } from "@/lib/console/incidents/dto";
import { incidentKeys } from "@/lib/console/incidents/keys";
import { ImpactOptions } from "./impact-options";

const FIELDS = ["title", "impact", "summary"] as const;
const updateIncidentResolver = lazyZodResolver<UpdateIncidentFormValues>(() => import("@/lib/console/incidents/schemas").then((m) => m.updateIncidentFormSchema));

export function EditIncidentDialog({ incident, defaultOpen = false }: { incident: IncidentDetail; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const router = useRouter();
  const queryClient = useQueryClient();
  const current: UpdateIncidentFormValues = { arn: incident.arn, title: incident.title, impact: String(incident.impact), summary: incident.summary ?? "" };
  const form = useForm({ resolver: updateIncidentResolver, defaultValues: current });
  const { errors, isSubmitting } = form.formState;
  const { formError, run, clearFormError } = useActionForm(form.setError, FIELDS);

  function onOpenChange(next: boolean) {
    setOpen(next);
    // Each opening starts from the incident as it is now.
    form.reset(current);
    clearFormError();
  }

  const onSubmit = form.handleSubmit(async (values) => {
    const done = await run(() => updateIncidentAction(values));
    if (!done) return;
    setOpen(false);
    await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
    router.refresh();
  });

  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Edit incident"
      trigger={<Button>Edit</Button>}
      submitLabel="Save changes"
      pendingLabel="Saving…"
      pending={isSubmitting}
      form="edit-incident-form"
    >
      <form id="edit-incident-form" onSubmit={onSubmit} noValidate className="space-y-4">
        {formError ? <ErrorAlert error={formError} /> : null}
        <FormField id="edit-title" label="Title" error={errors.title?.message}>
          <Input {...fieldAria("edit-title", { error: errors.title?.message })} {...form.register("title")} />
        </FormField>
        <FormField id="edit-impact" label="Impact" error={errors.impact?.message}>
          <Select {...fieldAria("edit-impact", { error: errors.impact?.message })} {...form.register("impact")}>
            <ImpactOptions />
          </Select>
        </FormField>
        <FormField id="edit-summary" label="Summary" optional error={errors.summary?.message}>
          <Textarea {...fieldAria("edit-summary", { error: errors.summary?.message })} rows={4} {...form.register("summary")} />
        </FormField>
      </form>
    </ActionDialog>
  );
}

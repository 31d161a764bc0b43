"use client";
// Edit one section of a response plan from its page: UpdateResponsePlan with that section's
// members (TagResource / UntagResource for the plan's tags), then the page again.
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ActionDialog } from "@/components/ui/action-dialog";
import { useActionForm } from "@/components/ui/use-action-form";
import { responsePlanFieldNames, sectionFormSchema, type PlanSection, type ResponsePlanFormValues } from "@/lib/console/response-plans/schemas";
import { updateResponsePlanAction } from "@/lib/console/response-plans/actions";
import { responsePlanKeys } from "@/lib/console/response-plans/keys";
import { SECTION_DESCRIPTIONS, SECTION_TITLES } from "./labels";
import { SectionFields } from "./plan-form";

export function EditSectionDialog({ arn, section, values }: { arn: string; section: PlanSection; values: ResponsePlanFormValues }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const queryClient = useQueryClient();
  const schema = useMemo(() => sectionFormSchema(arn, section), [arn, section]);
  const form = useForm<ResponsePlanFormValues>({ resolver: zodResolver(schema), defaultValues: values });
  const current = useWatch({ control: form.control }) as ResponsePlanFormValues;
  const { isSubmitting } = form.formState;
  const { formError, run, clearFormError } = useActionForm(form.setError, responsePlanFieldNames(current));
  const title = SECTION_TITLES[section];
  const formId = `edit-plan-${section}`;

  function onOpenChange(next: boolean) {
    setOpen(next);
    // The page's values are the saved ones: each opening starts from them.
    form.reset(values);
    clearFormError();
  }

  const onSubmit = form.handleSubmit(async (v) => {
    const saved = await run(() => updateResponsePlanAction({ ...v, arn, section }));
    if (!saved) return;
    setOpen(false);
    await queryClient.invalidateQueries({ queryKey: responsePlanKeys.all });
    router.refresh();
  });

  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Edit ${title.toLowerCase()}`}
      description={SECTION_DESCRIPTIONS[section]}
      trigger={<Button aria-label={`Edit ${title.toLowerCase()}`}>Edit</Button>}
      submitLabel="Save changes"
      pendingLabel="Saving…"
      pending={isSubmitting}
      form={formId}
    >
      <form id={formId} onSubmit={onSubmit} noValidate className="space-y-4">
        {formError ? <ErrorAlert error={formError} /> : null}
        <SectionFields form={form} section={section} editing />
      </form>
    </ActionDialog>
  );
}

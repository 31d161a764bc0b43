"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm, useWatch } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { useActionForm } from "@/components/ui/use-action-form";
import { createResponsePlanAction } from "@/lib/console/response-plans/actions";
import {
  emptyResponsePlanForm,
  PLAN_SECTIONS,
  responsePlanFieldNames,
  responsePlanFormSchema,
  type ResponsePlanFormValues,
} from "@/lib/console/response-plans/schemas";
import { responsePlanKeys } from "@/lib/console/response-plans/keys";
import { responsePlanPath } from "@/lib/console/response-plans/paths";
import { SECTION_DESCRIPTIONS, SECTION_TITLES } from "./labels";
import { SectionFields } from "./plan-form";

/** CreateResponsePlan: every section in one form, as the AWS console's create page. */
export function CreateResponsePlanForm() {
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<ResponsePlanFormValues>({ resolver: zodResolver(responsePlanFormSchema), defaultValues: emptyResponsePlanForm });
  const values = useWatch({ control: form.control }) as ResponsePlanFormValues;
  const { isSubmitting } = form.formState;
  const { formError, run } = useActionForm(form.setError, responsePlanFieldNames(values));

  const onSubmit = form.handleSubmit(async (v) => {
    const plan = await run(() => createResponsePlanAction(v));
    if (!plan) return;
    await queryClient.invalidateQueries({ queryKey: responsePlanKeys.all });
    router.push(responsePlanPath(plan.name));
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <ErrorAlert error={formError} /> : null}
      {PLAN_SECTIONS.map((section) => (
        <Container key={section} header={SECTION_TITLES[section]} description={SECTION_DESCRIPTIONS[section]}>
          <SectionFields form={form} section={section} />
        </Container>
      ))}
      <div className="flex justify-end gap-2">
        <ButtonLink href="/response-plans" variant="link">
          Cancel
        </ButtonLink>
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create response plan"}
        </Button>
      </div>
    </form>
  );
}

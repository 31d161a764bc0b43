"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { fieldAria, FormField, Input, Select, Textarea } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { ImpactOptions } from "@/components/incidents/impact-options";
import { createResponsePlanAction } from "@/lib/actions/create-response-plan";
import { emptyResponsePlanForm, responsePlanFormSchema, type ResponsePlanFormValues } from "@/lib/actions/schemas/response-plan";
import { responsePlanPath } from "@/lib/queries/paths";

const FIELDS = Object.keys(emptyResponsePlanForm) as (keyof ResponsePlanFormValues)[];

export function CreateResponsePlanForm() {
  const router = useRouter();
  const form = useForm<ResponsePlanFormValues>({ resolver: zodResolver(responsePlanFormSchema), defaultValues: emptyResponsePlanForm });
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionForm(form.setError, FIELDS);

  const onSubmit = form.handleSubmit(async (values) => {
    const plan = await run(() => createResponsePlanAction(values));
    if (plan) router.push(responsePlanPath(plan.name));
  });

  const field = (name: keyof ResponsePlanFormValues, extra: { description?: boolean } = {}) => ({
    ...fieldAria(`plan-${name}`, { error: errors[name]?.message, ...extra }),
    ...form.register(name),
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <ErrorAlert error={formError} /> : null}
      <Container header="Response plan details">
        <div className="max-w-2xl space-y-4">
          <FormField
            id="plan-name"
            label="Name"
            description="A unique name. Letters, digits, hyphens and underscores."
            error={errors.name?.message}
          >
            <Input {...field("name", { description: true })} />
          </FormField>
          <FormField id="plan-displayName" label="Display name" optional error={errors.displayName?.message}>
            <Input {...field("displayName")} />
          </FormField>
        </div>
      </Container>
      <Container header="Incident defaults" description="What an incident started from this plan begins with.">
        <div className="max-w-2xl space-y-4">
          <FormField id="plan-title" label="Title" error={errors.title?.message}>
            <Input {...field("title")} />
          </FormField>
          <FormField id="plan-impact" label="Impact" error={errors.impact?.message}>
            <Select {...field("impact")}>
              <ImpactOptions empty="Choose an impact" />
            </Select>
          </FormField>
          <FormField id="plan-summary" label="Summary" optional error={errors.summary?.message}>
            <Textarea rows={3} {...field("summary")} />
          </FormField>
          <FormField
            id="plan-dedupeString"
            label="Dedupe string"
            optional
            description="While an incident with this string is open, starting another returns it instead."
            error={errors.dedupeString?.message}
          >
            <Input {...field("dedupeString", { description: true })} />
          </FormField>
        </div>
      </Container>
      <Container header="Engagements and tags">
        <div className="max-w-2xl space-y-4">
          <FormField
            id="plan-engagements"
            label="Engagements"
            optional
            description="Contact ARNs to engage when an incident starts, one per line."
            error={errors.engagements?.message}
          >
            <Textarea rows={3} placeholder="arn:aws:ssm-contacts:us-east-1:000000000000:contact/on-call" {...field("engagements", { description: true })} />
          </FormField>
          <FormField id="plan-tags" label="Tags" optional description="One key=value per line." error={errors.tags?.message}>
            <Textarea rows={3} placeholder="team=payments" {...field("tags", { description: true })} />
          </FormField>
        </div>
      </Container>
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

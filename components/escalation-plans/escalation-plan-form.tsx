"use client";
// Create or edit an escalation plan: stages of contact targets, each with the "acknowledgement
// stops plan progression" (IsEssential) switch, and a preview of who is engaged when.
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { EngagementTimeline } from "@/components/contacts/engagement-timeline";
import { ErrorAlert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { fieldAria, FormField, Input, Select } from "@/components/ui/form-field";
import { StageBuilder, type TargetPlace } from "@/components/ui/stage-builder";
import { useActionForm } from "@/components/ui/use-action-form";
import { createEscalationPlanAction, updateEscalationPlanAction } from "@/lib/console/escalation-plans/actions";
import { minutes, STAGE_DURATION_MINUTES } from "@/lib/console/contacts/schemas";
import { emptyEscalationPlanForm, escalationFieldNames, escalationPlanFormSchema, type EscalationPlanFormValues } from "@/lib/console/escalation-plans/schemas";
import { reachWarningText, type ContactRow } from "@/lib/console/contacts/dto";
import { contactKeys } from "@/lib/console/contacts/keys";
import { aliasFromContactArn, escalationPlanPath } from "@/lib/console/contacts/paths";

type Form = UseFormReturn<EscalationPlanFormValues>;

export function EscalationPlanForm({ initial, contacts }: { initial?: EscalationPlanFormValues; contacts: ContactRow[] }) {
  const editing = !!initial?.arn;
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<EscalationPlanFormValues>({ resolver: zodResolver(escalationPlanFormSchema), defaultValues: initial ?? emptyEscalationPlanForm });
  const values = useWatch({ control: form.control }) as EscalationPlanFormValues;
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionForm(form.setError, escalationFieldNames(values));

  const onSubmit = form.handleSubmit(async (v) => {
    const saved = await run(() => (editing ? updateEscalationPlanAction(v) : createEscalationPlanAction(v)));
    if (!saved) return;
    await queryClient.invalidateQueries({ queryKey: contactKeys.all });
    router.push(escalationPlanPath(saved.alias));
    router.refresh();
  });

  const label = (arn: string) => {
    if (!arn) return "(no contact chosen)";
    const c = contacts.find((x) => x.arn === arn);
    return c?.displayName ? `${c.displayName} (${c.alias})` : (c?.alias ?? aliasFromContactArn(arn));
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <ErrorAlert error={formError} /> : null}
      <Container header="Escalation plan details">
        <div className="max-w-2xl space-y-4">
          <FormField
            id="plan-alias"
            label="Alias"
            description={editing ? "The alias identifies the plan and can't be changed." : "A unique name: lowercase letters, digits, hyphens and underscores."}
            error={errors.alias?.message}
          >
            <Input readOnly={editing} aria-readonly={editing || undefined} {...fieldAria("plan-alias", { error: errors.alias?.message, description: true })} {...form.register("alias")} />
          </FormField>
          <FormField id="plan-displayName" label="Display name" optional error={errors.displayName?.message}>
            <Input {...fieldAria("plan-displayName", { error: errors.displayName?.message })} {...form.register("displayName")} />
          </FormField>
        </div>
      </Container>
      <Container header="Stages" description="Each stage engages its contacts when it starts; the next stage starts when its duration ends, unless an essential contact acknowledged.">
        <StageBuilder
          form={form}
          durationMinutes={STAGE_DURATION_MINUTES}
          renderTarget={(at) => <ContactTarget form={form} {...at} contacts={contacts} />}
          newTarget={() => ({ contactArn: "", essential: false })}
          addTargetLabel="Add contact"
          noTargetsReason={contacts.length === 0 ? "Create a personal contact first." : undefined}
          targetColumns="sm:grid-cols-[1fr_auto_auto]"
        />
      </Container>
      <Container header="Preview" description="Who is engaged when, in minutes from the start of an engagement.">
        <EngagementTimeline
          kind="contact"
          stages={values.stages.map((s) => ({ durationMinutes: minutes(s.duration), targets: s.targets.map((t) => ({ label: label(t.contactArn), essential: t.essential })) }))}
        />
      </Container>
      <div className="flex justify-end gap-2">
        <ButtonLink href={editing ? escalationPlanPath(initial!.alias) : "/escalation-plans"} variant="link">
          Cancel
        </ButtonLink>
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : editing ? "Save changes" : "Create escalation plan"}
        </Button>
      </div>
    </form>
  );
}

/** A contact target: which contact, and whether its acknowledgement stops the plan (IsEssential). */
function ContactTarget({ form, stage, target, id, contacts }: TargetPlace & { form: Form; contacts: ContactRow[] }) {
  const err = form.formState.errors.stages?.[stage]?.targets?.[target];
  const chosenArn = useWatch({ control: form.control, name: `stages.${stage}.targets.${target}.contactArn` });
  const chosen = contacts.find((c) => c.arn === chosenArn);
  // Warn before paging fails: a contact without an activated channel is never reached.
  const warning = chosen?.channels ? reachWarningText(chosen.displayName || chosen.alias, chosen.channels) : undefined;
  return (
    <>
      <FormField id={`${id}-contact`} label="Contact" error={err?.contactArn?.message} description={warning ? <span className="text-warning">⚠ {warning}</span> : undefined}>
        <Select {...fieldAria(`${id}-contact`, { error: err?.contactArn?.message, description: !!warning })} {...form.register(`stages.${stage}.targets.${target}.contactArn`)}>
          <option value="">Choose a contact</option>
          {contacts.map((c) => (
            <option key={c.arn} value={c.arn}>
              {c.displayName ? `${c.displayName} (${c.alias})` : c.alias}
            </option>
          ))}
        </Select>
      </FormField>
      <label className="flex items-center gap-2 sm:mt-7">
        {/* A checkbox with the switch role: on/off, announced as a switch (no Radix switch in the dependencies). */}
        <input type="checkbox" role="switch" className="h-5 w-9 accent-link" {...form.register(`stages.${stage}.targets.${target}.essential`)} />
        <span>Acknowledgement stops plan progression</span>
      </label>
    </>
  );
}

"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useContactOptions } from "@/components/contacts/use-contact-options";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ActionDialog } from "@/components/ui/action-dialog";
import { fieldAria, FormField, Input, Select, Textarea } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { startEngagementAction } from "@/lib/console/engagements/actions";
import {
  ENGAGEMENT_TEXT_MAX,
  emptyStartEngagementForm,
  senderFrom,
  startEngagementFieldNames,
  startEngagementFormSchema,
  type StartEngagementFormValues,
} from "@/lib/console/engagements/schemas";
import { engagementPath } from "@/lib/console/engagements/paths";
import { engagementKeys } from "@/lib/console/engagements/keys";
import { errorOf } from "@/lib/console/core/errors";
import { ContactOptions } from "@/components/contacts/contact-options";

/** "Up to 2,048 characters.", with the model's figure. */
const upTo = (max: number) => `Up to ${max.toLocaleString("en-US")} characters.`;

/**
 * Start an engagement by hand (StartEngagement): page a contact or escalation plan with a
 * subject and content, optionally about an incident. The model's limits show inline before the
 * request; the server checks the same rules. On success, the engagement's page opens.
 */
export function StartEngagementDialog({ userEmail, incidentArn }: { userEmail: string; incidentArn?: string }) {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const queryClient = useQueryClient();
  const contacts = useContactOptions(open);
  // Any contact: an on-call schedule pages whoever is on call in it now.
  const choices = contacts.data ?? [];
  const defaults: StartEngagementFormValues = { ...emptyStartEngagementForm, sender: senderFrom(userEmail), incidentArn: incidentArn ?? "" };
  const form = useForm<StartEngagementFormValues>({ resolver: zodResolver(startEngagementFormSchema), defaultValues: defaults });
  const { errors, isSubmitting } = form.formState;
  const { formError, run, clearFormError } = useActionForm(form.setError, startEngagementFieldNames);

  function onOpenChange(next: boolean) {
    setOpen(next);
    if (!next) {
      form.reset(defaults);
      clearFormError();
    }
  }

  const onSubmit = form.handleSubmit(async (values) => {
    const started = await run(() => startEngagementAction(values));
    if (!started?.engagementArn) return;
    await queryClient.invalidateQueries({ queryKey: engagementKeys.all });
    router.push(engagementPath(started.engagementArn));
  });

  const contactsError = errorOf(contacts.error);
  const field = (name: keyof StartEngagementFormValues) => ({ id: `start-engagement-${name}`, error: errors[name]?.message });

  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Start engagement"
      description="Page a contact or an escalation plan now. Contacts receive the subject and content on their channels."
      trigger={<Button variant="primary">Start engagement</Button>}
      submitLabel="Start"
      pendingLabel="Starting…"
      pending={isSubmitting}
      form="start-engagement-form"
    >
      <form id="start-engagement-form" onSubmit={onSubmit} noValidate className="space-y-4">
        {formError ? <ErrorAlert error={formError} /> : null}
        {contactsError ? <ErrorAlert error={contactsError} /> : null}
        <FormField {...field("contactArn")} label="Contact or escalation plan">
          <Select {...fieldAria(field("contactArn").id, field("contactArn"))} {...form.register("contactArn")}>
            <ContactOptions contacts={choices} loading={contacts.isPending} empty={choices.length ? "Choose a contact" : "No contacts"} />
          </Select>
        </FormField>
        <FormField {...field("sender")} label="Sender" constraint={`Who the page says it is from. ${upTo(ENGAGEMENT_TEXT_MAX.sender)}`}>
          <Input {...fieldAria(field("sender").id, field("sender"))} {...form.register("sender")} />
        </FormField>
        <FormField {...field("subject")} label="Subject" constraint={upTo(ENGAGEMENT_TEXT_MAX.subject)}>
          <Input {...fieldAria(field("subject").id, field("subject"))} {...form.register("subject")} />
        </FormField>
        <FormField {...field("content")} label="Content" constraint={upTo(ENGAGEMENT_TEXT_MAX.content)}>
          <Textarea {...fieldAria(field("content").id, field("content"))} {...form.register("content")} />
        </FormField>
        <FormField {...field("publicSubject")} label="Public subject" optional constraint="Sent instead of the subject to SMS and voice channels.">
          <Input {...fieldAria(field("publicSubject").id, field("publicSubject"))} {...form.register("publicSubject")} />
        </FormField>
        <FormField {...field("publicContent")} label="Public content" optional constraint="Sent instead of the content to SMS and voice channels.">
          <Textarea {...fieldAria(field("publicContent").id, field("publicContent"))} {...form.register("publicContent")} />
        </FormField>
        <FormField {...field("incidentArn")} label="Incident ARN" optional constraint="The engagement then shows on that incident's Engagements tab.">
          <Input {...fieldAria(field("incidentArn").id, field("incidentArn"))} {...form.register("incidentArn")} />
        </FormField>
      </form>
    </ActionDialog>
  );
}

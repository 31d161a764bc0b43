"use client";
// Create or edit a personal contact: details, channels, and the engagement plan builder with its
// timeline. One form, one zod schema shared with createContactAction / updateContactAction.
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm, useWatch, type UseFormReturn } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { fieldAria, FormField, Input, Select } from "@/components/ui/form-field";
import { StageBuilder, type TargetPlace } from "@/components/ui/stage-builder";
import { StatusIndicator } from "@/components/ui/status-indicator";
import { useActionForm } from "@/components/ui/use-action-form";
import { createContactAction } from "@/lib/console/contacts/actions";
import { CHANNEL_TYPES, contactFieldNames, contactFormSchema, emptyContactForm, minutes, RETRY_INTERVAL_MINUTES, STAGE_DURATION_MINUTES, type ChannelFormValues, type ContactFormValues } from "@/lib/console/contacts/schemas";
import { updateContactAction } from "@/lib/console/contacts/actions";
import { contactKeys } from "@/lib/console/contacts/keys";
import { contactPath } from "@/lib/console/contacts/paths";
import { newRequestId } from "@/lib/console/core/request-id";
import { EngagementTimeline } from "./engagement-timeline";
import { channelTypeLabel } from "./labels";

type Form = UseFormReturn<ContactFormValues>;

/** `activated`: existing channels' activation state, by ARN (shown beside them when editing). */
export function ContactForm({ initial, activated = {} }: { initial?: ContactFormValues; activated?: Record<string, boolean> }) {
  const editing = !!initial?.arn;
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<ContactFormValues>({ resolver: zodResolver(contactFormSchema), defaultValues: initial ?? emptyContactForm });
  const values = useWatch({ control: form.control }) as ContactFormValues;
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionForm(form.setError, contactFieldNames(values));

  // A save is several calls (lib/console/contacts/save-contact.ts): one that got no answer (the
  // server stopped part-way) is sent again with the same request id, so it completes the first try;
  // once the server has answered, the next save is a new request.
  const [requestId, setRequestId] = useState(newRequestId);
  const onSubmit = form.handleSubmit(async (v) => {
    let answered = false;
    const saved = await run(async () => {
      const input = { ...v, requestId };
      const result = await (editing ? updateContactAction(input) : createContactAction(input));
      answered = true;
      return result;
    });
    if (answered) setRequestId(newRequestId());
    if (!saved) return;
    await queryClient.invalidateQueries({ queryKey: contactKeys.all });
    router.push(contactPath(saved.alias));
    router.refresh();
  });

  const channelLabel = (key: string) => {
    const c = values.channels.find((ch) => ch.key === key);
    return c ? `${c.name || "(unnamed channel)"} (${channelTypeLabel(c.type)})` : "(no channel chosen)";
  };

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <ErrorAlert error={formError} /> : null}
      <Container header="Contact details">
        <div className="max-w-2xl space-y-4">
          <FormField
            id="contact-alias"
            label="Alias"
            description={editing ? "The alias identifies the contact and can't be changed." : "A unique name: lowercase letters, digits, hyphens and underscores."}
            error={errors.alias?.message}
          >
            <Input readOnly={editing} aria-readonly={editing || undefined} {...fieldAria("contact-alias", { error: errors.alias?.message, description: true })} {...form.register("alias")} />
          </FormField>
          <FormField id="contact-displayName" label="Display name" optional error={errors.displayName?.message}>
            <Input {...fieldAria("contact-displayName", { error: errors.displayName?.message })} {...form.register("displayName")} />
          </FormField>
        </div>
      </Container>
      <ChannelsFields form={form} activated={activated} />
      <Container header="Engagement plan" description="Stages run one after another. Each pages its channels when it starts, and retries until it ends or someone acknowledges.">
        <StageBuilder
          form={form}
          durationMinutes={STAGE_DURATION_MINUTES}
          renderTarget={(at) => <ChannelTarget form={form} {...at} channels={values.channels} channelLabel={channelLabel} />}
          newTarget={() => ({ channelKey: values.channels[0]?.key ?? "", retry: "0" })}
          addTargetLabel="Add channel target"
          noTargetsReason={values.channels.length === 0 ? "Add a contact channel first." : undefined}
          targetColumns="sm:grid-cols-[1fr_12rem_auto]"
        />
      </Container>
      <Container header="Engagement timeline" description="Who is paged when, in minutes from the start of an engagement.">
        <EngagementTimeline
          kind="channel"
          stages={values.stages.map((s) => ({
            durationMinutes: minutes(s.duration),
            targets: s.targets.map((t) => ({ label: channelLabel(t.channelKey), retryMinutes: minutes(t.retry) })),
          }))}
        />
      </Container>
      <div className="flex justify-end gap-2">
        <ButtonLink href={editing ? contactPath(initial!.alias) : "/contacts"} variant="link">
          Cancel
        </ButtonLink>
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : editing ? "Save changes" : "Create contact"}
        </Button>
      </div>
    </form>
  );
}

let nextKey = 0;
const newKey = () => `new-${Date.now().toString(36)}-${nextKey++}`;

function ChannelsFields({ form, activated }: { form: Form; activated: Record<string, boolean> }) {
  const channels = useFieldArray({ control: form.control, name: "channels", keyName: "fieldId" });
  const errors = form.formState.errors.channels;
  const types = useWatch({ control: form.control, name: "channels" }).map((c) => c.type);
  return (
    <Container
      header="Contact channels"
      description="Where this contact is paged. A new channel, or a changed address, is sent an activation code; it isn't paged until activated."
    >
      <div className="space-y-4">
        {channels.fields.length === 0 ? <p className="text-muted">No channels yet.</p> : null}
        {channels.fields.map((f, i) => {
          const err = errors?.[i];
          const id = `channel-${i}`;
          return (
            <fieldset key={f.fieldId} className="rounded-xl border border-line p-4">
              <legend className="px-1 font-bold">Channel {i + 1}</legend>
              {f.arn ? (
                <p className="mb-2 text-sm">
                  {activated[f.arn] ? <StatusIndicator type="success">Activated</StatusIndicator> : <StatusIndicator type="info">Not activated</StatusIndicator>}
                  <span className="text-muted"> · a new address is sent a new code and must be activated again.</span>
                </p>
              ) : (
                <p className="mb-2 text-sm text-muted">New: an activation code is sent when you save.</p>
              )}
              <div className="grid gap-3 sm:grid-cols-[10rem_1fr_1fr_auto] sm:items-start">
                <FormField id={`${id}-type`} label="Type" error={err?.type?.message}>
                  {f.arn ? (
                    // A channel's type can't change (UpdateContactChannel has no Type): shown, not offered.
                    <Input readOnly aria-readonly {...fieldAria(`${id}-type`, {})} value={channelTypeLabel(f.type)} />
                  ) : (
                    <Select {...fieldAria(`${id}-type`, { error: err?.type?.message })} {...form.register(`channels.${i}.type`)}>
                      {CHANNEL_TYPES.map((t) => (
                        <option key={t} value={t}>
                          {channelTypeLabel(t)}
                        </option>
                      ))}
                    </Select>
                  )}
                </FormField>
                <FormField id={`${id}-name`} label="Channel name" error={err?.name?.message}>
                  <Input {...fieldAria(`${id}-name`, { error: err?.name?.message })} {...form.register(`channels.${i}.name`)} />
                </FormField>
                <FormField id={`${id}-address`} label="Address" error={err?.address?.message}>
                  <Input
                    placeholder={types[i] === "EMAIL" ? "name@example.com" : "+15005550199"}
                    {...fieldAria(`${id}-address`, { error: err?.address?.message })}
                    {...form.register(`channels.${i}.address`)}
                  />
                </FormField>
                <Button
                  variant="link"
                  className="sm:mt-7"
                  aria-label={`Remove channel ${i + 1}`}
                  onClick={() => {
                    // Targets of the removed channel go with it: a plan can't page a channel that's gone.
                    const key = form.getValues(`channels.${i}.key`);
                    const stages = form.getValues("stages").map((s) => ({ ...s, targets: s.targets.filter((t) => t.channelKey !== key) }));
                    form.setValue("stages", stages);
                    channels.remove(i);
                  }}
                >
                  Remove
                </Button>
              </div>
            </fieldset>
          );
        })}
        <Button onClick={() => channels.append({ key: newKey(), arn: "", type: "EMAIL", name: "", address: "" })}>Add contact channel</Button>
      </div>
    </Container>
  );
}

/** A channel target: which channel, and how often it is paged again until someone acknowledges. */
function ChannelTarget({ form, stage, target, id, channels, channelLabel }: TargetPlace & { form: Form; channels: ChannelFormValues[]; channelLabel: (key: string) => string }) {
  const err = form.formState.errors.stages?.[stage]?.targets?.[target];
  return (
    <>
      <FormField id={`${id}-channel`} label="Channel" error={err?.channelKey?.message}>
        <Select {...fieldAria(`${id}-channel`, { error: err?.channelKey?.message })} {...form.register(`stages.${stage}.targets.${target}.channelKey`)}>
          <option value="">Choose a channel</option>
          {channels.map((c) => (
            <option key={c.key} value={c.key}>
              {channelLabel(c.key)}
            </option>
          ))}
        </Select>
      </FormField>
      <FormField id={`${id}-retry`} label="Retry interval (minutes)" constraint={`${RETRY_INTERVAL_MINUTES.min} (no retry) to ${RETRY_INTERVAL_MINUTES.max}.`} error={err?.retry?.message}>
        <Input
          type="number"
          inputMode="numeric"
          min={RETRY_INTERVAL_MINUTES.min}
          max={RETRY_INTERVAL_MINUTES.max}
          {...fieldAria(`${id}-retry`, { error: err?.retry?.message })}
          {...form.register(`stages.${stage}.targets.${target}.retry`)}
        />
      </FormField>
    </>
  );
}

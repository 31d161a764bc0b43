"use client";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { ActionDialog } from "@/components/ui/action-dialog";
import { fieldAria, FormField, Input, Select, Textarea } from "@/components/ui/form-field";
import { isoToLocal, localToIso } from "@/lib/console/timeline/local-time";
import type { TimelineEventFormValues } from "@/lib/console/timeline/schemas";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import type { TimelineEventActionValues } from "@/lib/console/timeline/schemas";
import { decodeEventText, isCallerEventType, type TimelineEventDto } from "@/lib/console/timeline/dto";

const timelineEventResolver = lazyZodResolver<TimelineEventFormValues>(() => import("@/lib/console/timeline/schemas").then((m) => m.timelineEventFormSchema));

/** A new event starts at "now", to the second; an edited one at its own time. */
function initialValues(editing: TimelineEventDto | null): TimelineEventFormValues {
  if (editing && isCallerEventType(editing.type)) {
    return { eventType: editing.type, eventTime: isoToLocal(editing.time), text: decodeEventText(editing.data) };
  }
  return { eventType: "Custom Event", eventTime: isoToLocal(new Date().toISOString()), text: "" };
}

/** The browser's time zone, named so responders know which clock the time field uses. */
function localZoneName(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return "local time";
  }
}

/**
 * Add or edit a custom event or note at any date and time, entered in the browser's time zone
 * and sent as UTC. Submitting closes the dialog at once: the change shows optimistically and
 * rolls back (with an error above the timeline) if the server refuses it.
 */
export function TimelineEventDialog({
  arn,
  open,
  editing,
  onOpenChange,
  onSubmit,
}: {
  arn: string;
  open: boolean;
  /** The event being edited, or null to add one. */
  editing: TimelineEventDto | null;
  onOpenChange: (open: boolean) => void;
  onSubmit: (values: TimelineEventActionValues) => void;
}) {
  const form = useForm({ resolver: timelineEventResolver, defaultValues: initialValues(editing) });
  // dirtyFields is read here, during render, so that the form tracks it (react-hook-form's proxy).
  const { errors, dirtyFields } = form.formState;
  const title = editing ? "Edit timeline event" : "Add timeline event";

  // Each opening starts from the event as it is now (or a new one at the current time).
  useEffect(() => {
    if (open) form.reset(initialValues(editing));
  }, [open, editing, form]);

  const submit = form.handleSubmit((values) => {
    // A time left as the dialog filled it in is not sent: the server stamps a new event with the
    // moment it receives it (the field shows whole seconds, and a note written seconds after the
    // incident started must not list before it; issue 16), and an edit keeps the event's time.
    const timeChosen = dirtyFields.eventTime === true;
    onSubmit({ arn, eventId: editing?.id, eventType: values.eventType, text: values.text, eventTime: timeChosen ? localToIso(values.eventTime)! : undefined });
    onOpenChange(false);
  });

  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title={title}
      submitLabel={editing ? "Save changes" : "Add event"}
      form="timeline-event-form"
    >
      <form id="timeline-event-form" onSubmit={submit} noValidate className="space-y-4">
        <FormField id="event-type" label="Type" error={errors.eventType?.message}>
          <Select {...fieldAria("event-type", { error: errors.eventType?.message })} {...form.register("eventType")}>
            <option value="Custom Event">Custom event</option>
            <option value="Note">Note</option>
          </Select>
        </FormField>
        <FormField
          id="event-time"
          label="Date and time"
          description={`In your time zone (${localZoneName()}); stored in UTC.`}
          error={errors.eventTime?.message}
        >
          <Input type="datetime-local" step={1} {...fieldAria("event-time", { error: errors.eventTime?.message, description: true })} {...form.register("eventTime")} />
        </FormField>
        <FormField id="event-text" label="Description" error={errors.text?.message}>
          <Textarea {...fieldAria("event-text", { error: errors.text?.message })} rows={5} {...form.register("text")} />
        </FormField>
      </form>
    </ActionDialog>
  );
}

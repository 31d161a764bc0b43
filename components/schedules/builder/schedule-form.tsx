"use client";
// Create or edit an on-call schedule with its rotations. One save does it all (the save action
// creates, updates and deletes rotations, then the schedule contact) and puts the model's
// complaints on the fields; each rotation previews its shifts as it is edited.
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import Link from "next/link";
import { useEffect, useState, useSyncExternalStore } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { fieldAria, FormField, Input } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { newRequestId } from "@/lib/console/core/request-id";
import type { ContactRow } from "@/lib/console/contacts/dto";
import { contactKeys } from "@/lib/console/contacts/keys";
import { saveScheduleAction } from "@/lib/console/schedules/builder/actions";
import { newRotation, scheduleFieldNames, scheduleFormSchema, type ScheduleFormValues } from "@/lib/console/schedules/builder/schemas";
import { scheduleKeys } from "@/lib/console/schedules/keys";
import { SCHEDULES_PATH, schedulePath } from "@/lib/console/schedules/paths";
import { RotationFields } from "./rotation-fields";

/** The browser's zone and the IANA list (known only in the browser: the server's may differ). */
let browserZones: { zones: string[]; browserZone: string } | undefined;
const NO_ZONES = { zones: [] as string[], browserZone: "" };
const noSubscription = () => () => {};

function useTimeZones(): { zones: string[]; browserZone: string } {
  return useSyncExternalStore(
    noSubscription,
    () => {
      if (!browserZones) {
        const zones = Intl.supportedValuesOf("timeZone");
        browserZones = { zones: zones.includes("UTC") ? zones : [...zones, "UTC"], browserZone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC" };
      }
      return browserZones;
    },
    () => NO_ZONES,
  );
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function ScheduleForm({ initial, contacts }: { initial: ScheduleFormValues; contacts: ContactRow[] }) {
  const editing = !!initial.arn;
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<ScheduleFormValues>({ resolver: zodResolver(scheduleFormSchema), defaultValues: initial });
  const rotations = useFieldArray({ control: form.control, name: "rotations", keyName: "key" });
  const values = useWatch({ control: form.control }) as ScheduleFormValues;
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionForm(form.setError, scheduleFieldNames(values));
  const { zones, browserZone } = useTimeZones();
  const [savedWithWarnings, setSavedWithWarnings] = useState<{ alias: string; warnings: string[] } | null>(null);

  // A new rotation's zone is the browser's, known once the page runs in it.
  useEffect(() => {
    if (!browserZone) return;
    form.getValues("rotations").forEach((r, i) => {
      if (!r.timeZoneId) form.setValue(`rotations.${i}.timeZoneId`, browserZone);
    });
  }, [browserZone, form]);

  const onSubmit = form.handleSubmit(async (v) => {
    // A new id per submission: the save's IdempotencyTokens derive from it.
    const saved = await run(() => saveScheduleAction({ ...v, submissionId: newRequestId() }));
    if (!saved) return;
    await queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
    await queryClient.invalidateQueries({ queryKey: contactKeys.all });
    // Saved, but a removed rotation is still there: say so here, where the person can act on it.
    if (saved.warnings.length) return setSavedWithWarnings(saved);
    router.push(schedulePath(saved.alias));
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {formError ? <ErrorAlert error={formError} /> : null}
      {savedWithWarnings ? (
        <Alert type="warning" header="The schedule was saved, with a problem">
          {savedWithWarnings.warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
          <Link href={schedulePath(savedWithWarnings.alias)} className="text-link underline">
            Open the schedule
          </Link>
        </Alert>
      ) : null}
      <Container header="Schedule details">
        <div className="max-w-2xl space-y-4">
          <FormField
            id="schedule-alias"
            label="Alias"
            description={editing ? "The alias identifies the schedule and can't be changed." : "A unique name: lowercase letters, digits, hyphens and underscores."}
            error={errors.alias?.message}
          >
            <Input readOnly={editing} aria-readonly={editing || undefined} {...fieldAria("schedule-alias", { error: errors.alias?.message, description: true })} {...form.register("alias")} />
          </FormField>
          <FormField id="schedule-displayName" label="Display name" optional error={errors.displayName?.message}>
            <Input {...fieldAria("schedule-displayName", { error: errors.displayName?.message })} {...form.register("displayName")} />
          </FormField>
        </div>
      </Container>
      {rotations.fields.map((f, i) => (
        <RotationFields
          key={f.key}
          form={form}
          index={i}
          contacts={contacts}
          timeZones={zones}
          onRemove={rotations.fields.length > 1 ? () => rotations.remove(i) : undefined}
        />
      ))}
      {errors.rotations?.message || errors.rotations?.root?.message ? <p className="text-error">⚠ {errors.rotations?.message ?? errors.rotations?.root?.message}</p> : null}
      {editing && initial.rotations.some((r) => !values.rotations.some((v) => v.arn === r.arn)) ? (
        <p role="status" className="text-muted">
          Saving deletes the rotations you removed (from every schedule that uses them).
        </p>
      ) : null}
      <div className="flex flex-wrap justify-between gap-2">
        <Button onClick={() => rotations.append(newRotation(browserZone || "UTC", today()))}>Add rotation</Button>
        <div className="flex gap-2">
          <ButtonLink href={editing ? schedulePath(initial.alias) : SCHEDULES_PATH} variant="link">
            Cancel
          </ButtonLink>
          <Button type="submit" variant="primary" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : editing ? "Save changes" : "Create schedule"}
          </Button>
        </div>
      </div>
    </form>
  );
}

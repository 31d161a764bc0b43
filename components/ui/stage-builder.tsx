"use client";
// The stages of an engagement plan (a contact's channels, an escalation plan's contacts): "Stage n"
// with its duration in minutes and its targets, "Add stage", "Remove stage n". What a target is
// belongs to the form: its fields come from `renderTarget`, a new one from `newTarget`.
import clsx from "clsx";
import type { ReactNode } from "react";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { Button } from "./button";
import { fieldAria, FormField, Input } from "./form-field";

/** What every plan form holds at `stages`. */
type StagesForm = { stages: { duration: string; targets: Record<string, unknown>[] }[] };
type Target<T extends StagesForm> = T["stages"][number]["targets"][number];

/** Where a target's fields go: the stage's and the target's index, and the id its controls start with. */
export type TargetPlace = { stage: number; target: number; id: string };

type TargetProps<T extends StagesForm> = {
  renderTarget: (at: TargetPlace) => ReactNode;
  newTarget: () => Target<T>;
  addTargetLabel: string;
  /** Why no target can be added yet ("Add a contact channel first."): Add is disabled and this says why. */
  noTargetsReason?: string;
  /** The target row's columns from `sm` up: its fields, then Remove (a Tailwind `sm:grid-cols-…` class). */
  targetColumns: string;
};

export function StageBuilder<T extends StagesForm>({
  form,
  durationMinutes,
  ...targetProps
}: {
  form: UseFormReturn<T>;
  /** The model's range for a stage's duration. */
  durationMinutes: { min: number; max: number };
} & TargetProps<T>) {
  // Every plan form keeps its stages at `stages`; only the targets' fields differ.
  const f = form as unknown as UseFormReturn<StagesForm>;
  const stages = useFieldArray({ control: f.control, name: "stages" });
  return (
    <div className="space-y-4">
      {stages.fields.length === 0 ? <p className="text-muted">No stages yet.</p> : null}
      {stages.fields.map((field, i) => (
        <StageFields key={field.id} form={f} index={i} durationMinutes={durationMinutes} onRemove={() => stages.remove(i)} {...(targetProps as TargetProps<StagesForm>)} />
      ))}
      <Button onClick={() => stages.append({ duration: "5", targets: [] })}>Add stage</Button>
    </div>
  );
}

function StageFields({
  form,
  index,
  durationMinutes: { min, max },
  onRemove,
  renderTarget,
  newTarget,
  addTargetLabel,
  noTargetsReason,
  targetColumns,
}: { form: UseFormReturn<StagesForm>; index: number; durationMinutes: { min: number; max: number }; onRemove: () => void } & TargetProps<StagesForm>) {
  const targets = useFieldArray({ control: form.control, name: `stages.${index}.targets` });
  const durationError = form.formState.errors.stages?.[index]?.duration?.message;
  const id = `stage-${index}`;
  return (
    <fieldset className="rounded-xl border border-line p-4">
      <legend className="px-1 font-bold">Stage {index + 1}</legend>
      <div className="space-y-3">
        <div className="flex flex-wrap items-start gap-3">
          <div className="w-48">
            <FormField id={`${id}-duration`} label="Duration (minutes)" constraint={`${min} to ${max} minutes.`} error={durationError}>
              <Input type="number" inputMode="numeric" min={min} max={max} {...fieldAria(`${id}-duration`, { error: durationError })} {...form.register(`stages.${index}.duration`)} />
            </FormField>
          </div>
          <Button variant="link" className="mt-7" aria-label={`Remove stage ${index + 1}`} onClick={onRemove}>
            Remove stage
          </Button>
        </div>
        {targets.fields.map((t, j) => (
          <div key={t.id} role="group" aria-label={`Stage ${index + 1} target ${j + 1}`} className={clsx("grid gap-3 rounded-lg bg-[#f4f4f4] p-3 sm:items-start", targetColumns)}>
            {renderTarget({ stage: index, target: j, id: `${id}-target-${j}` })}
            <Button variant="link" className="sm:mt-7" aria-label={`Remove stage ${index + 1} target ${j + 1}`} onClick={() => targets.remove(j)}>
              Remove
            </Button>
          </div>
        ))}
        <Button disabled={!!noTargetsReason} onClick={() => targets.append(newTarget())}>
          {addTargetLabel}
        </Button>
        {noTargetsReason ? <p className="text-xs text-muted">{noTargetsReason}</p> : null}
      </div>
    </fieldset>
  );
}

"use client";
// Editors for the plan's lists: key/value rows (incident tags, tags) and ARN rows (notification
// targets, chat SNS topics). Each row's error is on its own control.
import { useFieldArray } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField, Input } from "@/components/ui/form-field";
import type { PlanForm } from "./plan-form";

/** The message of an error on a whole list (zod puts it on the list or on its `root`). */
export function listError(error: { message?: string; root?: { message?: string } } | undefined): string | undefined {
  return error?.message ?? error?.root?.message;
}

export function ListError({ id, message }: { id: string; message?: string }) {
  return message ? (
    <p id={id} role="alert" className="flex gap-1.5 text-error">
      <span aria-hidden>⚠</span>
      <span>{message}</span>
    </p>
  ) : null;
}

/** Key/value rows: "Tag key 1", "Tag value 1", "Remove tag 1", "Add tag". */
export function KeyValueRows({ form, name, item, legend, hideLegend }: { form: PlanForm; name: "incidentTags" | "tags"; item: string; legend: string; hideLegend?: boolean }) {
  const rows = useFieldArray({ control: form.control, name });
  const errors = form.formState.errors[name];
  const lower = item.toLowerCase();
  return (
    <fieldset className="min-w-0 space-y-3">
      <legend className={hideLegend ? "sr-only" : "font-bold"}>{legend}</legend>
      {rows.fields.length === 0 ? <p className="text-muted">No {lower}s.</p> : null}
      {rows.fields.map((row, i) => {
        const id = `plan-${name}-${i}`;
        const keyError = errors?.[i]?.key?.message;
        const valueError = errors?.[i]?.value?.message;
        return (
          <div key={row.id} role="group" aria-label={`${item} ${i + 1}`} className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
            <FormField id={`${id}-key`} label={`${item} key ${i + 1}`} error={keyError}>
              <Input {...fieldAria(`${id}-key`, { error: keyError })} {...form.register(`${name}.${i}.key`)} />
            </FormField>
            <FormField id={`${id}-value`} label={`${item} value ${i + 1}`} error={valueError}>
              <Input {...fieldAria(`${id}-value`, { error: valueError })} {...form.register(`${name}.${i}.value`)} />
            </FormField>
            <Button variant="link" className="sm:mt-7" onClick={() => rows.remove(i)} aria-label={`Remove ${lower} ${i + 1}`}>
              Remove
            </Button>
          </div>
        );
      })}
      <ListError id={`plan-${name}-error`} message={listError(errors)} />
      <Button onClick={() => rows.append({ key: "", value: "" })}>Add {lower}</Button>
    </fieldset>
  );
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** ARN rows: "SNS topic ARN 1", "Remove SNS topic 1", "Add SNS topic". */
export function ArnRows({ form, name, item, max }: { form: PlanForm; name: "notificationTargets" | "chatSnsTopics"; item: string; max?: number }) {
  const rows = useFieldArray({ control: form.control, name });
  const errors = form.formState.errors[name];
  return (
    <div className="space-y-3">
      {rows.fields.map((row, i) => {
        const id = `plan-${name}-${i}`;
        const error = errors?.[i]?.arn?.message;
        return (
          <div key={row.id} className="flex items-start gap-2">
            <div className="min-w-0 flex-1">
              <FormField id={id} label={`${capitalized(item)} ARN ${i + 1}`} error={error}>
                <Input placeholder="arn:aws:sns:us-east-1:123456789012:topic" {...fieldAria(id, { error })} {...form.register(`${name}.${i}.arn`)} />
              </FormField>
            </div>
            <Button variant="link" className="mt-7" onClick={() => rows.remove(i)} aria-label={`Remove ${item} ${i + 1}`}>
              Remove
            </Button>
          </div>
        );
      })}
      <ListError id={`plan-${name}-error`} message={listError(errors)} />
      <Button disabled={max !== undefined && rows.fields.length >= max} onClick={() => rows.append({ arn: "" })}>
        Add {item}
      </Button>
    </div>
  );
}

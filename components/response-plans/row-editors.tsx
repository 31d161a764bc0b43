"use client";
// One editor for the plan's lists of rows: incident tags and tags (key, value), notification
// targets and chat SNS topics (an ARN), runbook parameters (name, values) and dynamic parameters
// (name, variable). Each row's error is on its own control; a list's error under the list.
import type { ReactNode } from "react";
import { useFieldArray, type FieldValues, type Path, type UseFieldArrayAppend, type UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField, Input, Select, Textarea } from "@/components/ui/form-field";
import type { ResponsePlanFormValues } from "@/lib/console/response-plans/schemas";

export type PlanForm = UseFormReturn<ResponsePlanFormValues>;

type ListName = "incidentTags" | "tags" | "notificationTargets" | "chatSnsTopics" | "parameters" | "dynamicParameters";
type Message = { message?: string };
type ListErrors = Message & { root?: Message } & Record<number, Record<string, Message | undefined> | undefined>;

/** The message of an error on a whole list (zod puts it on the list or on its `root`). */
export function listError(error: { message?: string; root?: Message } | undefined): string | undefined {
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

/** A control of a row: its label is followed by the row's number ("Tag key 1"). */
export type RowColumn = {
  field: string;
  label: string;
  control?: "input" | "textarea" | "select";
  /** A select's choices, after an empty "Choose a value". */
  options?: [value: string, label: string][];
  placeholder?: string;
  constraint?: string;
};

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function RowControl({ form, path, id, column, error }: { form: PlanForm; path: string; id: string; column: RowColumn; error?: string }) {
  const props = { ...fieldAria(id, { error }), ...form.register(path as Path<ResponsePlanFormValues>) };
  if (column.control === "textarea") return <Textarea rows={2} {...props} />;
  if (column.control === "select") {
    return (
      <Select {...props}>
        <option value="">Choose a value</option>
        {column.options?.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </Select>
    );
  }
  return <Input placeholder={column.placeholder} {...props} />;
}

/**
 * Rows of one list: "Add <item>", and per row a group "<Item> n" with its controls and
 * "Remove <item> n". With a legend, the rows are a named fieldset.
 */
export function RowsEditor({
  form,
  name,
  item,
  columns,
  legend,
  hideLegend,
  description,
  max,
}: {
  form: PlanForm;
  name: ListName;
  item: string;
  columns: RowColumn[];
  legend?: string;
  hideLegend?: boolean;
  description?: ReactNode;
  max?: number;
}) {
  const rows = useFieldArray({ control: form.control, name });
  const errors = form.formState.errors[name] as ListErrors | undefined;
  const emptyRow = Object.fromEntries(columns.map((c) => [c.field, ""]));
  const grid = columns.length > 1 ? "grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-start" : "grid gap-2 grid-cols-[1fr_auto] items-start";
  const body = (
    <>
      {description ? <p className="text-muted">{description}</p> : null}
      {legend && rows.fields.length === 0 ? <p className="text-muted">No {item}s.</p> : null}
      {rows.fields.map((row, i) => (
        <div key={row.id} role="group" aria-label={`${capitalized(item)} ${i + 1}`} className={grid}>
          {columns.map((column) => {
            const id = `plan-${name}-${i}-${column.field}`;
            const error = errors?.[i]?.[column.field]?.message;
            return (
              <FormField key={column.field} id={id} label={`${column.label} ${i + 1}`} constraint={column.constraint} error={error}>
                <RowControl form={form} path={`${name}.${i}.${column.field}`} id={id} column={column} error={error} />
              </FormField>
            );
          })}
          <Button variant="link" className="mt-7" onClick={() => rows.remove(i)} aria-label={`Remove ${item} ${i + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <ListError id={`plan-${name}-error`} message={listError(errors)} />
      <Button
        disabled={max !== undefined && rows.fields.length >= max}
        // Every list's row is an object of strings, one per column.
        onClick={() => (rows.append as unknown as UseFieldArrayAppend<FieldValues>)(emptyRow)}
      >
        Add {item}
      </Button>
    </>
  );
  return legend ? (
    <fieldset className="min-w-0 space-y-3">
      <legend className={hideLegend ? "sr-only" : "font-bold"}>{legend}</legend>
      {body}
    </fieldset>
  ) : (
    <div className="space-y-3">{body}</div>
  );
}

"use client";
// One editor for a form's list of rows (key/value tags, ARNs, parameters): per row a group
// "<Item> n" with one control per column, labelled "<column label> n", and "Remove <item> n";
// then the list's own error (too many rows, a duplicate key) and "Add <item>". Each row's error
// shows on its own control. Callers name the labels, so each form keeps the names it has.
import type { ReactNode } from "react";
import { get, type ArrayPath, type FieldArray, type FieldValues, type Path, type UseFieldArrayReturn, type UseFormRegisterReturn, type UseFormReturn } from "react-hook-form";
import { Button } from "./button";
import { fieldAria, FormField, Input, Select, Textarea } from "./form-field";

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

/** A control of a row: its label is followed by the row's number ("Key 1"). */
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

function RowControl({ register, id, column, error }: { register: UseFormRegisterReturn; id: string; column: RowColumn; error?: string }) {
  const props = { ...fieldAria(id, { error }), ...register };
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

export function RowEditor<T extends FieldValues, N extends ArrayPath<T>>({
  form,
  rows,
  name,
  item,
  columns,
  idPrefix,
  legend,
  hideLegend,
  description,
  empty,
  max,
  extraError,
}: {
  form: UseFormReturn<T>;
  /** The form's own `useFieldArray({ name })`: the form re-renders (and so sees `isDirty`) when rows come and go. */
  rows: UseFieldArrayReturn<T, N>;
  name: N;
  /** A row, in lower case ("tag"): "Tag 1", "Remove tag 1", "Add tag". */
  item: string;
  columns: RowColumn[];
  /** Controls' ids are `<idPrefix>-<row>-<field>`; the list error's is `<idPrefix>-error`. */
  idPrefix: string;
  /** With a legend, the rows are a named fieldset. */
  legend?: string;
  hideLegend?: boolean;
  description?: ReactNode;
  /** Said when there are no rows. */
  empty?: string;
  max?: number;
  /** Another error of the form that concerns the whole list. */
  extraError?: string;
}) {
  const errors = get(form.formState.errors, name) as ListErrors | undefined;
  const emptyRow = Object.fromEntries(columns.map((c) => [c.field, ""]));
  const wide = columns.length > 1;
  const body = (
    <>
      {description ? <p className="text-muted">{description}</p> : null}
      {empty && rows.fields.length === 0 ? <p className="text-muted">{empty}</p> : null}
      {rows.fields.map((row, i) => (
        <div
          key={row.id}
          role="group"
          aria-label={`${capitalized(item)} ${i + 1}`}
          // Two columns stack on a phone; one keeps Remove beside it.
          className={wide ? "grid items-start gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]" : "grid grid-cols-[minmax(0,1fr)_auto] items-start gap-2"}
        >
          {columns.map((column) => {
            const id = `${idPrefix}-${i}-${column.field}`;
            const error = errors?.[i]?.[column.field]?.message;
            return (
              <FormField key={column.field} id={id} label={`${column.label} ${i + 1}`} constraint={column.constraint} error={error}>
                <RowControl register={form.register(`${name}.${i}.${column.field}` as Path<T>)} id={id} column={column} error={error} />
              </FormField>
            );
          })}
          <Button variant="link" className={wide ? "sm:mt-7" : "mt-7"} onClick={() => rows.remove(i)} aria-label={`Remove ${item} ${i + 1}`}>
            Remove
          </Button>
        </div>
      ))}
      <ListError id={`${idPrefix}-error`} message={listError(errors) ?? extraError} />
      <div>
        {/* Every row is an object of strings, one per column. */}
        <Button disabled={max !== undefined && rows.fields.length >= max} onClick={() => rows.append(emptyRow as FieldArray<T, N>)}>
          Add {item}
        </Button>
      </div>
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

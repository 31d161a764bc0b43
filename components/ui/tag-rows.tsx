"use client";
// The key/value rows of a tag editor (an incident's tags, any resource's tags in Settings):
// "Key n" / "Value n" with each row's error on its own control, "Remove tag n", "Add tag", and
// the list's own error (too many tags, a duplicate key) under the rows.
import type { FieldErrors, UseFieldArrayReturn, UseFormReturn } from "react-hook-form";
import { Button } from "./button";
import { fieldAria, FormField, Input } from "./form-field";

type TagsForm = { tags: { key: string; value: string }[] };

/**
 * `rows` is the form's `useFieldArray({ name: "tags" })`, kept by the form itself: the form
 * re-renders (and so sees `isDirty`) when rows are added or removed.
 */
export function TagRows<T extends TagsForm>({
  form,
  rows: anyRows,
  idPrefix,
  extraError,
}: {
  form: UseFormReturn<T>;
  rows: { fields: { id: string }[]; append: unknown; remove: (i: number) => void };
  idPrefix: string;
  extraError?: string;
}) {
  // The rows live at `tags` in every form that uses this editor.
  const f = form as unknown as UseFormReturn<TagsForm>;
  const rows = anyRows as unknown as UseFieldArrayReturn<TagsForm, "tags">;
  const errors = f.formState.errors as FieldErrors<TagsForm>;
  const listError = errors.tags?.message ?? errors.tags?.root?.message ?? extraError;
  return (
    <>
      {rows.fields.length === 0 ? <p className="text-muted">No tags. Add one below.</p> : null}
      {rows.fields.map((field, i) => {
        const keyError = errors.tags?.[i]?.key?.message;
        const valueError = errors.tags?.[i]?.value?.message;
        return (
          <fieldset key={field.id} className="grid items-start gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto]">
            <legend className="sr-only">Tag {i + 1}</legend>
            <FormField id={`${idPrefix}-key-${i}`} label={`Key ${i + 1}`} error={keyError}>
              <Input {...fieldAria(`${idPrefix}-key-${i}`, { error: keyError })} {...f.register(`tags.${i}.key`)} />
            </FormField>
            <FormField id={`${idPrefix}-value-${i}`} label={`Value ${i + 1}`} error={valueError}>
              <Input {...fieldAria(`${idPrefix}-value-${i}`, { error: valueError })} {...f.register(`tags.${i}.value`)} />
            </FormField>
            <Button variant="link" className="sm:mt-7" onClick={() => rows.remove(i)} aria-label={`Remove tag ${i + 1}`}>
              Remove
            </Button>
          </fieldset>
        );
      })}
      {listError ? (
        <p role="alert" className="text-error">
          {listError}
        </p>
      ) : null}
      <div>
        <Button onClick={() => rows.append({ key: "", value: "" })}>Add tag</Button>
      </div>
    </>
  );
}

"use client";
// The key/value rows of a tag editor (an incident's tags, any resource's tags in Settings):
// "Key n" / "Value n", "Remove tag n", "Add tag".
import type { UseFieldArrayReturn, UseFormReturn } from "react-hook-form";
import { RowEditor, type RowColumn } from "@/components/ui/row-editor";

type TagsForm = { tags: { key: string; value: string }[] };

const COLUMNS: RowColumn[] = [
  { field: "key", label: "Key" },
  { field: "value", label: "Value" },
];

/**
 * `rows` is the form's `useFieldArray({ name: "tags" })`, kept by the form itself: the form
 * re-renders (and so sees `isDirty`) when rows are added or removed.
 */
export function TagRows<T extends TagsForm>({
  form,
  rows,
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
  const r = rows as unknown as UseFieldArrayReturn<TagsForm, "tags">;
  return <RowEditor form={f} rows={r} name="tags" item="tag" columns={COLUMNS} idPrefix={idPrefix} empty="No tags. Add one below." extraError={extraError} />;
}

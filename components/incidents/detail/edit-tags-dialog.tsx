"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Modal } from "@/components/ui/dialog";
import { Input } from "@/components/ui/form-field";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TagsFormValues } from "@/lib/actions/schemas/tags";
import { updateIncidentTagsAction } from "@/lib/actions/update-incident-tags";
import { incidentKeys } from "@/lib/queries/keys";
import type { TagList } from "@/lib/queries/tags";

const tagsResolver = lazyZodResolver<TagsFormValues>(() => import("@/lib/actions/schemas/tags").then((m) => m.tagsFormSchema));

/** The incident's tag editor (TagResource / UntagResource); loaded when "Edit tags" is first pressed. */
export function EditTagsDialog({ arn, tags, defaultOpen = false }: { arn: string; tags: TagList; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const queryClient = useQueryClient();
  const current: TagsFormValues = { arn, tags };
  const form = useForm({ resolver: tagsResolver, defaultValues: current });
  const rows = useFieldArray({ control: form.control, name: "tags" });
  const { errors, isSubmitting } = form.formState;
  const { formError, run, clearFormError } = useActionForm(form.setError, ["tags"]);

  function onOpenChange(next: boolean) {
    setOpen(next);
    form.reset(current);
    clearFormError();
  }

  const onSubmit = form.handleSubmit(async (values) => {
    const done = await run(() => updateIncidentTagsAction(values));
    if (!done) return;
    setOpen(false);
    await queryClient.invalidateQueries({ queryKey: incidentKeys.tags(arn) });
  });

  const tagsError = errors.tags?.message ?? errors.tags?.root?.message;
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title="Edit tags"
      trigger={<Button>Edit tags</Button>}
      footer={
        <>
          <Button variant="link" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="edit-tags-form" disabled={isSubmitting}>
            {isSubmitting ? "Saving…" : "Save tags"}
          </Button>
        </>
      }
    >
      <form id="edit-tags-form" onSubmit={onSubmit} noValidate className="space-y-3">
        {formError ? <ErrorAlert error={formError} /> : null}
        {rows.fields.length === 0 ? <p className="text-muted">No tags. Add one below.</p> : null}
        {rows.fields.map((field, i) => {
          const keyError = errors.tags?.[i]?.key?.message;
          return (
            <fieldset key={field.id} className="flex flex-wrap items-start gap-2">
              <legend className="sr-only">Tag {i + 1}</legend>
              <div className="min-w-0 flex-1">
                <label htmlFor={`tag-key-${i}`} className="block text-sm font-bold">
                  Key {i + 1}
                </label>
                <Input
                  id={`tag-key-${i}`}
                  aria-invalid={keyError ? true : undefined}
                  aria-errormessage={keyError ? `tag-key-${i}-error` : undefined}
                  {...form.register(`tags.${i}.key`)}
                />
                {keyError ? (
                  <p id={`tag-key-${i}-error`} className="text-error">
                    {keyError}
                  </p>
                ) : null}
              </div>
              <div className="min-w-0 flex-1">
                <label htmlFor={`tag-value-${i}`} className="block text-sm font-bold">
                  Value {i + 1}
                </label>
                <Input id={`tag-value-${i}`} {...form.register(`tags.${i}.value`)} />
              </div>
              <Button variant="link" className="mt-5" onClick={() => rows.remove(i)} aria-label={`Remove tag ${i + 1}`}>
                Remove
              </Button>
            </fieldset>
          );
        })}
        {tagsError ? (
          <p role="alert" className="text-error">
            {tagsError}
          </p>
        ) : null}
        <Button onClick={() => rows.append({ key: "", value: "" })}>Add tag</Button>
      </form>
    </Modal>
  );
}

"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Modal } from "@/components/ui/dialog";
import { Input } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TagsFormValues } from "@/lib/actions/schemas/tags";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { updateIncidentTagsAction } from "@/lib/actions/update-incident-tags";
import { incidentKeys } from "@/lib/queries/keys";
import { readJson } from "@/lib/queries/read-json";
import type { TagList } from "@/lib/queries/tags";

const tagsResolver = lazyZodResolver<TagsFormValues>(() => import("@/lib/actions/schemas/tags").then((m) => m.tagsFormSchema));

function useIncidentTags(arn: string) {
  return useQuery({
    queryKey: incidentKeys.tags(arn),
    queryFn: () => readJson<TagList>(`/api/incidents/tags?arn=${encodeURIComponent(arn)}`),
  });
}

/** The Properties tab's tags: a table, and for writers an editor (TagResource / UntagResource). */
export function IncidentTags({ arn, canWrite }: { arn: string; canWrite: boolean }) {
  const tags = useIncidentTags(arn);
  return (
    <Container header="Tags" actions={canWrite && tags.data ? <EditTagsDialog arn={arn} tags={tags.data} /> : null} flush>
      {tags.isPending ? (
        <p role="status" className="px-5 pb-5 text-muted">
          Loading tags…
        </p>
      ) : tags.isError ? (
        <div className="px-5 pb-5">
          <ErrorAlert error={{ name: tags.error.name, message: tags.error.message }} />
        </div>
      ) : tags.data.length === 0 ? (
        <p className="px-5 pb-5 text-muted">No tags.</p>
      ) : (
        <div className="overflow-x-auto">
          <table aria-label="Tags" className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-line-strong">
                <th scope="col" className="px-5 py-2 text-muted">
                  Key
                </th>
                <th scope="col" className="px-5 py-2 text-muted">
                  Value
                </th>
              </tr>
            </thead>
            <tbody>
              {tags.data.map((t) => (
                <tr key={t.key} className="border-b border-line last:border-b-0">
                  <td className="px-5 py-2.5 break-all">{t.key}</td>
                  <td className="px-5 py-2.5 break-all">{t.value || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Container>
  );
}

function EditTagsDialog({ arn, tags }: { arn: string; tags: TagList }) {
  const [open, setOpen] = useState(false);
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

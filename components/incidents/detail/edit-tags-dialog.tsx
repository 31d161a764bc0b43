"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ActionDialog } from "@/components/ui/action-dialog";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { TagRows } from "@/components/tags/tag-rows";
import { useActionForm } from "@/components/ui/use-action-form";
import type { TagsFormValues } from "@/lib/console/tags/schemas";
import { updateIncidentTagsAction } from "@/lib/console/incidents/actions";
import { incidentKeys } from "@/lib/console/incidents/keys";
import type { Tag } from "@/lib/console/tags/dto";

const tagsResolver = lazyZodResolver<TagsFormValues>(() => import("@/lib/console/tags/schemas").then((m) => m.tagsFormSchema));

/** The incident's tag editor (TagResource / UntagResource); loaded when "Edit tags" is first pressed. */
export function EditTagsDialog({ arn, tags, defaultOpen = false }: { arn: string; tags: Tag[]; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const queryClient = useQueryClient();
  const current: TagsFormValues = { arn, tags };
  const form = useForm({ resolver: tagsResolver, defaultValues: current });
  const rows = useFieldArray({ control: form.control, name: "tags" });
  const { isSubmitting } = form.formState;
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

  return (
    <ActionDialog
      open={open}
      onOpenChange={onOpenChange}
      title="Edit tags"
      trigger={<Button>Edit tags</Button>}
      submitLabel="Save tags"
      pendingLabel="Saving…"
      pending={isSubmitting}
      form="edit-tags-form"
    >
      <form id="edit-tags-form" onSubmit={onSubmit} noValidate className="space-y-3">
        {formError ? <ErrorAlert error={formError} /> : null}
        <TagRows form={form} rows={rows} idPrefix="tag" />
      </form>
    </ActionDialog>
  );
}

"use client";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { fieldAria, FormField, Input, Select } from "@/components/ui/form-field";
import { lazyZodResolver } from "@/components/ui/lazy-resolver";
import { useActionForm } from "@/components/ui/use-action-form";
import type { AddRelatedItemValues } from "@/lib/console/related-items/schemas";
import { addRelatedItemAction } from "@/lib/console/related-items/actions";
import { ItemTypeOptions } from "@/components/related-items/item-type-options";

const addRelatedItemResolver = lazyZodResolver<AddRelatedItemValues>(() => import("@/lib/console/related-items/schemas").then((m) => m.addRelatedItemFormSchema));

const FIELDS = ["type", "value", "title"] as const;

/** The Related items tab's add form; it stays open for the next item after one is added. */
export function AddRelatedItemForm({ incidentArn, onAdded, defaultOpen }: { incidentArn: string; onAdded: () => Promise<unknown>; defaultOpen?: boolean }) {
  const empty: AddRelatedItemValues = { incidentArn, type: "OTHER", value: "", title: "" };
  const form = useForm<AddRelatedItemValues>({ resolver: addRelatedItemResolver, defaultValues: empty });
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionForm(form.setError, FIELDS);
  // Opened by the "Add related item" button: the form takes the focus where the button was.
  useEffect(() => {
    if (defaultOpen) form.setFocus("type");
  }, [defaultOpen, form]);
  const onSubmit = form.handleSubmit(async (values) => {
    const added = await run(() => addRelatedItemAction(values));
    if (!added) return;
    form.reset(empty);
    await onAdded();
  });
  return (
    <Container header="Add related item">
      <form onSubmit={onSubmit} noValidate aria-label="Add related item" className="grid gap-3 md:grid-cols-[12rem_1fr_1fr_auto] md:items-start">
        {formError ? (
          <div className="md:col-span-4">
            <ErrorAlert error={formError} />
          </div>
        ) : null}
        <FormField id="related-type" label="Type" error={errors.type?.message}>
          <Select {...fieldAria("related-type", { error: errors.type?.message })} {...form.register("type")}>
            <ItemTypeOptions />
          </Select>
        </FormField>
        <FormField id="related-value" label="URL or ARN" error={errors.value?.message}>
          <Input {...fieldAria("related-value", { error: errors.value?.message })} {...form.register("value")} placeholder="https://… or arn:aws:…" />
        </FormField>
        <FormField id="related-title" label="Title" error={errors.title?.message} optional>
          <Input {...fieldAria("related-title", { error: errors.title?.message })} {...form.register("title")} />
        </FormField>
        <div className="md:pt-7">
          <Button type="submit" variant="primary" disabled={isSubmitting}>
            {isSubmitting ? "Adding…" : "Add"}
          </Button>
        </div>
      </form>
    </Container>
  );
}

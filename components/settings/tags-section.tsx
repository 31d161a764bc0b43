"use client";
// Settings → Tags: the tags of any Incident Manager resource — picked from the replication set,
// response plans, contacts and escalation plans, or given by ARN (an incident record, say). Each
// service's own tagging operations and tag rules apply (ssm-incidents or ssm-contacts).
import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { contactLabel, useContactOptions } from "@/components/contacts/use-contact-options";
import { TagRows } from "@/components/tags/tag-rows";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { fieldAria, FormField, Input, Select } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { errorOf, readJson } from "@/lib/console/core/errors";
import { updateResourceTagsAction } from "@/lib/console/settings/actions";
import type { Tag } from "@/lib/console/tags/dto";
import { settingsKeys } from "@/lib/console/settings/keys";
import { resourceTagsFieldNames, resourceTagsFormSchema, type ResourceTagsFormValues } from "@/lib/console/settings/schemas";
import { NOT_AN_IM_ARN, serviceOfArn } from "@/lib/console/tags/service-of-arn";
import { useReplicationSet } from "./replication-set-section";
import { planLabel, useResponsePlanList } from "./use-resource-options";

export function TagsSection() {
  const [arn, setArn] = useState("");
  const [arnError, setArnError] = useState<string | undefined>();
  const [shown, setShown] = useState<string | null>(null);

  function show(value: string) {
    const chosen = value.trim();
    if (!chosen) return setArnError("Enter an ARN.");
    if (!serviceOfArn(chosen)) return setArnError(NOT_AN_IM_ARN);
    setArnError(undefined);
    setShown(chosen);
  }

  return (
    <Container header="Tags" description="View and edit the tags of any Incident Manager resource.">
      <div className="space-y-4">
        <form
          aria-label="Choose a resource"
          noValidate
          className="grid items-end gap-3 md:grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)_auto]"
          onSubmit={(e) => {
            e.preventDefault();
            show(arn);
          }}
        >
          <ResourcePicker
            value={arn}
            onPick={(picked) => {
              setArn(picked);
              if (picked) show(picked);
            }}
          />
          <FormField id="tags-arn" label="Resource ARN" error={arnError}>
            <Input {...fieldAria("tags-arn", { error: arnError })} value={arn} spellCheck={false} onChange={(e) => setArn(e.target.value)} />
          </FormField>
          <Button type="submit">View tags</Button>
        </form>
        {shown ? <ResourceTags key={shown} arn={shown} /> : <p className="text-muted">Choose a resource, or enter its ARN, to see its tags.</p>}
      </div>
    </Container>
  );
}

/** The resources an admin is most likely to tag, by name. */
function ResourcePicker({ value, onPick }: { value: string; onPick: (arn: string) => void }) {
  const set = useReplicationSet();
  const plans = useResponsePlanList();
  const contacts = useContactOptions(true);
  const personal = contacts.data?.filter((c) => c.type !== "ESCALATION") ?? [];
  const escalation = contacts.data?.filter((c) => c.type === "ESCALATION") ?? [];
  const error = errorOf(set.error ?? plans.error ?? contacts.error);
  return (
    <div className="space-y-2">
      <FormField id="tags-resource" label="Resource">
        <Select id="tags-resource" value={value} onChange={(e) => onPick(e.target.value)}>
          <option value="">Choose a resource</option>
          {set.data ? (
            <optgroup label="Replication set">
              <option value={set.data.arn}>Replication set</option>
            </optgroup>
          ) : null}
          {plans.data?.length ? (
            <optgroup label="Response plans">
              {plans.data.map((p) => (
                <option key={p.arn} value={p.arn}>
                  {planLabel(p)}
                </option>
              ))}
            </optgroup>
          ) : null}
          {personal.length ? (
            <optgroup label="Contacts">
              {personal.map((c) => (
                <option key={c.arn} value={c.arn}>
                  {contactLabel(c)}
                </option>
              ))}
            </optgroup>
          ) : null}
          {escalation.length ? (
            <optgroup label="Escalation plans">
              {escalation.map((c) => (
                <option key={c.arn} value={c.arn}>
                  {contactLabel(c)}
                </option>
              ))}
            </optgroup>
          ) : null}
        </Select>
      </FormField>
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}

function ResourceTags({ arn }: { arn: string }) {
  const tags = useQuery({ queryKey: settingsKeys.tags(arn), queryFn: () => readJson<Tag[]>(`/api/settings/tags?arn=${encodeURIComponent(arn)}`) });
  const [saved, setSaved] = useState(false);
  if (tags.isPending) {
    return (
      <p role="status" className="text-muted">
        Loading tags…
      </p>
    );
  }
  if (tags.isError) return <ErrorAlert error={errorOf(tags.error)} />;
  return (
    <div className="space-y-3">
      {saved ? <Alert type="success">Tags saved.</Alert> : null}
      <TagsEditor arn={arn} tags={tags.data} onSaved={setSaved} />
    </div>
  );
}

function TagsEditor({ arn, tags, onSaved }: { arn: string; tags: Tag[]; onSaved: (saved: boolean) => void }) {
  const queryClient = useQueryClient();
  const form = useForm<ResourceTagsFormValues>({ resolver: zodResolver(resourceTagsFormSchema), defaultValues: { arn, tags, loadedKeys: tags.map((t) => t.key) } });
  const rows = useFieldArray({ control: form.control, name: "tags" });
  const values = useWatch({ control: form.control }) as ResourceTagsFormValues;
  const { errors, isSubmitting, isDirty } = form.formState;
  const { formError, run } = useActionForm(form.setError, resourceTagsFieldNames(values));
  const service = serviceOfArn(arn);

  // The stored tags changed (after a save, or another admin's change): show them, unless the
  // admin is in the middle of an edit, which the next save reconciles key by key.
  const stored = JSON.stringify(tags);
  useEffect(() => {
    if (isDirty) return;
    const latest = JSON.parse(stored) as Tag[];
    form.reset({ arn, tags: latest, loadedKeys: latest.map((t) => t.key) });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the stored tags resets the editor
  }, [stored]);

  const onSubmit = form.handleSubmit(async (v) => {
    onSaved(false);
    const done = await run(() => updateResourceTagsAction(v));
    if (!done) return;
    onSaved(true);
    // Saved: the editor is clean again and takes the stored tags as they come back. The live
    // stream may have refetched them already, while the editor was still dirty (the effect above
    // skipped them, and the refetch below then changes nothing): so they are applied here too.
    form.reset({ ...v, loadedKeys: v.tags.map((t) => t.key.trim()) });
    await queryClient.invalidateQueries({ queryKey: settingsKeys.tags(arn) });
    const latest = queryClient.getQueryData<Tag[]>(settingsKeys.tags(arn));
    if (latest && !form.formState.isDirty) form.reset({ arn, tags: latest, loadedKeys: latest.map((t) => t.key) });
  });

  return (
    <form aria-label={`Tags of ${arn}`} onSubmit={onSubmit} noValidate className="space-y-3">
      <p className="text-muted">
        Tags of <span className="break-all text-ink">{arn}</span>
        {service === "ssm-contacts" ? " (Incident Manager Contacts: a tag needs a value)." : "."}
      </p>
      {formError ? <ErrorAlert error={formError} /> : null}
      <TagRows form={form} rows={rows} idPrefix="resource-tag" extraError={errors.arn?.message} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save tags"}
        </Button>
      </div>
    </form>
  );
}

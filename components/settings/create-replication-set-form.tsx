"use client";
// The replication set's empty state: Incident Manager isn't set up until a replication set exists
// (StartIncident refuses without one), so this offers to create it over up to three Regions.
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useFieldArray, useForm } from "react-hook-form";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField, Input } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { createReplicationSetAction } from "@/lib/console/settings/actions";
import { createReplicationSetFormSchema, INCIDENT_MANAGER_REGIONS, MAX_REPLICATION_REGIONS, type CreateReplicationSetFormValues } from "@/lib/console/settings/schemas";
import { KMS_KEY_DESCRIPTION } from "./add-region-form";

export function CreateReplicationSetForm({ defaultRegion }: { defaultRegion: string }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const form = useForm<CreateReplicationSetFormValues>({
    resolver: zodResolver(createReplicationSetFormSchema),
    defaultValues: { regions: [{ regionName: defaultRegion, sseKmsKeyId: "" }] },
  });
  const chosen = useFieldArray({ control: form.control, name: "regions" });
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionForm(form.setError, ["regions", ...chosen.fields.map((_, i) => `regions.${i}.sseKmsKeyId`)]);
  const full = chosen.fields.length >= MAX_REPLICATION_REGIONS;
  // The console's own Region first, even when it isn't one the picker lists.
  const regions = [defaultRegion, ...INCIDENT_MANAGER_REGIONS.filter((r) => r !== defaultRegion)];
  const regionsError = errors.regions?.message ?? errors.regions?.root?.message;

  const onSubmit = form.handleSubmit(async (values) => {
    const created = await run(() => createReplicationSetAction(values));
    if (!created) return;
    // A new set is a new start: every cached read may have changed.
    await queryClient.invalidateQueries();
    router.refresh();
  });

  return (
    <form aria-label="Create replication set" onSubmit={onSubmit} noValidate className="space-y-4">
      <Alert type="warning" header="No replication set">
        Incident Manager isn&apos;t set up in this account. Create a replication set first: incidents can&apos;t be started (StartIncident) without one, and on
        AWS most other Incident Manager operations need it too.
      </Alert>
      {formError ? <ErrorAlert error={formError} /> : null}
      <fieldset aria-describedby={regionsError ? "create-set-regions-error" : "create-set-regions-help"} className="space-y-2">
        <legend className="font-bold">Regions</legend>
        <p id="create-set-regions-help" className="text-muted">
          Choose up to {MAX_REPLICATION_REGIONS} Regions. The first one is where Incident Manager resources are created.
        </p>
        <div className="grid gap-x-4 gap-y-1 sm:grid-cols-3 lg:grid-cols-4">
          {regions.map((r) => {
            const i = chosen.fields.findIndex((f) => f.regionName === r);
            return (
              <label key={r} className="flex items-center gap-2 font-mono text-sm">
                <input
                  type="checkbox"
                  checked={i >= 0}
                  disabled={i < 0 && full}
                  onChange={(e) => (e.target.checked ? chosen.append({ regionName: r, sseKmsKeyId: "" }) : chosen.remove(i))}
                />
                {r}
              </label>
            );
          })}
        </div>
        {regionsError ? (
          <p id="create-set-regions-error" className="flex gap-1.5 text-error">
            <span aria-hidden>⚠</span>
            <span>{regionsError}</span>
          </p>
        ) : null}
      </fieldset>
      {chosen.fields.map((f, i) => {
        const id = `create-set-kms-${i}`;
        const error = errors.regions?.[i]?.sseKmsKeyId?.message;
        return (
          <FormField key={f.id} id={id} label={`KMS key for ${f.regionName}`} optional description={KMS_KEY_DESCRIPTION} error={error}>
            <Input {...fieldAria(id, { error, description: true })} {...form.register(`regions.${i}.sseKmsKeyId`)} />
          </FormField>
        );
      })}
      <Button type="submit" variant="primary" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create replication set"}
      </Button>
    </form>
  );
}

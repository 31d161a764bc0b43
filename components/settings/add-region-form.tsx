"use client";
// Adds a Region to the replication set (UpdateReplicationSet addRegionAction), with an optional
// KMS key; the Region is CREATING until the backend has replicated to it.
import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { fieldAria, FormField, Input, Select } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { addReplicationRegionAction } from "@/lib/console/settings/actions";
import type { ReplicationSetView } from "@/lib/console/settings/dto";
import { settingsKeys } from "@/lib/console/settings/keys";
import { addRegionFormSchema, INCIDENT_MANAGER_REGIONS, MAX_REPLICATION_REGIONS, type AddRegionFormValues } from "@/lib/console/settings/schemas";

export const KMS_KEY_DESCRIPTION = "A KMS key ID, key ARN, alias name or alias ARN. Leave it empty to use an AWS owned key.";

export function AddRegionForm({ set }: { set: NonNullable<ReplicationSetView> }) {
  const queryClient = useQueryClient();
  const form = useForm<AddRegionFormValues>({ resolver: zodResolver(addRegionFormSchema), defaultValues: { arn: set.arn, regionName: "", sseKmsKeyId: "" } });
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionForm(form.setError, ["regionName", "sseKmsKeyId"]);

  if (set.regions.length >= MAX_REPLICATION_REGIONS) {
    return <p className="text-muted">The replication set spans {MAX_REPLICATION_REGIONS} Regions, the most it can have. Remove one to add another.</p>;
  }
  const taken = new Set(set.regions.map((r) => r.regionName));
  const choices = INCIDENT_MANAGER_REGIONS.filter((r) => !taken.has(r));
  const busy = set.status !== "ACTIVE";

  const onSubmit = form.handleSubmit(async (values) => {
    const added = await run(() => addReplicationRegionAction({ ...values, arn: set.arn }));
    if (!added) return;
    form.reset({ arn: set.arn, regionName: "", sseKmsKeyId: "" });
    await queryClient.invalidateQueries({ queryKey: settingsKeys.replicationSet() });
  });

  return (
    <form aria-label="Add Region" onSubmit={onSubmit} noValidate className="space-y-3">
      <h3 className="font-bold">Add Region</h3>
      {formError ? <ErrorAlert error={formError} /> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField id="add-region-name" label="Region" error={errors.regionName?.message}>
          <Select {...fieldAria("add-region-name", { error: errors.regionName?.message })} {...form.register("regionName")}>
            <option value="">Choose a Region</option>
            {choices.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        </FormField>
        <FormField id="add-region-kms" label="KMS key" optional description={KMS_KEY_DESCRIPTION} error={errors.sseKmsKeyId?.message}>
          <Input {...fieldAria("add-region-kms", { error: errors.sseKmsKeyId?.message, description: true })} {...form.register("sseKmsKeyId")} />
        </FormField>
      </div>
      <Button type="submit" variant="primary" disabled={isSubmitting || busy} aria-describedby={busy ? "regions-settling-note" : undefined}>
        {isSubmitting ? "Adding…" : "Add Region"}
      </Button>
    </form>
  );
}

"use client";
// Settings → Resource policies: a response plan's policies (GetResourcePolicies), add one
// (PutResourcePolicy, a JSON document checked in the browser and by the backend), delete one
// after a confirmation (DeleteResourcePolicy).
import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Container } from "@/components/ui/container";
import { fieldAria, FormField, Select, Textarea } from "@/components/ui/form-field";
import { useActionForm } from "@/components/ui/use-action-form";
import { errorOf, readJson } from "@/lib/console/core/errors";
import { deleteResourcePolicyAction, putResourcePolicyAction } from "@/lib/console/settings/actions";
import type { ResourcePolicyRow } from "@/lib/console/settings/dto";
import { settingsKeys } from "@/lib/console/settings/keys";
import { prettyPolicy, resourcePolicyFormSchema, type ResourcePolicyFormValues } from "@/lib/console/settings/schemas";
import { planLabel, useResponsePlanList } from "./use-resource-options";

export function ResourcePoliciesSection() {
  const plans = useResponsePlanList();
  const [arn, setArn] = useState("");
  const plansError = errorOf(plans.error);
  return (
    <Container header="Resource policies" description="Policies that share a response plan with other AWS accounts through AWS RAM.">
      <div className="space-y-4">
        {plansError ? <ErrorAlert error={plansError} /> : null}
        <div className="max-w-xl">
          <FormField id="policies-plan" label="Response plan">
            <Select id="policies-plan" value={arn} onChange={(e) => setArn(e.target.value)}>
              <option value="">{plans.isPending ? "Loading response plans…" : "Choose a response plan"}</option>
              {plans.data?.map((p) => (
                <option key={p.arn} value={p.arn}>
                  {planLabel(p)}
                </option>
              ))}
            </Select>
          </FormField>
        </div>
        {plans.data?.length === 0 ? <p className="text-muted">No response plans yet: create one to attach policies to it.</p> : null}
        {arn ? <PlanPolicies key={arn} arn={arn} /> : null}
      </div>
    </Container>
  );
}

function PlanPolicies({ arn }: { arn: string }) {
  const policies = useQuery({
    queryKey: settingsKeys.resourcePolicies(arn),
    queryFn: () => readJson<ResourcePolicyRow[]>(`/api/settings/resource-policies?arn=${encodeURIComponent(arn)}`),
  });
  const [deleting, setDeleting] = useState<ResourcePolicyRow | null>(null);
  return (
    <div className="space-y-4">
      {policies.isPending ? (
        <p role="status" className="text-muted">
          Loading policies…
        </p>
      ) : policies.isError ? (
        <ErrorAlert error={errorOf(policies.error)} />
      ) : policies.data.length === 0 ? (
        <p className="text-muted">This response plan has no resource policies.</p>
      ) : (
        <ul aria-label="Resource policies" className="space-y-3">
          {policies.data.map((p) => (
            <li key={p.policyId} aria-label={`Policy ${p.policyId}`} className="rounded-xl border border-line p-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <dl className="min-w-0 text-sm">
                  <div className="flex flex-wrap gap-x-2">
                    <dt className="font-bold text-muted">Policy ID</dt>
                    <dd className="font-mono break-all">{p.policyId}</dd>
                  </div>
                  <div className="flex flex-wrap gap-x-2">
                    <dt className="font-bold text-muted">RAM share Region</dt>
                    <dd>{p.ramResourceShareRegion || "—"}</dd>
                  </div>
                </dl>
                <Button variant="link" aria-label={`Delete policy ${p.policyId}`} onClick={() => setDeleting(p)}>
                  Delete
                </Button>
              </div>
              <pre aria-label={`Policy document ${p.policyId}`} className="mt-2 max-h-80 overflow-auto rounded-lg bg-squid p-3 text-sm whitespace-pre text-white">
                {prettyPolicy(p.policyDocument)}
              </pre>
            </li>
          ))}
        </ul>
      )}
      <AddPolicyForm arn={arn} />
      {deleting ? <DeletePolicyDialog arn={arn} policy={deleting} onClose={() => setDeleting(null)} /> : null}
    </div>
  );
}

/** A policy of the shape AWS RAM shares response plans with: a starting point to edit. */
function examplePolicy(arn: string): string {
  const statement = {
    Sid: "ShareResponsePlan",
    Effect: "Allow",
    Principal: { AWS: "111122223333" },
    Action: ["ssm-incidents:GetResponsePlan", "ssm-incidents:StartIncident", "ssm-incidents:UpdateIncidentRecord"],
    Resource: arn,
  };
  return JSON.stringify({ Version: "2012-10-17", Statement: [statement] }, null, 2);
}

function AddPolicyForm({ arn }: { arn: string }) {
  const queryClient = useQueryClient();
  const empty: ResourcePolicyFormValues = { resourceArn: arn, policy: "" };
  const form = useForm<ResourcePolicyFormValues>({ resolver: zodResolver(resourcePolicyFormSchema), defaultValues: empty });
  const { errors, isSubmitting } = form.formState;
  const { formError, run } = useActionForm(form.setError, ["policy", "resourceArn"]);
  const error = errors.policy?.message ?? errors.resourceArn?.message;

  const onSubmit = form.handleSubmit(async (values) => {
    const added = await run(() => putResourcePolicyAction({ ...values, resourceArn: arn }));
    if (!added) return;
    form.reset(empty);
    await queryClient.invalidateQueries({ queryKey: settingsKeys.resourcePolicies(arn) });
  });

  return (
    <form aria-label="Add resource policy" onSubmit={onSubmit} noValidate className="space-y-3">
      <h3 className="font-bold">Add policy</h3>
      {formError ? <ErrorAlert error={formError} /> : null}
      <FormField id="policy-document" label="Policy document" description="A JSON policy document with a Statement." error={error}>
        <Textarea rows={10} spellCheck={false} className="font-mono text-sm" {...fieldAria("policy-document", { error, description: true })} {...form.register("policy")} />
      </FormField>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={isSubmitting}>
          {isSubmitting ? "Adding…" : "Add policy"}
        </Button>
        <Button onClick={() => form.setValue("policy", examplePolicy(arn), { shouldDirty: true })}>Fill in an example</Button>
      </div>
    </form>
  );
}

function DeletePolicyDialog({ arn, policy, onClose }: { arn: string; policy: ResourcePolicyRow; onClose: () => void }) {
  const queryClient = useQueryClient();
  return (
    <ConfirmDialog
      title="Delete resource policy"
      confirmLabel="Delete"
      pendingLabel="Deleting…"
      action={() => deleteResourcePolicyAction({ resourceArn: arn, policyId: policy.policyId })}
      onDone={() => queryClient.invalidateQueries({ queryKey: settingsKeys.resourcePolicies(arn) })}
      onClose={onClose}
    >
      <p>
        Delete policy <span className="font-mono break-all">{policy.policyId}</span>? The accounts it shares the response plan with lose access to it.
      </p>
    </ConfirmDialog>
  );
}

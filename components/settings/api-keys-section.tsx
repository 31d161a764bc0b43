"use client";
// Settings → API access keys: create (the secret is shown once), list, revoke.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Container } from "@/components/ui/container";
import { CopyButton } from "@/components/ui/copy-button";
import { FormField, Input, Select } from "@/components/ui/form-field";
import { AbsoluteTime, RelativeTime } from "@/components/ui/relative-time";
import { StatusIndicator } from "@/components/ui/status-indicator";
import { useAction } from "@/components/ui/use-action";
import { RoleOptions } from "@/components/users/role-options";
import type { Role } from "@/lib/auth/permissions";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/console/settings/actions";
import type { ApiKeyRow, CreatedKey } from "@/lib/console/settings/dto";

export function ApiKeysSection({ keys, region }: { keys: ApiKeyRow[]; region: string }) {
  const [created, setCreated] = useState<CreatedKey | null>(null);
  return (
    <Container header="API access keys" description="SigV4 keys for the AWS CLI and SDKs against this console's AWS-compatible endpoints.">
      <div className="space-y-4">
        <CreateKeyForm onCreated={setCreated} />
        {created ? <NewKeySecret created={created} region={region} onDismiss={() => setCreated(null)} /> : null}
        <KeysTable keys={keys} />
      </div>
    </Container>
  );
}

function CreateKeyForm({ onCreated }: { onCreated: (k: CreatedKey) => void }) {
  const [name, setName] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const { error, pending, run, fieldError } = useAction();
  const router = useRouter();
  const nameError = fieldError("name");
  return (
    <form
      aria-label="Create API access key"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        run(
          () => createApiKeyAction({ name, role }),
          (key) => {
            setName("");
            onCreated(key);
            router.refresh();
          },
        );
      }}
    >
      {error && !nameError ? <ErrorAlert error={error} className="w-full" /> : null}
      <div className="min-w-48 flex-1">
        <FormField id="key-name" label="Key name" error={nameError}>
          <Input id="key-name" value={name} maxLength={64} onChange={(e) => setName(e.target.value)} aria-invalid={nameError ? true : undefined} aria-errormessage={nameError ? "key-name-error" : undefined} />
        </FormField>
      </div>
      <div className="w-40">
        <FormField id="key-role" label="Key role">
          <Select id="key-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            <RoleOptions />
          </Select>
        </FormField>
      </div>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Creating…" : "Create access key"}
      </Button>
    </form>
  );
}

function NewKeySecret({ created, region, onDismiss }: { created: CreatedKey; region: string; onDismiss: () => void }) {
  // The console's own origin, as the browser reached it: the CLI must call the same address.
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const cli = [
    `export AWS_ACCESS_KEY_ID=${created.accessKeyId}`,
    `export AWS_SECRET_ACCESS_KEY='${created.secretAccessKey}'`,
    `aws ssm-incidents list-response-plans --endpoint-url ${origin}/api/aws/ssm-incidents --region ${region}`,
  ].join("\n");
  return (
    <Alert type="success" header={`Access key ${created.name} created`}>
      <p>Copy the secret access key now: it is not stored and will not be shown again.</p>
      <dl className="mt-3 space-y-3">
        <div>
          <dt className="font-bold">Access key ID</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <code data-testid="new-access-key-id" className="break-all">
              {created.accessKeyId}
            </code>
            <CopyButton text={created.accessKeyId} label="Copy access key ID" />
          </dd>
        </div>
        <div>
          <dt className="font-bold">Secret access key</dt>
          <dd className="flex flex-wrap items-center gap-2">
            <code data-testid="new-secret-access-key" className="break-all">
              {created.secretAccessKey}
            </code>
            <CopyButton text={created.secretAccessKey} label="Copy secret access key" />
          </dd>
        </div>
        <div>
          <dt className="font-bold">Try it with the AWS CLI</dt>
          <dd>
            <pre aria-label="AWS CLI example" className="mt-1 overflow-x-auto rounded-lg bg-squid p-3 text-sm whitespace-pre text-white">
              {cli}
            </pre>
            <CopyButton text={cli} label="Copy AWS CLI example" />
          </dd>
        </div>
      </dl>
      <Button className="mt-3" onClick={onDismiss}>
        I have saved the secret
      </Button>
    </Alert>
  );
}

function KeysTable({ keys }: { keys: ApiKeyRow[] }) {
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  if (keys.length === 0) return <p className="text-muted">No API access keys yet.</p>;
  return (
    <div className="scroll-cue">
      <table aria-label="API access keys" className="w-full border-collapse text-left">
        <thead>
          <tr className="border-b-2 border-line-strong">
            {["Name", "Access key ID", "Role", "Created", "Last used", "Status", "Actions"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 text-muted">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.accessKeyId} className="border-b border-line last:border-b-0">
              <td className="px-3 py-2.5 whitespace-nowrap">{k.name}</td>
              <td className="px-3 py-2.5 font-mono text-sm whitespace-nowrap">{k.accessKeyId}</td>
              <td className="px-3 py-2.5">{k.role ?? "unknown"}</td>
              <td className="px-3 py-2.5">
                <AbsoluteTime iso={k.createdAt} />
              </td>
              <td className="px-3 py-2.5">{k.lastUsedAt ? <RelativeTime iso={k.lastUsedAt} /> : "Never"}</td>
              <td className="px-3 py-2.5">{k.revokedAt ? <StatusIndicator type="error">Revoked</StatusIndicator> : <StatusIndicator type="success">Active</StatusIndicator>}</td>
              <td className="px-3 py-2.5">
                {k.revokedAt ? null : (
                  <Button variant="link" aria-label={`Revoke ${k.name} (${k.accessKeyId})`} onClick={() => setRevoking(k)}>
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoking ? <RevokeDialog apiKey={revoking} onClose={() => setRevoking(null)} /> : null}
    </div>
  );
}

function RevokeDialog({ apiKey, onClose }: { apiKey: ApiKeyRow; onClose: () => void }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      title="Revoke API access key"
      confirmLabel="Revoke"
      pendingLabel="Revoking…"
      action={() => revokeApiKeyAction({ accessKeyId: apiKey.accessKeyId })}
      onDone={() => router.refresh()}
      onClose={onClose}
    >
      <p>
        Revoke <span className="font-bold">{apiKey.name}</span> ({apiKey.accessKeyId})? Requests signed with it are refused from now on. This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}

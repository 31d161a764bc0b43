"use client";
// Settings → Users: create, change role, link a contact, deactivate/reactivate. The server refuses
// what would lock the console out (the last active admin; deactivating yourself) with a message
// shown above the table.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Select } from "@/components/ui/form-field";
import { StatusIndicator } from "@/components/ui/status-indicator";
import type { ActionResult } from "@/lib/console/core/result";
import { updateUserAction } from "@/lib/console/users/actions";
import { type Role } from "@/lib/auth/permissions";
import { contactAlias } from "@/lib/console/contacts/paths";
import type { UserRow } from "@/lib/console/users/dto";
import { CreateUserForm } from "./create-user-form";
import { LinkContactDialog } from "./link-contact-dialog";
import { useAction } from "@/components/ui/use-action";
import { RoleOptions } from "@/components/users/role-options";

export function UsersSection({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  const [linking, setLinking] = useState<UserRow | null>(null);
  const { error, pending, run: runAction } = useAction();
  // Bumped after every change: the role selects remount and show the stored role, also after a refusal.
  const [revision, setRevision] = useState(0);
  const router = useRouter();

  const run = (action: () => Promise<ActionResult<unknown>>) =>
    // Whatever the answer: see `revision`.
    runAction(action, undefined, () => {
      setRevision((r) => r + 1);
      router.refresh();
    });

  return (
    <Container header="Users" description="Who can sign in to the console, with which role, and which contact pages them.">
      <div className="space-y-4">
        <CreateUserForm />
        {error ? <ErrorAlert error={error} /> : null}
        <div className="scroll-cue">
          <table aria-label="Users" className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b-2 border-line-strong">
                {["Email", "Name", "Role", "Contact", "Status", "Actions"].map((h) => (
                  <th key={h} scope="col" className="px-3 py-2 text-muted">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className="border-b border-line last:border-b-0">
                  <td className="px-3 py-2.5 whitespace-nowrap">
                    {u.email}
                    {u.id === currentUserId ? <span className="text-muted"> (you)</span> : null}
                  </td>
                  <td className="px-3 py-2.5 whitespace-nowrap">{u.name}</td>
                  <td className="px-3 py-2.5">
                    <Select
                      key={`${u.id}-${u.role}-${revision}`}
                      aria-label={`Role of ${u.email}`}
                      defaultValue={u.role ?? ""}
                      disabled={pending}
                      onChange={(e) => run(() => updateUserAction({ userId: u.id, role: e.target.value as Role }))}
                      className="min-w-32"
                    >
                      {u.role ? null : <option value="">unknown</option>}
                      <RoleOptions />
                    </Select>
                  </td>
                  <td className="px-3 py-2.5">
                    <span className="whitespace-nowrap">{u.contactArn ? contactAlias(u.contactArn) : "None"}</span>{" "}
                    <Button variant="link" aria-label={`Link contact for ${u.email}`} onClick={() => setLinking(u)}>
                      {u.contactArn ? "Change" : "Link"}
                    </Button>
                  </td>
                  <td className="px-3 py-2.5">{u.active ? <StatusIndicator type="success">Active</StatusIndicator> : <StatusIndicator type="error">Inactive</StatusIndicator>}</td>
                  <td className="px-3 py-2.5">
                    <Button
                      variant="link"
                      disabled={pending}
                      aria-label={`${u.active ? "Deactivate" : "Reactivate"} ${u.email}`}
                      onClick={() => run(() => updateUserAction({ userId: u.id, active: !u.active }))}
                    >
                      {u.active ? "Deactivate" : "Reactivate"}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {linking ? <LinkContactDialog user={linking} onClose={() => setLinking(null)} /> : null}
      </div>
    </Container>
  );
}

"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField, Input, Select } from "@/components/ui/form-field";
import { createUserAction } from "@/lib/console/users/actions";
import { type Role } from "@/lib/auth/permissions";
import { PASSWORD_MIN } from "@/lib/console/users/schemas";
import { useAction } from "@/components/ui/use-action";
import { RoleOptions } from "@/components/users/role-options";

const EMPTY = { email: "", name: "", role: "responder" as Role, password: "" };
const FIELDS = ["email", "name", "role", "password"] as const;
const LABELS: Record<(typeof FIELDS)[number], string> = { email: "Email", name: "Name", role: "Role", password: "Initial password" };

export function CreateUserForm() {
  const [values, setValues] = useState(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const { error, pending, run, fieldError } = useAction();
  const router = useRouter();
  const ownedByField = error?.fields?.some((f) => (FIELDS as readonly string[]).includes(f.name));
  const aria = (id: string, name: string) => ({ id, "aria-invalid": fieldError(name) ? true : undefined, "aria-errormessage": fieldError(name) ? `${id}-error` : undefined });

  return (
    <form
      aria-label="Create user"
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setCreated(null);
        run(
          () => createUserAction(values),
          (user) => {
            setValues(EMPTY);
            setCreated(user.email);
            router.refresh();
          },
        );
      }}
    >
      <h3 className="font-bold">Create user</h3>
      {error && !ownedByField ? <ErrorAlert error={error} /> : null}
      {created ? <Alert type="success">User {created} created. They can sign in with the initial password.</Alert> : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <FormField id="new-user-email" label={LABELS.email} error={fieldError("email")}>
          <Input {...aria("new-user-email", "email")} type="email" autoComplete="off" value={values.email} onChange={(e) => setValues({ ...values, email: e.target.value })} />
        </FormField>
        <FormField id="new-user-name" label={LABELS.name} error={fieldError("name")}>
          <Input {...aria("new-user-name", "name")} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} />
        </FormField>
        <FormField id="new-user-role" label={LABELS.role} error={fieldError("role")}>
          <Select {...aria("new-user-role", "role")} value={values.role} onChange={(e) => setValues({ ...values, role: e.target.value as Role })}>
            <RoleOptions />
          </Select>
        </FormField>
        <FormField id="new-user-password" label={LABELS.password} error={fieldError("password")} constraint={`At least ${PASSWORD_MIN} characters.`}>
          <Input {...aria("new-user-password", "password")} type="password" autoComplete="new-password" value={values.password} onChange={(e) => setValues({ ...values, password: e.target.value })} />
        </FormField>
      </div>
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? "Creating…" : "Create user"}
      </Button>
    </form>
  );
}

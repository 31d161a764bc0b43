"use client";
import { useState } from "react";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import { settle } from "@/lib/console/core/errors";
import type { ActionError, ActionResult } from "@/lib/console/core/result";

/**
 * Runs a server action for a react-hook-form form: field errors from the server land on their
 * fields; an error no field owns is returned for an alert above the form.
 */
export function useActionForm<V extends FieldValues>(setError: UseFormSetError<V>, fieldNames: readonly string[]) {
  const [formError, setFormError] = useState<ActionError | null>(null);

  async function run<T>(action: () => Promise<ActionResult<T>>): Promise<T | undefined> {
    setFormError(null);
    const result = await settle(action);
    if (result.ok) return result.data;
    const onFields = (result.error.fields ?? []).filter((f) => fieldNames.includes(f.name));
    for (const f of onFields) setError(f.name as Path<V>, { type: "server", message: f.message });
    if (onFields.length === 0) setFormError(result.error);
    return undefined;
  }

  return { formError, run, clearFormError: () => setFormError(null) };
}

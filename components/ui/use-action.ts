"use client";
import { useState, useTransition } from "react";
import { settle } from "@/lib/console/core/errors";
import type { ActionError, ActionResult } from "@/lib/console/core/result";

/**
 * Runs a server action that has no react-hook-form form (a toggle, a confirmation, a delete, a
 * dialog with a field or two): pending while it runs, its error (the AWS exception name and
 * message) to show, and `onDone` with its data on success. `onSettled` runs after either answer:
 * a control whose action may be refused because something changed meanwhile (acknowledged
 * elsewhere, already removed) refreshes what it shows either way. `fieldError` names the message
 * the server gave one field, for a dialog that shows it on that field instead of above it.
 */
export function useAction() {
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, start] = useTransition();

  function run<T>(action: () => Promise<ActionResult<T>>, onDone?: (data: T) => unknown, onSettled?: () => unknown) {
    start(async () => {
      setError(null);
      const result = await settle(action);
      await onSettled?.();
      if (!result.ok) return setError(result.error);
      await onDone?.(result.data);
    });
  }

  const fieldError = (name: string) => error?.fields?.find((f) => f.name === name)?.message;

  return { error, pending, run, fieldError, clearError: () => setError(null) };
}

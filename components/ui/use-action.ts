"use client";
import { useState, useTransition } from "react";
import type { ActionError, ActionResult } from "@/lib/console/core/result";

/** What a failed request (network, server restart) shows: nothing the user did is wrong. */
export const NETWORK_ERROR: ActionError = { name: "NetworkError", message: "The console could not be reached. Try again." };

/**
 * Runs a server action that has no form fields (a toggle, a confirmation, a delete): pending while it runs,
 * its error (the AWS exception name and message) to show, and `onDone` with its data on success.
 */
export function useAction() {
  const [error, setError] = useState<ActionError | null>(null);
  const [pending, start] = useTransition();

  function run<T>(action: () => Promise<ActionResult<T>>, onDone?: (data: T) => unknown) {
    start(async () => {
      setError(null);
      const result = await action().catch(() => null);
      if (!result?.ok) return setError(result?.error ?? NETWORK_ERROR);
      await onDone?.(result.data);
    });
  }

  return { error, pending, run, clearError: () => setError(null) };
}

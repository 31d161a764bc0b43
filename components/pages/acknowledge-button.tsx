"use client";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionError } from "@/lib/console/core/result";
import { acknowledgePageAction } from "@/lib/console/engagements/actions";
import { NETWORK_ERROR } from "@/lib/console/core/errors";

/** Acknowledge (AcceptPage READ) one page addressed to me; the error, if any, shows beside it. */
export function AcknowledgeButton({ pageArn, label, onDone }: { pageArn: string; label: string; onDone: () => Promise<unknown> }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        variant="primary"
        disabled={pending}
        aria-label={label}
        onClick={() =>
          start(async () => {
            setError(null);
            const result = await acknowledgePageAction({ pageArn }).catch(() => null);
            if (!result?.ok) setError(result?.error ?? NETWORK_ERROR);
            await onDone();
          })
        }
      >
        {pending ? "Acknowledging…" : "Acknowledge"}
      </Button>
      {error ? (
        <span role="alert" className="text-error">
          {error.name}: {error.message}
        </span>
      ) : null}
    </span>
  );
}

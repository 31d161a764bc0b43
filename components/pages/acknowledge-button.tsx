"use client";
import { Button } from "@/components/ui/button";
import { acknowledgePageAction } from "@/lib/console/pages/actions";
import { useAction } from "@/components/ui/use-action";

/** Acknowledge (AcceptPage READ) one page addressed to me; the error, if any, shows beside it. */
export function AcknowledgeButton({ pageArn, label, onDone }: { pageArn: string; label: string; onDone: () => Promise<unknown> }) {
  const { error, pending, run } = useAction();
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        variant="primary"
        disabled={pending}
        aria-label={label}
        onClick={() =>
          // Refused or not, show the page as it now is (acknowledged elsewhere, engagement stopped).
          run(() => acknowledgePageAction({ pageArn }), undefined, onDone)
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

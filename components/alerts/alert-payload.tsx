"use client";
import { useQuery } from "@tanstack/react-query";
import { ErrorAlert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import type { AlertPayload as Payload } from "@/lib/console/alerts/dto";
import { alertKeys } from "@/lib/console/alerts/keys";
import { errorOf, readJson } from "@/lib/console/core/errors";

/** An opened alert's raw payload, pretty-printed, with a Copy button: fetched when the row opens, not with the list. */
export function AlertPayload({ id, title }: { id: string; title: string }) {
  const query = useQuery({
    queryKey: alertKeys.payload(id),
    queryFn: () => readJson<Payload>(`/api/alerts/payload?id=${encodeURIComponent(id)}`),
    // A stored payload never changes: live events need not fetch it again.
    staleTime: Infinity,
  });
  if (query.isPending) {
    return (
      <p role="status" className="text-muted">
        Loading the payload…
      </p>
    );
  }
  if (query.isError) return <ErrorAlert error={errorOf(query.error)} />;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="font-bold">Raw payload</span>
        <CopyButton text={query.data.payload} label={`Copy raw payload of ${title}`} />
      </div>
      <pre aria-label={`Raw payload of ${title}`} tabIndex={0} className="max-h-96 overflow-auto rounded-lg bg-squid p-3 text-sm whitespace-pre text-white">
        {query.data.payload}
      </pre>
    </div>
  );
}

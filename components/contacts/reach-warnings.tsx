"use client";
// Warn before paging fails: contacts an engagement would not reach, listed in words.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import type { ReachWarning } from "@/lib/console/contacts/dto";
import { contactKeys } from "@/lib/console/contacts/keys";
import { readJson } from "@/lib/console/core/errors";

export function ReachWarnings({ warnings, className }: { warnings: { message: string }[]; className?: string }) {
  if (!warnings.length) return null;
  return (
    <Alert type="warning" header="Some contacts will not be reached" className={className}>
      <ul aria-label="Contacts that will not be reached" className="list-disc space-y-0.5 pl-5">
        {warnings.map((w) => (
          <li key={w.message}>{w.message}</li>
        ))}
      </ul>
    </Alert>
  );
}

/** The warnings for contacts and escalation plans chosen in a form, read as the choice changes. */
export function ReachWarningsFor({ arns, className }: { arns: string[]; className?: string }) {
  const query = useQuery({
    queryKey: contactKeys.reachability(arns),
    queryFn: () => readJson<ReachWarning[]>(`/api/contacts/reachability?${arns.map((a) => `arn=${encodeURIComponent(a)}`).join("&")}`),
    enabled: arns.length > 0,
    placeholderData: keepPreviousData,
  });
  return arns.length ? <ReachWarnings warnings={query.data ?? []} className={className} /> : null;
}

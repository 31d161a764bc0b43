"use client";
// Calendar feeds of on-call shifts: make one (its URL shown once, with how to add it to a
// calendar app), list them (made, last used), revoke one. Of the user's own shifts or of a schedule.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Alert, ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { CopyButton } from "@/components/ui/copy-button";
import { AbsoluteTime, RelativeTime } from "@/components/ui/relative-time";
import { StatusIndicator } from "@/components/ui/status-indicator";
import { useAction } from "@/components/ui/use-action";
import { errorOf, readJson } from "@/lib/console/core/errors";
import { createMyFeedAction, createScheduleFeedAction, revokeFeedAction } from "@/lib/console/schedules/feeds/actions";
import type { CreatedFeed, FeedRow } from "@/lib/console/schedules/feeds/dto";
import { feedKeys } from "@/lib/console/schedules/feeds/keys";

export type FeedScope = { kind: "MINE" } | { kind: "SCHEDULE"; alias: string };

const keyOf = (scope: FeedScope) => (scope.kind === "MINE" ? feedKeys.mine() : feedKeys.schedule(scope.alias));

export function CalendarFeeds({ scope }: { scope: FeedScope }) {
  const [created, setCreated] = useState<CreatedFeed | null>(null);
  const queryClient = useQueryClient();
  const feeds = useQuery({
    queryKey: keyOf(scope),
    queryFn: () => readJson<FeedRow[]>(scope.kind === "MINE" ? "/api/calendar/feeds" : `/api/calendar/feeds?schedule=${encodeURIComponent(scope.alias)}`),
  });
  const { error, pending, run } = useAction();
  const refresh = () => queryClient.invalidateQueries({ queryKey: keyOf(scope) });
  const readError = errorOf(feeds.error);
  return (
    <div className="space-y-4">
      {error ? <ErrorAlert error={error} /> : null}
      <Button
        disabled={pending}
        onClick={() =>
          run(
            () => (scope.kind === "MINE" ? createMyFeedAction({}) : createScheduleFeedAction({ alias: scope.alias })),
            async (feed) => {
              setCreated(feed);
              await refresh();
            },
          )
        }
      >
        {pending ? "Creating…" : "Create calendar feed"}
      </Button>
      {created ? <NewFeedUrl created={created} onDismiss={() => setCreated(null)} /> : null}
      {readError ? <ErrorAlert error={readError} /> : null}
      {feeds.data ? <FeedsTable feeds={feeds.data} onRevoked={refresh} /> : null}
    </div>
  );
}

function NewFeedUrl({ created, onDismiss }: { created: CreatedFeed; onDismiss: () => void }) {
  const url = `${typeof window === "undefined" ? "" : window.location.origin}${created.path}`;
  return (
    <Alert type="success" header="Calendar feed created">
      <p>Copy the feed URL now: it is not stored and will not be shown again. Anyone with it can read these shifts, so keep it private; revoke it here if it leaks.</p>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <code data-testid="new-feed-url" className="break-all">
          {url}
        </code>
        <CopyButton text={url} label="Copy feed URL" />
      </div>
      <ul className="mt-3 list-disc space-y-1 pl-5">
        <li>
          <span className="font-bold">Google Calendar</span>: Other calendars → + → From URL, paste the URL, Add calendar.
        </li>
        <li>
          <span className="font-bold">Outlook</span>: Add calendar → Subscribe from web, paste the URL, Import.
        </li>
        <li>
          <span className="font-bold">Apple Calendar</span>: File → New Calendar Subscription, paste the URL.
        </li>
      </ul>
      <p className="mt-2 text-muted">Calendar apps refresh a subscription every few hours: a change of shifts shows there later than here.</p>
      <Button className="mt-3" onClick={onDismiss}>
        I have saved the URL
      </Button>
    </Alert>
  );
}

function FeedsTable({ feeds, onRevoked }: { feeds: FeedRow[]; onRevoked: () => unknown }) {
  const [revoking, setRevoking] = useState<FeedRow | null>(null);
  if (feeds.length === 0) return <p className="text-muted">No calendar feeds yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table aria-label="Calendar feeds" className="w-full border-collapse text-left">
        <thead>
          <tr className="border-b-2 border-line-strong">
            {["Created", "Last used", "Status", "Actions"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 text-muted">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {feeds.map((f) => (
            <tr key={f.id} className="border-b border-line last:border-b-0">
              <td className="px-3 py-2.5">
                <AbsoluteTime iso={f.created} />
              </td>
              <td className="px-3 py-2.5">{f.lastUsed ? <RelativeTime iso={f.lastUsed} /> : "Never"}</td>
              <td className="px-3 py-2.5">{f.revoked ? <StatusIndicator type="error">Revoked</StatusIndicator> : <StatusIndicator type="success">Active</StatusIndicator>}</td>
              <td className="px-3 py-2.5">
                {f.revoked ? null : (
                  <Button variant="link" aria-label={`Revoke the feed created ${new Date(f.created).toISOString().slice(0, 16).replace("T", " ")} UTC`} onClick={() => setRevoking(f)}>
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoking ? (
        <ConfirmDialog title="Revoke calendar feed" confirmLabel="Revoke" pendingLabel="Revoking…" action={() => revokeFeedAction({ id: revoking.id })} onDone={onRevoked} onClose={() => setRevoking(null)}>
          <p>Revoke this calendar feed? Calendars subscribed to its URL get no more shifts from it. This cannot be undone.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

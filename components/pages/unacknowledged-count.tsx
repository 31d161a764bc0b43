"use client";
import { useQuery } from "@tanstack/react-query";
import { readJson } from "@/lib/console/core/errors";
import type { UnacknowledgedCount as Count } from "@/lib/console/pages/dto";
import { pageKeys } from "@/lib/console/pages/keys";

/**
 * The number of my pages waiting for an acknowledgement, beside "My pages" in the navigation.
 * Live: components/live/live-updates.tsx invalidates every query on each change event (or poll in
 * aws mode), and acknowledging refreshes pageKeys.all, which this key sits under.
 */
export function UnacknowledgedCount() {
  const { data } = useQuery({
    queryKey: pageKeys.unacknowledged(),
    queryFn: () => readJson<Count>("/api/pages/unacknowledged"),
  });
  if (!data?.count) return null;
  return (
    <span className="ml-2 inline-block min-w-5 rounded-full bg-error px-1.5 text-center text-xs leading-5 font-bold text-white" data-testid="unacknowledged-count">
      {/* The space keeps the link's accessible name "My pages 2 unacknowledged"; CSS drops it at the pill's edge. */}
      {` ${data.count}${data.more ? "+" : ""}`}
      <span className="sr-only"> unacknowledged</span>
    </span>
  );
}

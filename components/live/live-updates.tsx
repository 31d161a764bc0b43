"use client";
// Keeps every open console current: on each change event (local mode, /api/live) or every few
// seconds (aws mode, where no stream exists), the queries on screen refetch and the server-rendered
// parts of the page re-render. Bursts of events are coalesced into one refresh.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";

const COALESCE_MS = 150;
/** aws mode: every refetch is a call to AWS (a timeline is one per event), so not too often. */
const POLL_MS = 10_000;

export function LiveUpdates({ mode }: { mode: "stream" | "poll" }) {
  const queryClient = useQueryClient();
  const router = useRouter();
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const refresh = () => {
      if (pending.current) return;
      pending.current = setTimeout(() => {
        pending.current = undefined;
        // Only queries on screen refetch; the rest are marked stale for their next use.
        void queryClient.invalidateQueries();
        router.refresh();
      }, COALESCE_MS);
    };

    if (mode === "poll") {
      const timer = setInterval(() => {
        if (document.visibilityState === "visible") refresh();
      }, POLL_MS);
      return () => clearInterval(timer);
    }

    const source = new EventSource("/api/live");
    source.onmessage = refresh;
    // After a drop the browser reconnects by itself (retry: 2000); what changed meanwhile is
    // fetched once the stream is back.
    let opened = false;
    source.onopen = () => {
      document.documentElement.setAttribute("data-live", "open");
      if (opened) refresh();
      opened = true;
    };
    return () => {
      source.close();
      clearTimeout(pending.current);
      pending.current = undefined;
    };
  }, [mode, queryClient, router]);

  return null;
}

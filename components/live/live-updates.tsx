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
/** Local mode without a stream (turned away, e.g. 429 for too many open): poll the local model meanwhile. */
const FALLBACK_POLL_MS = 5_000;
/** …and try the stream again after this long (the 429's Retry-After; EventSource can't read headers). */
const STREAM_RETRY_MS = 60_000;

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
    const poll = (everyMs: number) => {
      const timer = setInterval(() => {
        if (document.visibilityState === "visible") refresh();
      }, everyMs);
      return () => clearInterval(timer);
    };

    if (mode === "poll") return poll(POLL_MS);

    let source: EventSource | undefined;
    let stopPolling: (() => void) | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      const s = new EventSource("/api/live");
      source = s;
      s.onmessage = refresh;
      // After a drop the browser reconnects by itself (retry: 2000); what changed meanwhile is
      // fetched once the stream is back.
      let opened = false;
      s.onopen = () => {
        stopPolling?.();
        stopPolling = undefined;
        document.documentElement.setAttribute("data-live", "open");
        if (opened) refresh();
        opened = true;
      };
      // An answer that isn't a stream (429: too many open; 403; 5xx) closes it for good: poll
      // meanwhile, and try the stream again later.
      s.onerror = () => {
        if (s.readyState !== EventSource.CLOSED) return;
        s.close();
        document.documentElement.setAttribute("data-live", "poll");
        stopPolling ??= poll(FALLBACK_POLL_MS);
        refresh();
        retry = setTimeout(connect, STREAM_RETRY_MS);
      };
    };
    connect();
    return () => {
      source?.close();
      stopPolling?.();
      clearTimeout(retry);
      clearTimeout(pending.current);
      pending.current = undefined;
    };
  }, [mode, queryClient, router]);

  return null;
}

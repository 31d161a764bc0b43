"use client";
// The schedule's calendar feeds and export load after the page: they are below the calendar and
// used now and then, so their code stays out of the schedule page's first load.
import dynamic from "next/dynamic";

export const LazyScheduleFeeds = dynamic(() => import("@/components/schedules/feeds/schedule-feeds").then((m) => m.ScheduleFeeds), {
  loading: () => <p className="py-4 text-muted">Loading the calendar feeds…</p>,
});

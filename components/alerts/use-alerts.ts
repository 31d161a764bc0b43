"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { readJson } from "@/lib/console/core/errors";
import type { AlertPage } from "@/lib/console/alerts/dto";
import { alertListSearch, type AlertFilter } from "@/lib/console/alerts/filters";
import { alertKeys } from "@/lib/console/alerts/keys";

/**
 * One page of the Alerts list. components/live/live-updates.tsx refetches it on every live event:
 * the intake's "AlertsReceived" and the processing's "AlertsSettled", so new alerts and their
 * outcomes appear without a reload.
 */
export function useAlerts(filter: AlertFilter, cursor: string | undefined, initialPage?: AlertPage) {
  return useQuery({
    queryKey: alertKeys.list(filter, cursor),
    queryFn: () => {
      const params = new URLSearchParams(alertListSearch(filter));
      if (cursor) params.set("cursor", cursor);
      return readJson<AlertPage>(`/api/alerts?${params}`);
    },
    initialData: initialPage,
    placeholderData: keepPreviousData,
  });
}

"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { IncidentPage } from "@/lib/console/incidents/dto";
import { incidentListSearch, type IncidentListFilter } from "@/lib/console/incidents/filters";
import { incidentKeys } from "@/lib/console/incidents/keys";
import { readJson } from "@/lib/console/core/errors";

/** One page of the incidents list; components/live/live-updates.tsx keeps it current without a reload. */
export function useIncidents(filter: IncidentListFilter, nextToken: string | undefined, initialPage?: IncidentPage) {
  return useQuery({
    queryKey: incidentKeys.list(filter, nextToken),
    queryFn: () => {
      const params = new URLSearchParams(incidentListSearch(filter));
      params.set("status", filter.status);
      if (nextToken) params.set("nextToken", nextToken);
      return readJson<IncidentPage>(`/api/incidents?${params}`);
    },
    // The server rendered the first page a moment ago: fresh for the default staleTime.
    initialData: initialPage,
    placeholderData: keepPreviousData,
  });
}

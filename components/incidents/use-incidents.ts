"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { IncidentPage, IncidentStatus } from "@/lib/queries/dto";
import { incidentKeys } from "@/lib/queries/keys";
import { readJson } from "@/lib/queries/read-json";

const INCIDENTS_POLL_MS = 10_000;

/** One page of the incidents list, polled so a responder sees new incidents without reloading. */
export function useIncidents(filter: { status: IncidentStatus; nextToken?: string }, initialPage?: IncidentPage) {
  return useQuery({
    queryKey: incidentKeys.list(filter),
    queryFn: () => {
      const params = new URLSearchParams({ status: filter.status });
      if (filter.nextToken) params.set("nextToken", filter.nextToken);
      return readJson<IncidentPage>(`/api/incidents?${params}`);
    },
    // The server rendered the first page a moment ago: fresh for the default staleTime.
    initialData: initialPage,
    placeholderData: keepPreviousData,
    refetchInterval: INCIDENTS_POLL_MS,
  });
}

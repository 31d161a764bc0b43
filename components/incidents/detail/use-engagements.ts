"use client";
import { useQuery } from "@tanstack/react-query";
import type { IncidentEngagements } from "@/lib/queries/dto";
import { incidentKeys } from "@/lib/queries/keys";
import { readJson } from "@/lib/queries/read-json";

// Receipts arrive as the engine delivers: the tab refreshes on its own while it is open.
const ENGAGEMENTS_POLL_MS = 5_000;

export function useEngagements(incidentArn: string) {
  return useQuery({
    queryKey: incidentKeys.engagements(incidentArn),
    queryFn: () => readJson<IncidentEngagements>(`/api/incidents/engagements?arn=${encodeURIComponent(incidentArn)}`),
    refetchInterval: ENGAGEMENTS_POLL_MS,
  });
}

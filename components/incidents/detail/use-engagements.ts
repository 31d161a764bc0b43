"use client";
import { useQuery } from "@tanstack/react-query";
import type { IncidentEngagements } from "@/lib/queries/dto";
import { incidentKeys } from "@/lib/queries/keys";
import { readJson } from "@/lib/queries/read-json";

export function useEngagements(incidentArn: string) {
  return useQuery({
    queryKey: incidentKeys.engagements(incidentArn),
    queryFn: () => readJson<IncidentEngagements>(`/api/incidents/engagements?arn=${encodeURIComponent(incidentArn)}`),
    // Receipts arrive as the engine delivers: each engine tick reaches components/live/live-updates.tsx,
    // which refetches what is on screen (aws mode: it polls).
  });
}

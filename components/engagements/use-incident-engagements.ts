"use client";
import { useQuery } from "@tanstack/react-query";
import type { IncidentEngagements } from "@/lib/console/incidents/dto";
import { incidentKeys } from "@/lib/console/incidents/keys";
import { readJson } from "@/lib/console/core/errors";

export function useEngagements(incidentArn: string) {
  return useQuery({
    queryKey: incidentKeys.engagements(incidentArn),
    queryFn: () => readJson<IncidentEngagements>(`/api/incidents/engagements?arn=${encodeURIComponent(incidentArn)}`),
    // Receipts arrive as the engine delivers: each engine tick reaches components/live/live-updates.tsx,
    // which refetches what is on screen (aws mode: it polls).
  });
}

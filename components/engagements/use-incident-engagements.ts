"use client";
import { useQuery } from "@tanstack/react-query";
import type { IncidentEngagements } from "@/lib/console/engagements/dto";
import { readJson } from "@/lib/console/core/errors";
import { engagementKeys } from "@/lib/console/engagements/keys";

export function useEngagements(incidentArn: string) {
  return useQuery({
    queryKey: engagementKeys.incident(incidentArn),
    queryFn: () => readJson<IncidentEngagements>(`/api/incidents/engagements?arn=${encodeURIComponent(incidentArn)}`),
    // Receipts arrive as the engine delivers: each engine tick reaches components/live/live-updates.tsx,
    // which refetches what is on screen (aws mode: it polls).
  });
}

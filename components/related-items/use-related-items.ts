"use client";
import { useQuery } from "@tanstack/react-query";
import { incidentKeys } from "@/lib/console/incidents/keys";
import { readJson } from "@/lib/console/core/errors";
import type { RelatedItemRow } from "@/lib/console/incidents/dto";

export function useRelatedItems(incidentArn: string) {
  return useQuery({
    queryKey: incidentKeys.relatedItems(incidentArn),
    queryFn: () => readJson<RelatedItemRow[]>(`/api/incidents/related-items?arn=${encodeURIComponent(incidentArn)}`),
  });
}

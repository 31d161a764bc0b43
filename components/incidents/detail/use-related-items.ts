"use client";
import { useQuery } from "@tanstack/react-query";
import { incidentKeys } from "@/lib/queries/keys";
import { readJson } from "@/lib/queries/read-json";
import type { RelatedItemRow } from "@/lib/queries/dto";

export function useRelatedItems(incidentArn: string) {
  return useQuery({
    queryKey: incidentKeys.relatedItems(incidentArn),
    queryFn: () => readJson<RelatedItemRow[]>(`/api/incidents/related-items?arn=${encodeURIComponent(incidentArn)}`),
  });
}

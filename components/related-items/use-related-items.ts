"use client";
import { useQuery } from "@tanstack/react-query";
import { readJson } from "@/lib/console/core/errors";
import type { RelatedItemRow } from "@/lib/console/related-items/dto";
import { relatedItemKeys } from "@/lib/console/related-items/keys";

export function useRelatedItems(incidentArn: string) {
  return useQuery({
    queryKey: relatedItemKeys.incident(incidentArn),
    queryFn: () => readJson<RelatedItemRow[]>(`/api/incidents/related-items?arn=${encodeURIComponent(incidentArn)}`),
  });
}

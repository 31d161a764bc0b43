"use client";
import { useQuery } from "@tanstack/react-query";
import type { ResponsePlanOption } from "@/lib/queries/dto";
import { responsePlanKeys } from "@/lib/queries/keys";
import { readJson } from "@/lib/queries/read-json";

/** Response plans with their incident templates (fetched when the start-incident dialog opens). */
export function useResponsePlanOptions(enabled: boolean) {
  return useQuery({
    queryKey: responsePlanKeys.options(),
    queryFn: () => readJson<ResponsePlanOption[]>("/api/response-plans?include=template"),
    enabled,
  });
}

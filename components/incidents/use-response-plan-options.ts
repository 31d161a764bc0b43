"use client";
import { useQuery } from "@tanstack/react-query";
import type { ResponsePlanOption } from "@/lib/console/response-plans/dto";
import { responsePlanKeys } from "@/lib/console/response-plans/keys";
import { readJson } from "@/lib/console/core/errors";

/** Response plans with their incident templates (fetched when the start-incident dialog opens). */
export function useResponsePlanOptions(enabled: boolean) {
  return useQuery({
    queryKey: responsePlanKeys.options(),
    queryFn: () => readJson<ResponsePlanOption[]>("/api/response-plans?include=template"),
    enabled,
  });
}

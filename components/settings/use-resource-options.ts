"use client";
import { useQuery } from "@tanstack/react-query";
import type { ResponsePlanRow } from "@/lib/console/response-plans/dto";
import { responsePlanKeys } from "@/lib/console/response-plans/keys";
import { readJson } from "@/lib/console/core/errors";

/** The response plans to choose from (name, display name, ARN). */
export function useResponsePlanList() {
  return useQuery({ queryKey: responsePlanKeys.list(), queryFn: () => readJson<ResponsePlanRow[]>("/api/response-plans") });
}

export function planLabel(p: ResponsePlanRow): string {
  return p.displayName ? `${p.displayName} (${p.name})` : p.name;
}

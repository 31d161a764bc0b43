"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { MyPages } from "@/lib/queries/dto";
import { pageKeys } from "@/lib/queries/keys";
import { readJson } from "@/lib/queries/read-json";

// New pages show up without a reload.
const MY_PAGES_POLL_MS = 10_000;

export function useMyPages(nextToken: string | undefined, initialPage?: MyPages) {
  return useQuery({
    queryKey: [...pageKeys.mine(), nextToken ?? null],
    queryFn: () => readJson<MyPages>(`/api/pages${nextToken ? `?nextToken=${encodeURIComponent(nextToken)}` : ""}`),
    initialData: initialPage,
    placeholderData: keepPreviousData,
    refetchInterval: MY_PAGES_POLL_MS,
  });
}

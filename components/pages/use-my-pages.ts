"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { MyPages } from "@/lib/queries/dto";
import { pageKeys } from "@/lib/queries/keys";
import { readJson } from "@/lib/queries/read-json";

export function useMyPages(nextToken: string | undefined, initialPage?: MyPages) {
  return useQuery({
    queryKey: [...pageKeys.mine(), nextToken ?? null],
    queryFn: () => readJson<MyPages>(`/api/pages${nextToken ? `?nextToken=${encodeURIComponent(nextToken)}` : ""}`),
    initialData: initialPage,
    placeholderData: keepPreviousData,
    // New pages show up without a reload: components/live/live-updates.tsx refetches on each change.
  });
}

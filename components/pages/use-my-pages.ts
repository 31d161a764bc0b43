"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { MyPages } from "@/lib/console/pages/dto";
import { pageKeys } from "@/lib/console/pages/keys";
import { readJson } from "@/lib/console/core/errors";

export function useMyPages(nextToken: string | undefined, initialPage?: MyPages) {
  return useQuery({
    queryKey: [...pageKeys.mine(), nextToken ?? null],
    queryFn: () => readJson<MyPages>(`/api/pages${nextToken ? `?nextToken=${encodeURIComponent(nextToken)}` : ""}`),
    initialData: initialPage,
    placeholderData: keepPreviousData,
    // New pages show up without a reload: components/live/live-updates.tsx refetches on each change.
  });
}

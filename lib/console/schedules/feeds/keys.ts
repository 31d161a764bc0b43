// react-query keys of calendar feeds. Client-safe.
import { scheduleKeys } from "@/lib/console/schedules/keys";

export const feedKeys = {
  all: [...scheduleKeys.all, "feeds"] as const,
  mine: () => [...feedKeys.all, "mine"] as const,
  schedule: (alias: string) => [...feedKeys.all, "schedule", alias] as const,
};

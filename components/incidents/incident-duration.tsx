"use client";
import { formatDuration } from "@/components/ui/format-duration";
import { useNow } from "@/components/ui/use-now";

/** How long the incident has been open, or how long it took: "Open for 12m", "Resolved after 1h 3m". */
export function IncidentDuration({ creationTime, resolvedTime, short }: { creationTime: string; resolvedTime?: string; short?: boolean }) {
  const now = useNow();
  const start = new Date(creationTime).getTime();
  const end = resolvedTime ? new Date(resolvedTime).getTime() : now;
  const span = formatDuration(end - start);
  const text = short ? span : resolvedTime ? `Resolved after ${span}` : `Open for ${span}`;
  return <span suppressHydrationWarning>{text}</span>;
}

"use client";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { UrlTabs } from "@/components/ui/url-tabs";
import type { IncidentStatus } from "@/lib/console/incidents/dto";
import { incidentListSearch, type IncidentListFilter } from "@/lib/console/incidents/filters";

const TABS: { value: IncidentStatus; label: string }[] = [
  { value: "OPEN", label: "Open" },
  { value: "RESOLVED", label: "Resolved" },
];

/** Open / Resolved, kept in the URL (?status=) with the other filters, so a view can be linked and survives a reload. */
export function IncidentTabs({ filter, children }: { filter: IncidentListFilter; children: ReactNode }) {
  const router = useRouter();
  return (
    <UrlTabs
      items={TABS}
      value={filter.status}
      onSelect={(value) => router.push(`/incidents${incidentListSearch({ ...filter, status: value as IncidentStatus }) || "?status=OPEN"}`)}
      label="Incident status"
      panel={children}
      flush
    />
  );
}

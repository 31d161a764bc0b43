"use client";
import * as Tabs from "@radix-ui/react-tabs";
import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import type { IncidentStatus } from "@/lib/console/incidents/dto";
import { incidentListSearch, type IncidentListFilter } from "@/lib/console/incidents/filters";

const TABS: { value: IncidentStatus; label: string }[] = [
  { value: "OPEN", label: "Open" },
  { value: "RESOLVED", label: "Resolved" },
];

/** Open / Resolved, kept in the URL (?status=) with the other filters, so a view can be linked and survives a reload. */
export function IncidentTabs({ filter, children }: { filter: IncidentListFilter; children: ReactNode }) {
  const router = useRouter();
  const status = filter.status;
  return (
    <Tabs.Root
      value={status}
      onValueChange={(value) => router.push(`/incidents${incidentListSearch({ ...filter, status: value as IncidentStatus }) || "?status=OPEN"}`)}
      activationMode="manual"
    >
      <Tabs.List aria-label="Incident status" className="flex gap-6 border-b border-line px-5">
        {TABS.map((tab) => (
          <Tabs.Trigger
            key={tab.value}
            value={tab.value}
            className="-mb-px border-b-4 border-transparent py-2 font-bold text-muted hover:text-ink data-[state=active]:border-link data-[state=active]:text-link"
          >
            {tab.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {TABS.map((tab) => (
        <Tabs.Content key={tab.value} value={tab.value} className="pt-2 focus-visible:outline-none">
          {tab.value === status ? children : null}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}

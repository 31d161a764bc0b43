"use client";
import * as Tabs from "@radix-ui/react-tabs";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";

export type IncidentDetailTab = { value: string; label: string; panel: ReactNode };

/**
 * The incident page's tabs (Overview, Timeline, Related items, Engagements, Runbook, Properties).
 * The open tab lives in the URL (?tab=), so it can be linked, survives a reload and the back
 * button returns to it. Panels are rendered by the server page and passed in.
 */
export function IncidentDetailTabs({ tabs }: { tabs: IncidentDetailTab[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const requested = params.get("tab");
  const current = tabs.some((t) => t.value === requested) ? requested! : tabs[0].value;
  const select = (value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value === tabs[0].value) next.delete("tab");
    else next.set("tab", value);
    router.push(`${pathname}?${next.toString()}`, { scroll: false });
  };
  return (
    <Tabs.Root value={current} onValueChange={select} activationMode="manual">
      <Tabs.List aria-label="Incident details" className="mb-4 flex gap-6 overflow-x-auto border-b border-line">
        {tabs.map((tab) => (
          <Tabs.Trigger
            key={tab.value}
            value={tab.value}
            className="-mb-px shrink-0 border-b-4 border-transparent py-2 font-bold text-muted hover:text-ink data-[state=active]:border-link data-[state=active]:text-link"
          >
            {tab.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {tabs.map((tab) => (
        <Tabs.Content key={tab.value} value={tab.value} className="focus-visible:outline-none">
          {tab.panel}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}

"use client";
import * as Tabs from "@radix-ui/react-tabs";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useOptimistic, useTransition, type ReactNode } from "react";
import { INCIDENT_TABS, type IncidentTab } from "./incident-tabs-list";

/**
 * The incident page's tabs (Overview, Timeline, Related items, Engagements, Runbook, Properties).
 * The open tab lives in the URL (?tab=), so it can be linked, survives a reload and the back
 * button returns to it. The server page renders only the open tab's panel and passes it in:
 * choosing another tab navigates, and that tab's code is fetched then, not with the page.
 * The tab strip shows the chosen tab at once; its panel shows a loading line until it arrives.
 */
export function IncidentDetailTabs({ tab, panel }: { tab: IncidentTab; panel: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [, startTransition] = useTransition();
  // While the server renders the chosen tab, the strip already shows it chosen.
  const [current, setCurrent] = useOptimistic<string>(tab);
  const select = (value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value === INCIDENT_TABS[0].value) next.delete("tab");
    else next.set("tab", value);
    startTransition(() => {
      setCurrent(value);
      router.push(`${pathname}?${next.toString()}`, { scroll: false });
    });
  };
  return (
    <Tabs.Root value={current} onValueChange={select} activationMode="manual">
      <Tabs.List aria-label="Incident details" className="mb-4 flex gap-6 overflow-x-auto border-b border-line">
        {INCIDENT_TABS.map((t) => (
          <Tabs.Trigger
            key={t.value}
            value={t.value}
            className="-mb-px shrink-0 border-b-4 border-transparent py-2 font-bold text-muted hover:text-ink data-[state=active]:border-link data-[state=active]:text-link"
          >
            {t.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      {INCIDENT_TABS.map((t) => (
        <Tabs.Content key={t.value} value={t.value} className="focus-visible:outline-none">
          {t.value === tab ? panel : <p className="text-muted" role="status">Loading…</p>}
        </Tabs.Content>
      ))}
    </Tabs.Root>
  );
}

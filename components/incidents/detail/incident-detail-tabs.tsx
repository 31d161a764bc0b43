"use client";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { UrlTabs } from "@/components/ui/url-tabs";
import { INCIDENT_TABS, incidentTabs, type IncidentTab } from "./incident-tabs-list";

/**
 * The incident page's tabs (INCIDENT_TABS, in ./incident-tabs-list.ts).
 * The open tab lives in the URL (?tab=). The server page renders only the open tab's panel and
 * passes it in: choosing another tab navigates, and that tab's code is fetched then, not with the page.
 */
export function IncidentDetailTabs({ tab, panel, hasAlerts = false }: { tab: IncidentTab; panel: ReactNode; hasAlerts?: boolean }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const select = (value: string) => {
    const next = new URLSearchParams(params.toString());
    if (value === INCIDENT_TABS[0].value) next.delete("tab");
    else next.set("tab", value);
    router.push(`${pathname}?${next.toString()}`, { scroll: false });
  };
  return <UrlTabs items={incidentTabs(hasAlerts)} value={tab} onSelect={select} label="Incident details" panel={panel} />;
}

// The incident page's tabs, in order. Shared by the server page (which renders only the open
// tab's panel, so a tab's code loads when it is first opened) and the client tab strip. The Alerts
// tab is shown only for an incident that alerts started or joined (issue 15).
export const INCIDENT_TABS = [
  { value: "overview", label: "Overview" },
  { value: "timeline", label: "Timeline" },
  { value: "alerts", label: "Alerts" },
  { value: "related-items", label: "Related items" },
  { value: "findings", label: "Findings" },
  { value: "engagements", label: "Engagements" },
  { value: "runbook", label: "Runbook" },
  { value: "properties", label: "Properties" },
] as const;

export type IncidentTab = (typeof INCIDENT_TABS)[number]["value"];

/** The tabs this incident shows: every one, but Alerts only when alerts are behind it. */
export function incidentTabs(hasAlerts: boolean): readonly (typeof INCIDENT_TABS)[number][] {
  return hasAlerts ? INCIDENT_TABS : INCIDENT_TABS.filter((t) => t.value !== "alerts");
}

/** The tab `?tab=` asks for among those shown, or Overview when it names none. */
export function openIncidentTab(requested: string | null | undefined, tabs: readonly { value: IncidentTab }[] = INCIDENT_TABS): IncidentTab {
  return tabs.find((t) => t.value === requested)?.value ?? "overview";
}

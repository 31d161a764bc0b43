// The incident page's tabs, in order. Shared by the server page (which renders only the open
// tab's panel, so a tab's code loads when it is first opened) and the client tab strip.
export const INCIDENT_TABS = [
  { value: "overview", label: "Overview" },
  { value: "timeline", label: "Timeline" },
  { value: "related-items", label: "Related items" },
  { value: "findings", label: "Findings" },
  { value: "engagements", label: "Engagements" },
  { value: "runbook", label: "Runbook" },
  { value: "properties", label: "Properties" },
] as const;

export type IncidentTab = (typeof INCIDENT_TABS)[number]["value"];

/** The tab `?tab=` asks for, or Overview when it names none. */
export function openIncidentTab(requested: string | null | undefined): IncidentTab {
  return INCIDENT_TABS.find((t) => t.value === requested)?.value ?? "overview";
}

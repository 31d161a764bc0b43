"use client";
// The incident page's client-side tab panels, each in its own chunk: the page renders only the
// open tab, so a responder who opens an incident downloads the Overview's code and not the
// timeline editor, the related-items form or the engagement dialogs until they open those tabs.
import dynamic from "next/dynamic";

function PanelLoading() {
  return (
    <p className="text-muted" role="status">
      Loading…
    </p>
  );
}

export const TimelinePanel = dynamic(() => import("@/components/timeline/timeline-panel").then((m) => m.TimelinePanel), { loading: PanelLoading });
export const RelatedItemsTab = dynamic(() => import("@/components/related-items/related-items-tab").then((m) => m.RelatedItemsTab), { loading: PanelLoading });
export const IncidentAlertsTab = dynamic(() => import("@/components/alerts/incident-alerts-tab").then((m) => m.IncidentAlertsTab), { loading: PanelLoading });
export const FindingsTab = dynamic(() => import("@/components/findings/findings-tab").then((m) => m.FindingsTab), { loading: PanelLoading });
export const EngagementsTab = dynamic(() => import("@/components/engagements/incident-engagements-tab").then((m) => m.EngagementsTab), { loading: PanelLoading });
export const RunbookTab = dynamic(() => import("./runbook-tab").then((m) => m.RunbookTab), { loading: PanelLoading });
export const IncidentTags = dynamic(() => import("./incident-tags").then((m) => m.IncidentTags), { loading: PanelLoading });

import Link from "next/link";
import { ImpactBadge } from "@/components/incidents/impact-badge";
import { IncidentDuration } from "@/components/incidents/incident-duration";
import { IncidentStatus } from "@/components/incidents/incident-status";
import { Container } from "@/components/ui/container";
import { KeyValuePairs } from "@/components/ui/key-value";
import { AbsoluteTime, RelativeTime } from "@/components/ui/relative-time";
import type { IncidentDetail } from "@/lib/console/incidents/dto";
import { principalName } from "@/lib/console/core/names";
import { responsePlanPath } from "@/lib/console/response-plans/paths";
import { ChatChannel } from "./chat-channel";
import { LatestEvents } from "@/components/timeline/latest-events";
import { SummaryMarkdown } from "./summary-markdown";

/** The Overview tab: key facts, the summary (Markdown) and the latest timeline events. */
export function OverviewPanel({ incident }: { incident: IncidentDetail }) {
  const plan = incident.responsePlanName;
  return (
    <div className="space-y-5">
      <Container header="Key facts">
        <KeyValuePairs
          items={[
            { label: "Status", value: <IncidentStatus status={incident.status} /> },
            { label: "Impact", value: <ImpactBadge impact={incident.impact} /> },
            { label: "Duration", value: <IncidentDuration creationTime={incident.creationTime} resolvedTime={incident.resolvedTime} /> },
            {
              label: "Created",
              value: (
                <>
                  <AbsoluteTime iso={incident.creationTime} /> (<RelativeTime iso={incident.creationTime} />)
                </>
              ),
            },
            { label: "Created by", value: principalName(incident.createdBy) },
            {
              label: "Response plan",
              value: plan ? (
                <Link href={responsePlanPath(plan)} className="text-link hover:underline">
                  {plan}
                </Link>
              ) : null,
            },
            { label: "Chat channel", value: <ChatChannel topics={incident.chatChannelSns} /> },
            ...(incident.resolvedTime ? [{ label: "Resolved", value: <AbsoluteTime iso={incident.resolvedTime} /> }] : []),
          ]}
        />
      </Container>
      <Container header="Summary">
        {incident.summary ? <SummaryMarkdown text={incident.summary} /> : <p className="text-muted">No summary yet.</p>}
      </Container>
      <LatestEvents arn={incident.arn} />
    </div>
  );
}

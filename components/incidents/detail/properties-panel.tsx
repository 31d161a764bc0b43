import Link from "next/link";
import { Container } from "@/components/ui/container";
import { KeyValuePairs } from "@/components/ui/key-value";
import { AbsoluteTime } from "@/components/ui/relative-time";
import type { IncidentDetail } from "@/lib/console/incidents/dto";
import { principalName } from "@/lib/console/core/names";
import { responsePlanPath } from "@/lib/console/response-plans/paths";
import { ChatChannel } from "./chat-channel";
import { IncidentTags } from "./lazy-panels";
import { Arn, ArnText } from "@/components/ui/arn";

/** The Properties tab: where the incident came from, who it notifies, and its tags. */
export function PropertiesPanel({ incident, canWrite }: { incident: IncidentDetail; canWrite: boolean }) {
  const plan = incident.responsePlanName;
  return (
    <div className="space-y-5">
      <Container header="Properties">
        <KeyValuePairs
          items={[
            { label: "ARN", value: <Arn arn={incident.arn} label="Copy incident ARN" /> },
            {
              label: "Response plan",
              value: plan ? (
                <Link href={responsePlanPath(plan)} className="text-link hover:underline">
                  {plan}
                </Link>
              ) : null,
            },
            { label: "Source", value: incident.source },
            { label: "Trigger", value: incident.resourceArn ? <ArnText arn={incident.resourceArn} /> : null },
            { label: "Invoked by", value: incident.invokedBy ? <ArnText arn={incident.invokedBy} /> : null },
            { label: "Created by", value: principalName(incident.createdBy) },
            {
              label: "Notification targets",
              value: incident.notificationTargets.length ? (
                <ul>
                  {incident.notificationTargets.map((arn) => (
                    <li key={arn}>
                      <ArnText arn={arn} />
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="text-muted">None</span>
              ),
            },
            { label: "Chat channel", value: <ChatChannel topics={incident.chatChannelSns} /> },
            { label: "Dedupe string", value: incident.dedupeString || null },
            { label: "Last modified by", value: principalName(incident.lastModifiedBy) },
            { label: "Last modified", value: incident.lastModifiedTime ? <AbsoluteTime iso={incident.lastModifiedTime} /> : null },
          ]}
        />
      </Container>
      <IncidentTags arn={incident.arn} canWrite={canWrite} />
    </div>
  );
}

// A stored contact as the values of its edit form.
import type { ContactFormValues } from "@/lib/console/contacts/schemas";
import type { EscalationPlanFormValues } from "@/lib/console/escalation-plans/schemas";
import type { ContactDetail } from "@/lib/console/contacts/dto";

export function contactFormValues(c: ContactDetail): ContactFormValues {
  return {
    arn: c.arn,
    alias: c.alias,
    displayName: c.displayName ?? "",
    // An existing channel's key is its ARN: the plan's targets already name it.
    channels: c.channels.map((ch) => ({ key: ch.arn, arn: ch.arn, type: ch.type, name: ch.name, address: ch.address })),
    stages: c.stages.map((s) => ({
      duration: String(s.durationMinutes),
      targets: s.targets.flatMap((t) => (t.kind === "channel" ? [{ channelKey: t.channelArn, retry: t.retryMinutes === undefined ? "" : String(t.retryMinutes) }] : [])),
    })),
  };
}

export function escalationPlanFormValues(c: ContactDetail): EscalationPlanFormValues {
  return {
    arn: c.arn,
    alias: c.alias,
    displayName: c.displayName ?? "",
    stages: c.stages.map((s) => ({
      duration: String(s.durationMinutes),
      targets: s.targets.flatMap((t) => (t.kind === "contact" ? [{ contactArn: t.contactArn, essential: t.essential }] : [])),
    })),
  };
}

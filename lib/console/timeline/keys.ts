// react-query keys of an incident's timeline. Client-safe.
import { incidentKeys } from "@/lib/console/incidents/keys";

export const timelineKeys = {
  // Under incidentKeys.all: an edit of the incident invalidates its timeline (it writes an event).
  incident: (arn: string) => [...incidentKeys.all, "timeline", arn] as const,
};

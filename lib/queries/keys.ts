// react-query key factories: every key the console caches is built here.
import type { IncidentStatus } from "./dto";
import type { ContactListFilter } from "./contact-dto";

export const incidentKeys = {
  all: ["incidents"] as const,
  lists: () => [...incidentKeys.all, "list"] as const,
  list: (filter: { status: IncidentStatus; nextToken?: string }) => [...incidentKeys.lists(), filter] as const,
  // Under incidentKeys.all: an edit of the incident invalidates its timeline (it writes an event).
  timeline: (arn: string) => [...incidentKeys.all, "timeline", arn] as const,
  tags: (arn: string) => [...incidentKeys.all, "tags", arn] as const,
};

export const responsePlanKeys = {
  all: ["response-plans"] as const,
  options: () => [...responsePlanKeys.all, "options"] as const,
};

export const contactKeys = {
  all: ["contacts"] as const,
  lists: () => [...contactKeys.all, "list"] as const,
  list: (filter: ContactListFilter) => [...contactKeys.lists(), filter] as const,
  references: (arn: string) => [...contactKeys.all, "references", arn] as const,
  outbox: (channelArn: string) => [...contactKeys.all, "outbox", channelArn] as const,
};

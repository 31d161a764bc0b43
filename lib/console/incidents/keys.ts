// react-query key factories: every key the console caches is built here.
import type { ContactListFilter } from "../contacts/dto";
import type { EngagementListFilter } from "../engagements/filters";
import type { IncidentListFilter } from "./filters";

export const incidentKeys = {
  all: ["incidents"] as const,
  lists: () => [...incidentKeys.all, "list"] as const,
  list: (filter: IncidentListFilter, nextToken?: string) => [...incidentKeys.lists(), filter, nextToken ?? null] as const,
  // Under incidentKeys.all: an edit of the incident invalidates its timeline (it writes an event).
  timeline: (arn: string) => [...incidentKeys.all, "timeline", arn] as const,
  tags: (arn: string) => [...incidentKeys.all, "tags", arn] as const,
  detail: (arn: string) => [...incidentKeys.all, "detail", arn] as const,
  relatedItems: (arn: string) => [...incidentKeys.detail(arn), "related-items"] as const,
  engagements: (arn: string) => [...incidentKeys.detail(arn), "engagements"] as const,
  runbook: (arn: string) => [...incidentKeys.detail(arn), "runbook"] as const,
};

export const responsePlanKeys = {
  all: ["response-plans"] as const,
  options: () => [...responsePlanKeys.all, "options"] as const,
  list: () => [...responsePlanKeys.all, "list"] as const,
};

export const pageKeys = {
  all: ["pages"] as const,
  mine: () => [...pageKeys.all, "mine"] as const,
};

export const contactKeys = {
  all: ["contacts"] as const,
  lists: () => [...contactKeys.all, "list"] as const,
  list: (filter: ContactListFilter) => [...contactKeys.lists(), filter] as const,
  references: (arn: string) => [...contactKeys.all, "references", arn] as const,
  outbox: (channelArn: string) => [...contactKeys.all, "outbox", channelArn] as const,
  options: () => [...contactKeys.all, "options"] as const,
};

export const engagementKeys = {
  all: ["engagements"] as const,
  list: (filter: EngagementListFilter, nextToken?: string) => [...engagementKeys.all, "list", filter, nextToken ?? null] as const,
};

export const settingsKeys = {
  all: ["settings"] as const,
  replicationSet: () => [...settingsKeys.all, "replication-set"] as const,
  resourcePolicies: (arn: string) => [...settingsKeys.all, "resource-policies", arn] as const,
  tags: (arn: string) => [...settingsKeys.all, "tags", arn] as const,
};

// react-query keys of incident reads. Client-safe. What belongs to one incident hangs under
// incidentKeys.detail(arn), so invalidating the incident refetches its tabs too; the tabs' own
// domains (timeline, related items, engagements, findings) build their keys on these.
import type { IncidentListFilter } from "./filters";

export const incidentKeys = {
  all: ["incidents"] as const,
  lists: () => [...incidentKeys.all, "list"] as const,
  list: (filter: IncidentListFilter, nextToken?: string) => [...incidentKeys.lists(), filter, nextToken ?? null] as const,
  tags: (arn: string) => [...incidentKeys.all, "tags", arn] as const,
  detail: (arn: string) => [...incidentKeys.all, "detail", arn] as const,
  runbook: (arn: string) => [...incidentKeys.detail(arn), "runbook"] as const,
};

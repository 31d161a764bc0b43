// react-query keys of engagement reads. Client-safe.
import { incidentKeys } from "@/lib/console/incidents/keys";
import type { EngagementListFilter } from "./filters";

export const engagementKeys = {
  all: ["engagements"] as const,
  list: (filter: EngagementListFilter, nextToken?: string) => [...engagementKeys.all, "list", filter, nextToken ?? null] as const,
  /** An incident's engagements (its Engagements tab): under the incident, refetched with it. */
  incident: (incidentArn: string) => [...incidentKeys.detail(incidentArn), "engagements"] as const,
};

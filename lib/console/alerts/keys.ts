// react-query keys of alert reads. Client-safe. An incident's alert groups hang under the
// incident's key, so whatever refreshes the incident refreshes its Alerts tab.
import { incidentKeys } from "@/lib/console/incidents/keys";
import type { AlertFilter } from "./filters";

export const alertKeys = {
  all: ["alerts"] as const,
  lists: () => [...alertKeys.all, "list"] as const,
  list: (filter: AlertFilter, cursor?: string) => [...alertKeys.lists(), filter, cursor ?? null] as const,
  payload: (id: string) => [...alertKeys.all, "payload", id] as const,
  incidentGroups: (incidentArn: string) => [...incidentKeys.detail(incidentArn), "alert-groups"] as const,
};

// react-query key factories: every key the console caches is built here.
import type { IncidentStatus } from "./dto";

export const incidentKeys = {
  all: ["incidents"] as const,
  lists: () => [...incidentKeys.all, "list"] as const,
  list: (filter: { status: IncidentStatus; nextToken?: string }) => [...incidentKeys.lists(), filter] as const,
};

export const responsePlanKeys = {
  all: ["response-plans"] as const,
  options: () => [...responsePlanKeys.all, "options"] as const,
};

// react-query keys of an incident's related items. Client-safe.
import { incidentKeys } from "@/lib/console/incidents/keys";

export const relatedItemKeys = {
  incident: (arn: string) => [...incidentKeys.detail(arn), "related-items"] as const,
};

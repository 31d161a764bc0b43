// react-query keys of an incident's findings. Client-safe.
import { incidentKeys } from "@/lib/console/incidents/keys";

export const findingKeys = {
  incident: (arn: string) => [...incidentKeys.detail(arn), "findings"] as const,
};

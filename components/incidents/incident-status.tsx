import { StatusIndicator } from "@/components/ui/status-indicator";
import type { IncidentStatus as Status } from "@/lib/console/incidents/dto";

export function IncidentStatus({ status }: { status: Status }) {
  return status === "RESOLVED" ? <StatusIndicator type="success">Resolved</StatusIndicator> : <StatusIndicator type="error">Open</StatusIndicator>;
}

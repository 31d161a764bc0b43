// Incident reads for server components and GET route handlers, as the signed-in user.
import "server-only";
import { withServices } from "@/lib/actions/safe-action";
import { toIncidentDetail, toIncidentRow, type IncidentPage, type IncidentStatus } from "./dto";

export const INCIDENTS_PAGE_SIZE = 20;

export function parseIncidentStatus(value: unknown): IncidentStatus {
  return value === "RESOLVED" ? "RESOLVED" : "OPEN";
}

export function listIncidents(filter: { status: IncidentStatus; nextToken?: string }) {
  return withServices("listIncidents", "incidents.read", async ({ im }): Promise<IncidentPage> => {
    const out = await im.incidents.listIncidentRecords({
      filters: [{ key: "status", condition: { equals: { stringValues: [filter.status] } } }],
      maxResults: INCIDENTS_PAGE_SIZE,
      nextToken: filter.nextToken || undefined,
    });
    return { items: (out.incidentRecordSummaries ?? []).map(toIncidentRow), nextToken: out.nextToken };
  });
}

export function getIncident(arn: string) {
  return withServices("getIncident", "incidents.read", async ({ im }) => {
    const { incidentRecord } = await im.incidents.getIncidentRecord({ arn });
    return toIncidentDetail(incidentRecord!);
  });
}

// Alert integration reads for server components, as the signed-in user: a plan's integrations (the
// plan page's Integrations section) and every integration by name (the Alerts page's filter).
// Anyone who may read plans may read them; what they show carries no token, only its path.
import "server-only";
import { withServices } from "@/lib/console/core/safe-action";
import { db } from "@/lib/db/client";
import type { IntegrationOption, IntegrationRow } from "./dto";
import { integrationOptions, listIntegrations } from "./integration-store";
import { requireLocalMode } from "@/lib/console/alerts/mode";

export { alertIntakeAvailable } from "@/lib/console/alerts/mode";

export function listPlanIntegrations(responsePlanArn: string) {
  return withServices("listPlanIntegrations", "plans.read", async (): Promise<IntegrationRow[]> => {
    requireLocalMode();
    return listIntegrations(db(), responsePlanArn);
  });
}

export function listIntegrationOptions() {
  return withServices("listIntegrationOptions", "incidents.read", async (): Promise<IntegrationOption[]> => {
    requireLocalMode();
    return integrationOptions(db());
  });
}

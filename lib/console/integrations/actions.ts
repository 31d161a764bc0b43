"use server";
// Alert integrations of a response plan (issue 15): add one (its token shown once), rotate its
// token, revoke it, send it a test alert. Admins and responders manage them (plans.write: an
// integration is part of how a plan's incidents start); viewers see the list and are refused here,
// whatever the page showed them. Local mode only: an aws-mode console has no intake to send to.
import { z } from "zod";
import { safeAction } from "@/lib/console/core/safe-action";
import { responsePlanPath } from "@/lib/console/response-plans/paths";
import { db } from "@/lib/db/client";
import type { IntegrationRow, IntegrationWithToken, TestAlertSent } from "./dto";
import { createIntegration, revokeIntegration, rotateIntegrationToken, sendTestAlert } from "./integration-store";
import { requireLocalMode } from "@/lib/console/alerts/mode";
import { createIntegrationFormSchema, integrationIdSchema, toSeverityMap } from "./schemas";

/** The plan's page shows its integrations; its name is the ARN's last part. */
const planPage = (responsePlanArn: string) => [responsePlanPath(responsePlanArn.replace(/^.*:response-plan\//, ""))];
const byName = (path: string) => path;

export const createIntegrationAction = safeAction({
  name: "createIntegrationAction",
  input: createIntegrationFormSchema,
  permission: "plans.write",
  fieldFor: byName,
  run: async (input, { user, im }): Promise<IntegrationWithToken> => {
    requireLocalMode();
    // The plan must exist (ResourceNotFoundException otherwise): its StartIncident is what alerts call.
    const plan = await im.incidents.getResponsePlan({ arn: input.responsePlanArn });
    return createIntegration(db(), {
      responsePlanArn: plan.arn!,
      name: input.name,
      kind: input.kind,
      severityMap: toSeverityMap(input.severityRows),
      autoResolve: input.autoResolve,
      createdBy: user.email,
    });
  },
  revalidate: (input) => planPage(input.responsePlanArn),
});

export const rotateIntegrationTokenAction = safeAction({
  name: "rotateIntegrationTokenAction",
  input: z.object({ id: integrationIdSchema }),
  permission: "plans.write",
  run: async ({ id }): Promise<IntegrationWithToken> => {
    requireLocalMode();
    return rotateIntegrationToken(db(), id);
  },
  revalidate: (_, data) => planPage(data.integration.responsePlanArn),
});

export const revokeIntegrationAction = safeAction({
  name: "revokeIntegrationAction",
  input: z.object({ id: integrationIdSchema }),
  permission: "plans.write",
  run: async ({ id }): Promise<IntegrationRow> => {
    requireLocalMode();
    return revokeIntegration(db(), id);
  },
  revalidate: (_, data) => planPage(data.responsePlanArn),
});

export const sendTestAlertAction = safeAction({
  name: "sendTestAlertAction",
  input: z.object({ id: integrationIdSchema }),
  permission: "plans.write",
  run: async ({ id }): Promise<TestAlertSent> => {
    requireLocalMode();
    return sendTestAlert(db(), id);
  },
});

// The Runbook tab: the response plan's automation (its SSM Automation action) and what ran for
// this incident (the record's automationExecutions and its AUTOMATION related items).
import "server-only";
import { withServices } from "@/lib/console/core/safe-action";
import { isImError } from "@/lib/im/errors";
import type { RunbookView } from "./dto";
import { planArnFromIncidentArn, planNameFromIncidentArn } from "./paths";

export function getRunbook(incidentArn: string) {
  return withServices("getRunbook", "incidents.read", async ({ im }): Promise<RunbookView> => {
    const { incidentRecord } = await im.incidents.getIncidentRecord({ arn: incidentArn });
    const planArn = planArnFromIncidentArn(incidentArn);
    // The plan may have been deleted since the incident started: the executions still show.
    const plan = planArn
      ? await im.incidents.getResponsePlan({ arn: planArn }).catch((e: unknown) => {
          if (isImError(e) && e.code === "ResourceNotFoundException") return null;
          throw e;
        })
      : null;
    const items = [];
    let nextToken: string | undefined;
    do {
      const out = await im.incidents.listRelatedItems({ incidentRecordArn: incidentArn, maxResults: 100, nextToken });
      items.push(...(out.relatedItems ?? []).filter((i) => i.identifier?.type === "AUTOMATION"));
      nextToken = out.nextToken;
    } while (nextToken);
    return {
      planName: planNameFromIncidentArn(incidentArn),
      planFound: !!plan,
      actions: (plan?.actions ?? []).flatMap((a) =>
        a.ssmAutomation
          ? [
              {
                documentName: a.ssmAutomation.documentName ?? "",
                documentVersion: a.ssmAutomation.documentVersion,
                roleArn: a.ssmAutomation.roleArn ?? "",
                targetAccount: a.ssmAutomation.targetAccount,
                parameters: a.ssmAutomation.parameters ?? {},
                dynamicParameters: Object.fromEntries(Object.entries(a.ssmAutomation.dynamicParameters ?? {}).map(([k, v]) => [k, v.variable ?? ""])),
              },
            ]
          : [],
      ),
      executions: (incidentRecord?.automationExecutions ?? []).map((e) => e.ssmExecutionArn ?? "").filter(Boolean),
      automationItems: items.map((i) => ({ title: i.title, arn: i.identifier?.value?.arn, url: i.identifier?.value?.url })),
    };
  });
}

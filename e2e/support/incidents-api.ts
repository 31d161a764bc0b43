// Test data through the local model's AWS API (SigV4 with the run's bootstrap key): a response
// plan and an incident in one call, faster than the console's forms and the same for both
// projects (the aws-mode console reads this very model).
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { BASE_URL, BOOTSTRAP_KEY } from "./env";
import { uniqueName } from "./fixtures";

export const ACCOUNT = "000000000000";

export function incidentsApi(): SSMIncidents {
  return new SSMIncidents({ endpoint: `${BASE_URL}/api/aws/ssm-incidents`, region: "us-east-1", credentials: BOOTSTRAP_KEY });
}

export type ApiIncident = { arn: string; title: string; planName: string; chatTopic: string; notifyTopic: string };

/** A plan with a chat channel, a notification target and tags, and an incident started from it. */
export async function startIncidentViaApi(opts: { title: string; impact?: number; summary?: string; tags?: Record<string, string> }): Promise<ApiIncident> {
  const im = incidentsApi();
  const planName = uniqueName("page");
  const chatTopic = `arn:aws:sns:us-east-1:${ACCOUNT}:${planName}-chat`;
  const notifyTopic = `arn:aws:sns:us-east-1:${ACCOUNT}:${planName}-notify`;
  const { arn: planArn } = await im.createResponsePlan({
    name: planName,
    incidentTemplate: {
      title: opts.title,
      impact: opts.impact ?? 3,
      summary: opts.summary,
      notificationTargets: [{ snsTopicArn: notifyTopic }],
      incidentTags: opts.tags,
    },
    chatChannel: { chatbotSns: [chatTopic] },
  });
  const { incidentRecordArn } = await im.startIncident({ responsePlanArn: planArn! });
  return { arn: incidentRecordArn!, title: opts.title, planName, chatTopic, notifyTopic };
}

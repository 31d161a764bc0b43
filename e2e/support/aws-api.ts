// The first console's AWS-compatible endpoints, called with the official SDK and the bootstrap
// key: tests set up what the console has no screen for yet (contacts) or what would take a
// hundred clicks (many incidents). Both consoles (local and aws-mode) read this same model.
import { SSMContacts } from "@aws-sdk/client-ssm-contacts";
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import { BASE_URL, BOOTSTRAP_KEY } from "./env";
import { uniqueName } from "./fixtures";

const credentials = { accessKeyId: BOOTSTRAP_KEY.accessKeyId, secretAccessKey: BOOTSTRAP_KEY.secretAccessKey };

export const contactsApi = () => new SSMContacts({ endpoint: `${BASE_URL}/api/aws/ssm-contacts`, region: "us-east-1", credentials });
export const incidentsApi = () => new SSMIncidents({ endpoint: `${BASE_URL}/api/aws/ssm-incidents`, region: "us-east-1", credentials });

/**
 * A personal contact whose plan pages one EMAIL channel left unactivated: the engine answers each
 * delivery with an ERROR receipt, so a page shows receipts without a mail server.
 */
export async function createPersonalContact(tag: string): Promise<{ arn: string; alias: string }> {
  const api = contactsApi();
  const alias = uniqueName(tag).toLowerCase();
  const { ContactArn } = await api.createContact({ Alias: alias, DisplayName: `Contact ${alias}`, Type: "PERSONAL", Plan: { Stages: [] } });
  const { ContactChannelArn } = await api.createContactChannel({
    ContactId: ContactArn!,
    Name: "work email",
    Type: "EMAIL",
    DeliveryAddress: { SimpleAddress: `${alias}@example.com` },
    DeferActivation: true,
  });
  await api.updateContact({
    ContactId: ContactArn!,
    Plan: { Stages: [{ DurationInMinutes: 5, Targets: [{ ChannelTargetInfo: { ContactChannelId: ContactChannelArn!, RetryIntervalInMinutes: 0 } }] }] },
  });
  return { arn: ContactArn!, alias };
}

/** A response plan (through the API) and its ARN. */
export async function createPlanThroughApi(name: string, title: string, impact = 3, engagements: string[] = []): Promise<string> {
  const { arn } = await incidentsApi().createResponsePlan({ name, incidentTemplate: { title, impact }, engagements: engagements.length ? engagements : undefined });
  return arn!;
}

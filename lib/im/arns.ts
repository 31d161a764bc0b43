// ARNs of the local model (DESIGN.md, "Local model semantics").
import { randomBytes } from "node:crypto";
import { v7 as uuidv7 } from "uuid";

type Ids = { accountId: string; region: string };

export const incidentsArn = {
  replicationSet: (ids: Ids, id: string) => `arn:aws:ssm-incidents::${ids.accountId}:replication-set/${id}`,
  responsePlan: (ids: Ids, name: string) => `arn:aws:ssm-incidents::${ids.accountId}:response-plan/${name}`,
  incidentRecord: (ids: Ids, planName: string, id: string) =>
    `arn:aws:ssm-incidents::${ids.accountId}:incident-record/${planName}/${id}`,
};

export const contactsArn = {
  contact: (ids: Ids, alias: string) => `arn:aws:ssm-contacts:${ids.region}:${ids.accountId}:contact/${alias}`,
  channel: (ids: Ids, alias: string, id: string) =>
    `arn:aws:ssm-contacts:${ids.region}:${ids.accountId}:contact-channel/${alias}/${id}`,
  engagement: (ids: Ids, alias: string, id: string) =>
    `arn:aws:ssm-contacts:${ids.region}:${ids.accountId}:engagement/${alias}/${id}`,
  page: (ids: Ids, alias: string, id: string) => `arn:aws:ssm-contacts:${ids.region}:${ids.accountId}:page/${alias}/${id}`,
  rotation: (ids: Ids, name: string) => `arn:aws:ssm-contacts:${ids.region}:${ids.accountId}:rotation/${name}`,
};

/** The principal ARN of a console user or API key (what AWS reports as createdBy). */
export function principalArn(accountId: string, name: string): string {
  const safe = name.replace(/[^\w+=,.@-]/g, "-").slice(0, 64) || "unknown";
  return `arn:aws:iam::${accountId}:user/${safe}`;
}

/** A new resource id, in the UUID form AWS uses for incident records and events. */
/**
 * A new resource id: a UUID (version 7) whose leading bits are the time, increasing within the
 * process. Lists order rows by time and then id, and a fast writer makes several rows within one
 * millisecond: with time-ordered ids those still list in the order they were made (a random
 * UUID put them in any order), and on PostgreSQL new ids land at the right edge of the index.
 * The `uuid` package (v7 with its monotonic counter, RFC 9562 §6.2) rather than our own generator.
 */
export const newId = () => uuidv7();

/** A 32-hex-digit id, as AWS uses for related items' generatedId. */
export const newHexId = () => randomBytes(16).toString("hex").toUpperCase();

/** Parses an ssm-incidents ARN into its resource type and the path after it. */
export function parseIncidentsArn(arn: string): { accountId: string; resourceType: string; path: string[] } | null {
  const m = /^arn:aws(?:-cn|-us-gov)?:ssm-incidents:[a-z0-9-]*:([0-9]{12})?:([a-z-]+)\/(.+)$/.exec(arn);
  if (!m) return null;
  return { accountId: m[1] ?? "", resourceType: m[2], path: m[3].split("/") };
}

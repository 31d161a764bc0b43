// The short incident URL `/incidents/<plan>/<id>` (paths.ts) leaves out the partition and account
// of the ARN, which every incident of one console shares: `arn:<partition>:ssm-incidents::<account>:`.
// Local mode builds its ARNs from the configured account. In aws mode the account is AWS's: it is
// read from the ARN of a response plan (or, with none left, of an incident), once per process.
import "server-only";
import { config } from "@/lib/config";
import type { ServiceContext } from "@/lib/console/core/safe-action";
import { incidentsArn } from "@/lib/im/arns";

const PREFIX = /^(arn:[^:]+:ssm-incidents:[^:]*:[0-9]{12}:)/;

const globalForPrefix = globalThis as unknown as { imIncidentArnPrefix?: string };

async function arnPrefix({ im }: ServiceContext): Promise<string | undefined> {
  const c = config();
  if (c.backend === "local") return incidentsArn.responsePlan(c, "x").replace(/response-plan\/x$/, "");
  if (globalForPrefix.imIncidentArnPrefix) return globalForPrefix.imIncidentArnPrefix;
  const plans = await im.incidents.listResponsePlans({ maxResults: 1 });
  let arn = plans.responsePlanSummaries?.[0]?.arn;
  if (!arn) arn = (await im.incidents.listIncidentRecords({ maxResults: 1 })).incidentRecordSummaries?.[0]?.arn;
  const prefix = arn ? PREFIX.exec(arn)?.[1] : undefined;
  // Only a found account is kept: an account with nothing in it yet is asked again next time.
  if (prefix) globalForPrefix.imIncidentArnPrefix = prefix;
  return prefix;
}

/** `/incidents/<plan>/<id>` → the incident's ARN, or undefined when the account can't be known yet. */
export async function incidentArnFor(ctx: ServiceContext, plan: string, id: string): Promise<string | undefined> {
  const prefix = await arnPrefix(ctx);
  return prefix ? `${prefix}incident-record/${plan}/${id}` : undefined;
}

// BatchGetIncidentFindings, ListIncidentFindings. Findings come from AWS deployment sources
// (CodeDeploy, CloudFormation) that the local model does not have, so every incident has none:
// the answers are correct and empty, and unknown incidents are still ResourceNotFoundException.
import type * as I from "@aws-sdk/client-ssm-incidents";
import type { Out } from "../../contract";
import { notFound } from "../../errors";
import type { LocalContext } from "../context";

async function requireIncident(ctx: LocalContext, arn: string) {
  const found = await ctx.db.incidentRecord.findUnique({ where: { arn }, select: { id: true } });
  if (!found) throw notFound("INCIDENT_RECORD", arn, `Incident record ${arn} does not exist`);
}

export async function batchGetIncidentFindings(
  ctx: LocalContext,
  input: I.BatchGetIncidentFindingsCommandInput,
): Promise<Out<I.BatchGetIncidentFindingsCommandOutput>> {
  await requireIncident(ctx, input.incidentRecordArn!);
  return {
    findings: [],
    errors: (input.findingIds ?? []).map((findingId) => ({
      findingId,
      code: "ResourceNotFoundException",
      message: `Finding ${findingId} does not exist for this incident`,
    })),
  };
}

export async function listIncidentFindings(
  ctx: LocalContext,
  input: I.ListIncidentFindingsCommandInput,
): Promise<Out<I.ListIncidentFindingsCommandOutput>> {
  await requireIncident(ctx, input.incidentRecordArn!);
  return { findings: [] };
}

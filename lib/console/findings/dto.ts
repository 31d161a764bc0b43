// What the Findings tab shows: the deployments and stack updates Incident Manager found around an
// incident (ListIncidentFindings + BatchGetIncidentFindings), in words. Client-safe.
import type { Finding } from "@aws-sdk/client-ssm-incidents";
import { iso } from "@/lib/console/core/names";

/** One finding: the change it records, on what, and when. Times are ISO strings. */
export type FindingRow = {
  id: string;
  kind: "CodeDeploy deployment" | "CloudFormation stack update" | "Change";
  /** What changed, as people name it: the deployment group ("app / group") or the stack. */
  target?: string;
  /** The deployment group's or the stack's ARN. */
  targetArn?: string;
  /** CodeDeploy's deployment id (d-…). */
  deploymentId?: string;
  startTime?: string;
  endTime?: string;
  lastModifiedTime?: string;
};

export type IncidentFindings = {
  findings: FindingRow[];
  /** Finding ids the service listed but could not describe, with its reason. */
  unreadable: { findingId: string; message: string }[];
  /** More findings exist than the tab reads (see queries.ts). */
  truncated: boolean;
};

/** `arn:aws:codedeploy:…:deploymentgroup:app/group` → `app / group`. */
function deploymentGroupName(arn: string | undefined): string | undefined {
  const m = arn ? /:deploymentgroup:([^/]+)\/(.+)$/.exec(arn) : null;
  return m ? `${m[1]} / ${m[2]}` : arn;
}

/** `arn:aws:cloudformation:…:stack/name/id` → `name`. */
function stackName(arn: string | undefined): string | undefined {
  return (arn ? /:stack\/([^/]+)/.exec(arn)?.[1] : undefined) ?? arn;
}

export function toFindingRow(f: Finding): FindingRow {
  const deploy = f.details?.codeDeployDeployment;
  const stack = f.details?.cloudFormationStackUpdate;
  const base = { id: f.id ?? "", lastModifiedTime: iso(f.lastModifiedTime) };
  if (deploy) {
    return {
      ...base,
      kind: "CodeDeploy deployment",
      target: deploymentGroupName(deploy.deploymentGroupArn),
      targetArn: deploy.deploymentGroupArn,
      deploymentId: deploy.deploymentId,
      startTime: iso(deploy.startTime),
      endTime: iso(deploy.endTime),
    };
  }
  if (stack) {
    return { ...base, kind: "CloudFormation stack update", target: stackName(stack.stackArn), targetArn: stack.stackArn, startTime: iso(stack.startTime), endTime: iso(stack.endTime) };
  }
  // A kind of finding newer than this console: shown with what every finding has.
  return { ...base, kind: "Change", startTime: iso(f.creationTime) };
}

/** Most recent change first; undated ones last, by id, so the order is stable. */
export function byStartTimeDesc(a: FindingRow, b: FindingRow): number {
  return (b.startTime ?? "").localeCompare(a.startTime ?? "") || a.id.localeCompare(b.id);
}

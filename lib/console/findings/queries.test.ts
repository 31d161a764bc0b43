// The Findings tab's read: every finding the service lists is described (in as many
// BatchGetIncidentFindings calls as the model's limit needs), in words, most recent change first.
import type { Finding } from "@aws-sdk/client-ssm-incidents";
import { describe, expect, it } from "vitest";
import type { IncidentsService } from "@/lib/im";
import { toFindingRow } from "./dto";
import { MAX_FINDINGS, readFindings } from "./queries";

const ARN = "arn:aws:ssm-incidents::000000000000:incident-record/plan/1";
const at = (minute: number) => new Date(Date.UTC(2026, 11, 6, 9, minute));

function deployment(i: number): Finding {
  return {
    id: `f-${i}`,
    creationTime: at(i),
    lastModifiedTime: at(i),
    details: {
      codeDeployDeployment: {
        deploymentGroupArn: "arn:aws:codedeploy:us-east-1:000000000000:deploymentgroup:checkout/blue",
        deploymentId: `d-${i}`,
        startTime: at(i),
        endTime: i % 2 ? at(i + 1) : undefined,
      },
    },
  };
}

/** An ssm-incidents service that knows `findings` for ARN, paging and batching as the model says. */
function serviceWith(findings: Finding[], { gone = [] as Finding[] } = {}) {
  const byId = new Map(findings.map((f) => [f.id!, f]));
  // Listed, but no longer there when described (BatchGetIncidentFindings answers an error entry).
  const listed = [...findings, ...gone];
  const service = {
    async listIncidentFindings({ maxResults = 20, nextToken }: { maxResults?: number; nextToken?: string }) {
      const start = Number(nextToken ?? 0);
      const page = listed.slice(start, start + maxResults).map((f) => ({ id: f.id, lastModifiedTime: f.lastModifiedTime }));
      return { findings: page, nextToken: start + maxResults < listed.length ? String(start + maxResults) : undefined };
    },
    async batchGetIncidentFindings({ findingIds }: { findingIds: string[] }) {
      if (findingIds.length > 20) throw new Error("findingIds: at most 20");
      return {
        findings: findingIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
        errors: findingIds.filter((id) => !byId.has(id)).map((findingId) => ({ findingId, code: "ResourceNotFoundException", message: "gone" })),
      };
    },
  };
  return service as unknown as IncidentsService;
}

describe("the Findings tab's read", () => {
  it("describes every listed finding, most recent change first", async () => {
    const out = await readFindings(serviceWith(Array.from({ length: 45 }, (_, i) => deployment(i))), ARN);
    expect(out.findings).toHaveLength(45);
    expect(out.findings[0]).toMatchObject({ id: "f-44", kind: "CodeDeploy deployment", target: "checkout / blue", deploymentId: "d-44" });
    expect(out.findings.at(-1)?.id).toBe("f-0");
    expect(out.truncated).toBe(false);
    expect(out.unreadable).toEqual([]);
  });

  it("describes at most MAX_FINDINGS, the most recently updated, and says there are more", async () => {
    const out = await readFindings(serviceWith(Array.from({ length: MAX_FINDINGS + 5 }, (_, i) => deployment(i))), ARN);
    expect(out.findings).toHaveLength(MAX_FINDINGS);
    expect(out.truncated).toBe(true);
    // f-0 … f-4 were updated first: they are the ones left out.
    expect(out.findings.map((f) => f.id)).toEqual(Array.from({ length: MAX_FINDINGS }, (_, i) => `f-${MAX_FINDINGS + 4 - i}`));
  });

  it("lists a finding it could not describe, with the service's reason", async () => {
    const out = await readFindings(serviceWith([deployment(1)], { gone: [deployment(2)] }), ARN);
    expect(out.findings.map((f) => f.id)).toEqual(["f-1"]);
    expect(out.unreadable).toEqual([{ findingId: "f-2", message: "gone" }]);
  });

  it("answers an incident without findings with an empty list", async () => {
    expect(await readFindings(serviceWith([]), ARN)).toEqual({ findings: [], unreadable: [], truncated: false });
  });
});

describe("a finding in words", () => {
  it("names a stack update by its stack", () => {
    const row = toFindingRow({
      id: "f-s",
      creationTime: at(0),
      lastModifiedTime: at(5),
      details: { cloudFormationStackUpdate: { stackArn: "arn:aws:cloudformation:us-east-1:000000000000:stack/payments-api/1a2b", startTime: at(1), endTime: at(4) } },
    });
    expect(row).toEqual({
      id: "f-s",
      kind: "CloudFormation stack update",
      target: "payments-api",
      targetArn: "arn:aws:cloudformation:us-east-1:000000000000:stack/payments-api/1a2b",
      startTime: at(1).toISOString(),
      endTime: at(4).toISOString(),
      lastModifiedTime: at(5).toISOString(),
    });
  });

  it("keeps a finding of a kind it does not know, with its times", () => {
    expect(toFindingRow({ id: "f-x", creationTime: at(2), lastModifiedTime: at(3) })).toMatchObject({ kind: "Change", startTime: at(2).toISOString() });
  });
});

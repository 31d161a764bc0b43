// GetIncidentRecord through its one-statement read (lib/im/local/incidents/hot-reads.ts) on each
// database: the record as StartIncident wrote it, with its automation executions oldest first —
// none, the one the plan's runbook started, or several — and ResourceNotFoundException for an
// ARN that names no incident.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localServices } from "@/lib/im/local";
import type { IncidentsService } from "@/lib/im/contract";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

const ACCOUNT = "000000000000";

describe.each(PROVIDERS)("GetIncidentRecord on %s", (provider) => {
  let t: TestDatabase;
  let incidents: IncidentsService;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    ({ incidents } = localServices({ principalArn: `arn:aws:iam::${ACCOUNT}:user/reader` }, { db: t.db, accountId: ACCOUNT, region: "us-east-1" }));
    await incidents.createReplicationSet({ regions: { "us-east-1": {} } });
  });
  afterAll(async () => t.cleanup());

  it("answers the record with its automation executions, oldest first", async () => {
    const { arn: planArn } = await incidents.createResponsePlan({
      name: "runbook",
      incidentTemplate: { title: "Disk full", impact: 2, summary: "Free space", notificationTargets: [{ snsTopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:pager` }] },
      actions: [{ ssmAutomation: { documentName: "Cleanup", roleArn: `arn:aws:iam::${ACCOUNT}:role/cleanup` } }],
    });
    const { incidentRecordArn: arn } = await incidents.startIncident({ responsePlanArn: planArn!, clientToken: randomUUID(), impact: 1 });
    const { incidentRecord } = await incidents.getIncidentRecord({ arn });
    expect(incidentRecord).toMatchObject({
      arn,
      title: "Disk full",
      summary: "Free space",
      impact: 1,
      status: "OPEN",
      notificationTargets: [{ snsTopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:pager` }],
      incidentRecordSource: { createdBy: `arn:aws:iam::${ACCOUNT}:user/reader`, source: "aws.ssm-incidents.custom" },
      lastModifiedBy: `arn:aws:iam::${ACCOUNT}:user/reader`,
    });
    expect(incidentRecord!.creationTime).toBeInstanceOf(Date);
    expect(incidentRecord!.resolvedTime).toBeUndefined();
    const [started] = incidentRecord!.automationExecutions!;
    expect(incidentRecord!.automationExecutions).toHaveLength(1);
    expect(started.ssmExecutionArn).toMatch(/^arn:aws:ssm:us-east-1:000000000000:automation-execution\//);

    // Two more, recorded before and after it: the answer keeps them in time order.
    const { id } = (await t.db.incidentRecord.findUnique({ where: { arn }, select: { id: true } }))!;
    const at = (await t.db.automationExecution.findFirst({ where: { incidentId: id } }))!.createdAt.getTime();
    await t.db.automationExecution.createMany({
      data: [
        { id: randomUUID(), incidentId: id, ssmExecutionArn: "arn:later", createdAt: new Date(at + 1_000) },
        { id: randomUUID(), incidentId: id, ssmExecutionArn: "arn:earlier", createdAt: new Date(at - 1_000) },
      ],
    });
    const again = (await incidents.getIncidentRecord({ arn })).incidentRecord!;
    expect(again.automationExecutions!.map((e) => e.ssmExecutionArn)).toEqual(["arn:earlier", started.ssmExecutionArn, "arn:later"]);
    expect({ ...again, automationExecutions: undefined }).toEqual({ ...incidentRecord, automationExecutions: undefined });
  });

  it("answers no automation executions for a plan without a runbook, and ResourceNotFoundException for no incident", async () => {
    const { arn: planArn } = await incidents.createResponsePlan({ name: "plain", incidentTemplate: { title: "Plain", impact: 3 } });
    const { incidentRecordArn: arn } = await incidents.startIncident({ responsePlanArn: planArn!, clientToken: randomUUID() });
    expect((await incidents.getIncidentRecord({ arn })).incidentRecord!.automationExecutions).toEqual([]);
    await expect(incidents.getIncidentRecord({ arn: `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/plain/${randomUUID()}` })).rejects.toMatchObject({
      code: "ResourceNotFoundException",
    });
  });
});

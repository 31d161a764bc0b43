// The contract suite for ssm-incidents, written once against IncidentsService and run three ways
// (DESIGN.md): in-process on the local backend, through the official SDK against the console's
// endpoint, and through the AWS backend pointed at that endpoint. It asserts behaviour a caller
// can see; every way must agree.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { IncidentsService } from "@/lib/im/contract";
import { INCIDENT_SUITES } from "./suites";

export type IncidentsTarget = {
  incidents: IncidentsService;
  /** The ARN the service records as createdBy for this caller. */
  principalArn: string;
};

/** Asserts a promise fails with the named AWS exception (SDK errors and ImError both carry `name`). */
export async function expectError(promise: Promise<unknown>, name: string, messagePart?: string | RegExp) {
  let caught: unknown;
  try {
    await promise;
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected ${name}`).toBeInstanceOf(Error);
  const err = caught as Error;
  expect(err.name).toBe(name);
  if (messagePart) expect(err.message).toMatch(messagePart);
  return err;
}

const unique = () => randomUUID().slice(0, 8);

export function incidentsContract(label: string, setup: () => Promise<IncidentsTarget>) {
  describe(`ssm-incidents contract: ${label}`, () => {
    let t: IncidentsTarget;
    let planArn: string;
    let planName: string;

    beforeAll(async () => {
      t = await setup();
      const { replicationSetArns } = await t.incidents.listReplicationSets({});
      if (!replicationSetArns?.length) {
        const { arn } = await t.incidents.createReplicationSet({ regions: { "us-east-1": {} } });
        expect(arn).toMatch(/^arn:aws:ssm-incidents::[0-9]{12}:replication-set\/.+/);
      }
      planName = `contract-${unique()}`;
      ({ arn: planArn } = (await t.incidents.createResponsePlan({
        name: planName,
        displayName: "Contract plan",
        incidentTemplate: { title: "Template title", impact: 3, summary: "Template summary" },
        tags: { team: "sre" },
      })) as { arn: string });
    });

    const mine = () => ({ key: "createdBy", condition: { equals: { stringValues: [t.principalArn] } } });
    const since = (d: Date) => ({ key: "creationTime", condition: { after: d } });

    describe("replication set", () => {
      it("exists once, is ACTIVE, and a second one conflicts", async () => {
        const { replicationSetArns } = await t.incidents.listReplicationSets({});
        expect(replicationSetArns).toHaveLength(1);
        const { replicationSet } = await t.incidents.getReplicationSet({ arn: replicationSetArns![0] });
        expect(replicationSet?.arn).toBe(replicationSetArns![0]);
        expect(replicationSet?.status).toBe("ACTIVE");
        expect(replicationSet?.deletionProtected).toBe(false);
        expect(replicationSet?.createdTime).toBeInstanceOf(Date);
        const regions = Object.values(replicationSet?.regionMap ?? {});
        expect(regions.length).toBeGreaterThanOrEqual(1);
        expect(regions[0].status).toBe("ACTIVE");
        await expectError(t.incidents.createReplicationSet({ regions: { "us-west-2": {} } }), "ConflictException");
      });

      it("rejects an unknown ARN and more than three regions", async () => {
        await expectError(
          t.incidents.getReplicationSet({ arn: "arn:aws:ssm-incidents::000000000000:replication-set/nope" }),
          "ResourceNotFoundException",
        );
        await expectError(
          t.incidents.createReplicationSet({ regions: { "us-east-1": {}, "us-east-2": {}, "us-west-1": {}, "us-west-2": {} } }),
          "ValidationException",
          /regions/,
        );
      });
    });

    describe("response plans", () => {
      it("creates, reads back and lists a plan", async () => {
        expect(planArn).toMatch(new RegExp(`^arn:aws:ssm-incidents::[0-9]{12}:response-plan/${planName}$`));
        const plan = await t.incidents.getResponsePlan({ arn: planArn });
        expect(plan.name).toBe(planName);
        expect(plan.displayName).toBe("Contract plan");
        expect(plan.incidentTemplate).toMatchObject({ title: "Template title", impact: 3, summary: "Template summary" });
        const names: string[] = [];
        let nextToken: string | undefined;
        do {
          const pageOut = await t.incidents.listResponsePlans({ maxResults: 2, nextToken });
          expect(pageOut.responsePlanSummaries!.length).toBeLessThanOrEqual(2);
          names.push(...pageOut.responsePlanSummaries!.map((s) => s.name!));
          nextToken = pageOut.nextToken;
        } while (nextToken);
        expect(names).toContain(planName);
        expect(new Set(names).size).toBe(names.length);
      });

      it("refuses a duplicate name with ConflictException", async () => {
        await expectError(
          t.incidents.createResponsePlan({ name: planName, incidentTemplate: { title: "x", impact: 1 } }),
          "ConflictException",
        );
      });

      it("names the invalid member in ValidationException", async () => {
        await expectError(
          t.incidents.createResponsePlan({ name: "has spaces", incidentTemplate: { title: "x", impact: 1 } }),
          "ValidationException",
          /'name'/,
        );
        await expectError(
          t.incidents.createResponsePlan({ name: `p-${unique()}`, incidentTemplate: { title: "x", impact: 6 } }),
          "ValidationException",
          /incidentTemplate\.impact/,
        );
        await expectError(
          t.incidents.createResponsePlan({ name: `p-${unique()}`, incidentTemplate: { title: "x".repeat(201), impact: 2 } }),
          "ValidationException",
          /incidentTemplate\.title/,
        );
      });

      it("answers ResourceNotFoundException for an unknown plan", async () => {
        await expectError(
          t.incidents.getResponsePlan({ arn: "arn:aws:ssm-incidents::000000000000:response-plan/does-not-exist" }),
          "ResourceNotFoundException",
        );
      });
    });

    describe("incidents", () => {
      it("starts an incident from the plan's template and reads it back", async () => {
        const { incidentRecordArn } = await t.incidents.startIncident({ responsePlanArn: planArn });
        expect(incidentRecordArn).toMatch(new RegExp(`^arn:aws:ssm-incidents::[0-9]{12}:incident-record/${planName}/.+`));
        const { incidentRecord: r } = await t.incidents.getIncidentRecord({ arn: incidentRecordArn });
        expect(r).toMatchObject({
          arn: incidentRecordArn,
          title: "Template title",
          impact: 3,
          summary: "Template summary",
          status: "OPEN",
          lastModifiedBy: t.principalArn,
        });
        expect(r?.incidentRecordSource).toMatchObject({ createdBy: t.principalArn, source: "aws.ssm-incidents.custom" });
        expect(r?.creationTime).toBeInstanceOf(Date);
        expect(Math.abs(r!.creationTime!.getTime() - Date.now())).toBeLessThan(60_000);
        expect(r?.resolvedTime).toBeUndefined();
      });

      it("applies title and impact overrides and records the trigger", async () => {
        const when = new Date(Math.floor(Date.now() / 1000) * 1000);
        const { incidentRecordArn } = await t.incidents.startIncident({
          responsePlanArn: planArn,
          title: "Database is on fire",
          impact: 1,
          triggerDetails: { source: "com.example.monitor", timestamp: when, triggerArn: "arn:aws:cloudwatch:us-east-1:000000000000:alarm:db" },
        });
        const { incidentRecord: r } = await t.incidents.getIncidentRecord({ arn: incidentRecordArn });
        expect(r?.title).toBe("Database is on fire");
        expect(r?.impact).toBe(1);
        expect(r?.incidentRecordSource?.source).toBe("com.example.monitor");
      });

      it("is idempotent on clientToken", async () => {
        const clientToken = randomUUID();
        const a = await t.incidents.startIncident({ responsePlanArn: planArn, title: "once", clientToken });
        const b = await t.incidents.startIncident({ responsePlanArn: planArn, title: "once", clientToken });
        expect(b.incidentRecordArn).toBe(a.incidentRecordArn);
      });

      it("returns the open incident with the same dedupe string", async () => {
        const { arn } = (await t.incidents.createResponsePlan({
          name: `dedupe-${unique()}`,
          incidentTemplate: { title: "dup", impact: 4, dedupeString: `dedupe-${unique()}` },
        })) as { arn: string };
        const first = await t.incidents.startIncident({ responsePlanArn: arn });
        const second = await t.incidents.startIncident({ responsePlanArn: arn });
        expect(second.incidentRecordArn).toBe(first.incidentRecordArn);
        await t.incidents.updateIncidentRecord({ arn: first.incidentRecordArn, status: "RESOLVED" });
        const third = await t.incidents.startIncident({ responsePlanArn: arn });
        expect(third.incidentRecordArn).not.toBe(first.incidentRecordArn);
      });

      it("rejects unknown plans and malformed input", async () => {
        await expectError(
          t.incidents.startIncident({ responsePlanArn: "arn:aws:ssm-incidents::000000000000:response-plan/no-such-plan" }),
          "ResourceNotFoundException",
        );
        await expectError(t.incidents.startIncident({ responsePlanArn: "not-an-arn" }), "ValidationException", /responsePlanArn/);
        await expectError(t.incidents.startIncident({ responsePlanArn: planArn, impact: 0 }), "ValidationException", /impact/);
        await expectError(
          t.incidents.getIncidentRecord({ arn: "arn:aws:ssm-incidents::000000000000:incident-record/x/none" }),
          "ResourceNotFoundException",
        );
      });

      it("updates title, impact and summary, resolves and reopens", async () => {
        const { incidentRecordArn: arn } = await t.incidents.startIncident({ responsePlanArn: planArn, title: "to update" });
        await t.incidents.updateIncidentRecord({ arn, title: "updated", impact: 2, summary: "what happened" });
        let { incidentRecord: r } = await t.incidents.getIncidentRecord({ arn });
        expect(r).toMatchObject({ title: "updated", impact: 2, summary: "what happened", status: "OPEN" });
        await t.incidents.updateIncidentRecord({ arn, status: "RESOLVED" });
        ({ incidentRecord: r } = await t.incidents.getIncidentRecord({ arn }));
        expect(r?.status).toBe("RESOLVED");
        expect(r?.resolvedTime).toBeInstanceOf(Date);
        await t.incidents.updateIncidentRecord({ arn, status: "OPEN" });
        ({ incidentRecord: r } = await t.incidents.getIncidentRecord({ arn }));
        expect(r?.status).toBe("OPEN");
        expect(r?.resolvedTime).toBeUndefined();
        await expectError(t.incidents.updateIncidentRecord({ arn, impact: 9 }), "ValidationException", /impact/);
        await expectError(t.incidents.updateIncidentRecord({ arn, status: "CLOSED" as "OPEN" }), "ValidationException", /status/);
        await expectError(
          t.incidents.updateIncidentRecord({ arn: "arn:aws:ssm-incidents::000000000000:incident-record/x/none", title: "x" }),
          "ResourceNotFoundException",
        );
        // Nothing invalid was written.
        ({ incidentRecord: r } = await t.incidents.getIncidentRecord({ arn }));
        expect(r?.impact).toBe(2);
      });
    });

    describe("listing incidents", () => {
      let arns: string[];
      let from: Date;

      beforeAll(async () => {
        from = new Date(Date.now() - 1);
        arns = [];
        for (const impact of [1, 2, 3, 4, 5]) {
          const { incidentRecordArn } = await t.incidents.startIncident({ responsePlanArn: planArn, title: `list ${impact}`, impact });
          arns.push(incidentRecordArn!);
        }
        await t.incidents.updateIncidentRecord({ arn: arns[4], status: "RESOLVED" });
      });

      const list = async (filters: object[], maxResults?: number, nextToken?: string) =>
        t.incidents.listIncidentRecords({ filters: filters as never, maxResults, nextToken });

      it("lists newest first, filtered by createdBy and creationTime", async () => {
        const out = await list([mine(), since(from)]);
        expect(out.incidentRecordSummaries!.map((s) => s.arn)).toEqual([...arns].reverse());
        const s = out.incidentRecordSummaries![0];
        expect(s).toMatchObject({ title: "list 5", impact: 5, status: "RESOLVED" });
        expect(s.creationTime).toBeInstanceOf(Date);
        expect(s.resolvedTime).toBeInstanceOf(Date);
        expect(s.incidentRecordSource?.createdBy).toBe(t.principalArn);
      });

      it("filters by status, and by impact (OR within values, AND across keys)", async () => {
        const open = await list([mine(), since(from), { key: "status", condition: { equals: { stringValues: ["OPEN"] } } }]);
        expect(open.incidentRecordSummaries!.map((s) => s.arn)).toEqual(arns.slice(0, 4).reverse());
        const resolved = await list([mine(), since(from), { key: "status", condition: { equals: { stringValues: ["RESOLVED"] } } }]);
        expect(resolved.incidentRecordSummaries!.map((s) => s.arn)).toEqual([arns[4]]);
        const highs = await list([mine(), since(from), { key: "impact", condition: { equals: { integerValues: [1, 2] } } }]);
        expect(highs.incidentRecordSummaries!.map((s) => s.impact)).toEqual([2, 1]);
        const none = await list([
          mine(),
          since(from),
          { key: "impact", condition: { equals: { integerValues: [5] } } },
          { key: "status", condition: { equals: { stringValues: ["OPEN"] } } },
        ]);
        expect(none.incidentRecordSummaries).toEqual([]);
      });

      it("filters by creationTime before", async () => {
        const before = await list([mine(), { key: "creationTime", condition: { before: from } }]);
        for (const s of before.incidentRecordSummaries!) expect(s.creationTime!.getTime()).toBeLessThan(from.getTime());
        expect(before.incidentRecordSummaries!.map((s) => s.arn)).not.toContain(arns[0]);
        const otherCreator = await list([
          { key: "createdBy", condition: { equals: { stringValues: ["arn:aws:iam::000000000000:user/nobody-" + unique()] } } },
        ]);
        expect(otherCreator.incidentRecordSummaries).toEqual([]);
      });

      it("paginates with an opaque cursor that inserts do not disturb", async () => {
        const first = await list([mine(), since(from)], 2);
        expect(first.incidentRecordSummaries!.map((s) => s.arn)).toEqual([arns[4], arns[3]]);
        expect(first.nextToken).toBeTruthy();
        // A new incident arrives while the caller pages: it is newer, so later pages don't shift.
        const { incidentRecordArn: late } = await t.incidents.startIncident({ responsePlanArn: planArn, title: "late" });
        const second = await list([mine(), since(from)], 2, first.nextToken);
        expect(second.incidentRecordSummaries!.map((s) => s.arn)).toEqual([arns[2], arns[1]]);
        const third = await list([mine(), since(from)], 2, second.nextToken);
        expect(third.incidentRecordSummaries!.map((s) => s.arn)).toEqual([arns[0]]);
        expect(third.nextToken).toBeUndefined();
        const fresh = await list([mine(), since(from)], 1);
        expect(fresh.incidentRecordSummaries![0].arn).toBe(late);
      });

      it("rejects bad filters, bounds and tokens", async () => {
        await expectError(list([{ key: "color", condition: { equals: { stringValues: ["red"] } } }]), "ValidationException");
        await expectError(list([mine()], 0), "ValidationException", /maxResults/);
        await expectError(list([mine()], 101), "ValidationException", /maxResults/);
        await expectError(list([mine()], 2, "not-a-token"), "ValidationException");
      });
    });

    // The rest of the service, one file per area (test/contract/suites).
    for (const suite of INCIDENT_SUITES) suite({ target: () => t, planArn: () => planArn });
  });
}

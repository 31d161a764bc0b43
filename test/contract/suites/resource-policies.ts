// PutResourcePolicy, GetResourcePolicies, DeleteResourcePolicy: policies that share a response plan
// through AWS RAM, attached to response plans only.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../incidents.contract";
import type { IncidentSuite } from "./types";

const unique = () => randomUUID().slice(0, 8);
const ACCOUNT = "000000000000";

const policyFor = (planArn: string, sid: string) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [
      {
        Sid: sid,
        Effect: "Allow",
        Principal: { AWS: "arn:aws:iam::444455556666:root" },
        Action: ["ssm-incidents:GetResponsePlan", "ssm-incidents:StartIncident"],
        Resource: [planArn],
      },
    ],
  });

export const resourcePoliciesSuite: IncidentSuite = ({ target }) => {
  describe("resource-policies", () => {
    const incidents = () => target().incidents;
    let planArn: string;

    beforeAll(async () => {
      ({ arn: planArn } = (await incidents().createResponsePlan({ name: `policy-${unique()}`, incidentTemplate: { title: "Shared", impact: 3 } })) as {
        arn: string;
      });
    });

    it("puts policies, lists them page by page and deletes one", async () => {
      const first = policyFor(planArn, "First");
      const second = policyFor(planArn, "Second");
      const { policyId: a } = await incidents().putResourcePolicy({ resourceArn: planArn, policy: first });
      const { policyId: b } = await incidents().putResourcePolicy({ resourceArn: planArn, policy: second });
      expect(a).toMatch(/^[0-9a-f]{32}$/);
      expect(b).toMatch(/^[0-9a-f]{32}$/);
      expect(b).not.toBe(a);

      const all = await incidents().getResourcePolicies({ resourceArn: planArn });
      expect(all.nextToken).toBeUndefined();
      expect(all.resourcePolicies).toHaveLength(2);
      const byId = Object.fromEntries(all.resourcePolicies!.map((p) => [p.policyId, p]));
      expect(byId[a!]).toEqual({ policyId: a, policyDocument: first, ramResourceShareRegion: "us-east-1" });
      expect(byId[b!]).toEqual({ policyId: b, policyDocument: second, ramResourceShareRegion: "us-east-1" });

      const page1 = await incidents().getResourcePolicies({ resourceArn: planArn, maxResults: 1 });
      expect(page1.resourcePolicies).toHaveLength(1);
      expect(page1.nextToken).toBeTruthy();
      const page2 = await incidents().getResourcePolicies({ resourceArn: planArn, maxResults: 1, nextToken: page1.nextToken });
      expect(page2.resourcePolicies).toHaveLength(1);
      expect(page2.nextToken).toBeUndefined();
      expect([page1.resourcePolicies![0].policyId, page2.resourcePolicies![0].policyId].sort()).toEqual([a, b].sort());

      await incidents().deleteResourcePolicy({ resourceArn: planArn, policyId: a });
      const left = await incidents().getResourcePolicies({ resourceArn: planArn });
      expect(left.resourcePolicies!.map((p) => p.policyId)).toEqual([b]);
      // Already deleted: the policy is not there to delete.
      await expectError(incidents().deleteResourcePolicy({ resourceArn: planArn, policyId: a }), "ResourceNotFoundException");
    });

    it("refuses a policy that isn't a JSON policy document", async () => {
      await expectError(incidents().putResourcePolicy({ resourceArn: planArn, policy: "{not json" }), "ValidationException", /JSON/);
      await expectError(incidents().putResourcePolicy({ resourceArn: planArn, policy: "[1, 2]" }), "ValidationException", /Statement/);
      await expectError(incidents().putResourcePolicy({ resourceArn: planArn, policy: "x".repeat(4001) }), "ValidationException", /policy/);
    });

    it("attaches to existing response plans only", async () => {
      const missingPlan = `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/none-${unique()}`;
      const policy = policyFor(missingPlan, "Missing");
      await expectError(incidents().putResourcePolicy({ resourceArn: missingPlan, policy }), "ResourceNotFoundException");
      await expectError(incidents().getResourcePolicies({ resourceArn: missingPlan }), "ResourceNotFoundException");
      await expectError(incidents().deleteResourcePolicy({ resourceArn: missingPlan, policyId: "0".repeat(32) }), "ResourceNotFoundException");
      const incidentArn = `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/x/${randomUUID()}`;
      await expectError(incidents().putResourcePolicy({ resourceArn: incidentArn, policy }), "ValidationException", /response plan/);
      await expectError(incidents().putResourcePolicy({ resourceArn: "not-an-arn", policy }), "ValidationException", /resourceArn/);
    });

    it("deletes a policy only through the plan it is attached to", async () => {
      const { arn: other } = (await incidents().createResponsePlan({ name: `policy-other-${unique()}`, incidentTemplate: { title: "O", impact: 3 } })) as {
        arn: string;
      };
      const { policyId } = await incidents().putResourcePolicy({ resourceArn: planArn, policy: policyFor(planArn, "Mine") });
      await expectError(incidents().deleteResourcePolicy({ resourceArn: other, policyId }), "ResourceNotFoundException");
      expect((await incidents().getResourcePolicies({ resourceArn: planArn })).resourcePolicies!.map((p) => p.policyId)).toContain(policyId);
      await expectError(incidents().deleteResourcePolicy({ resourceArn: planArn, policyId: `unknown-${unique()}` }), "ResourceNotFoundException");
    });
  });
};

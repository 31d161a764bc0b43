// DeleteIncidentRecord: the record goes with everything that belongs to it; deleting is idempotent.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { expectError } from "../incidents.contract";
import type { IncidentSuite } from "./types";

const unique = () => randomUUID().slice(0, 8);

export const incidentDeletionSuite: IncidentSuite = ({ target, planArn }) => {
  describe("incident-deletion", () => {
    const incidents = () => target().incidents;

    it("deletes an incident record and its tags", async () => {
      const { arn: plan } = (await incidents().createResponsePlan({
        name: `delinc-${unique()}`,
        incidentTemplate: { title: "To delete", impact: 3, incidentTags: { service: "db" } },
        actions: [{ ssmAutomation: { documentName: "Runbook", roleArn: "arn:aws:iam::000000000000:role/runbook" } }],
      })) as { arn: string };
      const since = new Date(Date.now() - 1);
      const { incidentRecordArn: arn } = (await incidents().startIncident({
        responsePlanArn: plan,
        relatedItems: [{ identifier: { type: "OTHER", value: { url: "https://example.com/dashboard" } }, title: "Dashboard" }],
      })) as { incidentRecordArn: string };
      const { incidentRecordArn: kept } = (await incidents().startIncident({ responsePlanArn: plan, title: "Kept" })) as { incidentRecordArn: string };
      await incidents().tagResource({ resourceArn: arn, tags: { extra: "1" } });

      await incidents().deleteIncidentRecord({ arn });
      await expectError(incidents().getIncidentRecord({ arn }), "ResourceNotFoundException");
      await expectError(incidents().listTagsForResource({ resourceArn: arn }), "ResourceNotFoundException");
      await expectError(incidents().updateIncidentRecord({ arn, title: "ghost" }), "ResourceNotFoundException");
      const listed = await incidents().listIncidentRecords({
        filters: [{ key: "creationTime", condition: { after: since } }, { key: "createdBy", condition: { equals: { stringValues: [target().principalArn] } } }],
      });
      const arns = listed.incidentRecordSummaries!.map((s) => s.arn);
      expect(arns).not.toContain(arn);
      expect(arns).toContain(kept);

      // Only that record went: the plan and the other incident (with its tags) are untouched.
      expect((await incidents().getResponsePlan({ arn: plan })).name).toMatch(/^delinc-/);
      expect((await incidents().listTagsForResource({ resourceArn: kept })).tags).toEqual({ service: "db" });
    });

    it("succeeds for a record that is already gone (the operation is idempotent)", async () => {
      const { incidentRecordArn: arn } = (await incidents().startIncident({ responsePlanArn: planArn(), title: "twice" })) as {
        incidentRecordArn: string;
      };
      await incidents().deleteIncidentRecord({ arn });
      await incidents().deleteIncidentRecord({ arn });
      await incidents().deleteIncidentRecord({ arn: `arn:aws:ssm-incidents::000000000000:incident-record/none/${randomUUID()}` });
      await expectError(incidents().deleteIncidentRecord({ arn: "not-an-arn" }), "ValidationException", /arn/);
    });
  });
};

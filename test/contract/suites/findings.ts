// Findings: the local model has no deployment sources, so an incident has no findings — but the
// answers are well formed, and unknown incidents are still refused.
import { beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../incidents.contract";
import type { IncidentSuite } from "./types";

const UNKNOWN = "arn:aws:ssm-incidents::000000000000:incident-record/none/none";

export const findingsSuite: IncidentSuite = ({ target, planArn }) => {
  describe("findings", () => {
    let arn: string;
    beforeAll(async () => {
      ({ incidentRecordArn: arn } = (await target().incidents.startIncident({ responsePlanArn: planArn(), title: "findings" })) as {
        incidentRecordArn: string;
      });
    });

    it("lists no findings for an incident", async () => {
      const out = await target().incidents.listIncidentFindings({ incidentRecordArn: arn, maxResults: 10 });
      expect(out.findings).toEqual([]);
      expect(out.nextToken).toBeUndefined();
    });

    it("answers every asked finding id with an error entry", async () => {
      const out = await target().incidents.batchGetIncidentFindings({ incidentRecordArn: arn, findingIds: ["f-1", "f-2"] });
      expect(out.findings).toEqual([]);
      expect(out.errors?.map((e) => e.findingId)).toEqual(["f-1", "f-2"]);
      expect(out.errors?.[0].code).toBeTruthy();
    });

    it("refuses unknown incidents and too many ids", async () => {
      await expectError(target().incidents.listIncidentFindings({ incidentRecordArn: UNKNOWN }), "ResourceNotFoundException");
      await expectError(
        target().incidents.batchGetIncidentFindings({ incidentRecordArn: arn, findingIds: Array.from({ length: 21 }, (_, i) => `f${i}`) }),
        "ValidationException",
        /findingIds/,
      );
    });
  });
};

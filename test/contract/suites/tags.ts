// TagResource, UntagResource, ListTagsForResource on the three taggable resources: response plans,
// incident records and the replication set (shared by every runner: only unique keys, removed again).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { expectError } from "../incidents.contract";
import type { IncidentSuite } from "./types";

const unique = () => randomUUID().slice(0, 8);
const ACCOUNT = "000000000000";

export const tagsSuite: IncidentSuite = ({ target }) => {
  describe("tags", () => {
    const incidents = () => target().incidents;
    const tagsOf = async (resourceArn: string) => (await incidents().listTagsForResource({ resourceArn })).tags ?? {};
    let planArn: string;

    beforeAll(async () => {
      ({ arn: planArn } = (await incidents().createResponsePlan({
        name: `tags-${unique()}`,
        incidentTemplate: { title: "Tagged", impact: 3, incidentTags: { service: "db" } },
        tags: { owner: "ops" },
      })) as { arn: string });
    });

    it("tags, retags and untags a response plan", async () => {
      expect(await tagsOf(planArn)).toEqual({ owner: "ops" });
      await incidents().tagResource({ resourceArn: planArn, tags: { env: "prod", "cost-center": "42", "a/b:c.d_e@f+g=h": "x y" } });
      expect(await tagsOf(planArn)).toEqual({ owner: "ops", env: "prod", "cost-center": "42", "a/b:c.d_e@f+g=h": "x y" });
      await incidents().tagResource({ resourceArn: planArn, tags: { env: "staging", empty: "" } });
      expect(await tagsOf(planArn)).toMatchObject({ env: "staging", empty: "" });
      // Several keys at once, one of them not present: untagging is idempotent.
      await incidents().untagResource({ resourceArn: planArn, tagKeys: ["env", "cost-center", "a/b:c.d_e@f+g=h", "never-set"] });
      expect(await tagsOf(planArn)).toEqual({ owner: "ops", empty: "" });
    });

    it("tags an incident record, which starts with its template's tags", async () => {
      const { incidentRecordArn: arn } = (await incidents().startIncident({ responsePlanArn: planArn, title: "tag me" })) as {
        incidentRecordArn: string;
      };
      expect(await tagsOf(arn)).toEqual({ service: "db" });
      await incidents().tagResource({ resourceArn: arn, tags: { severity: "high" } });
      await incidents().untagResource({ resourceArn: arn, tagKeys: ["service"] });
      expect(await tagsOf(arn)).toEqual({ severity: "high" });
    });

    it("tags the replication set", async () => {
      const { replicationSetArns } = await incidents().listReplicationSets({});
      const arn = replicationSetArns![0];
      const key = `contract-${unique()}`;
      await incidents().tagResource({ resourceArn: arn, tags: { [key]: "yes" } });
      expect(await tagsOf(arn)).toMatchObject({ [key]: "yes" });
      await incidents().untagResource({ resourceArn: arn, tagKeys: [key] });
      expect(await tagsOf(arn)).not.toHaveProperty(key);
    });

    it("answers ResourceNotFoundException for resources that don't exist", async () => {
      const missing = [
        `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/none-${unique()}`,
        `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/none/${randomUUID()}`,
        `arn:aws:ssm-incidents::${ACCOUNT}:replication-set/${randomUUID()}`,
      ];
      for (const resourceArn of missing) {
        await expectError(incidents().listTagsForResource({ resourceArn }), "ResourceNotFoundException");
        await expectError(incidents().tagResource({ resourceArn, tags: { a: "b" } }), "ResourceNotFoundException");
        await expectError(incidents().untagResource({ resourceArn, tagKeys: ["a"] }), "ResourceNotFoundException");
      }
    });

    it("refuses malformed and untaggable ARNs with ValidationException", async () => {
      for (const resourceArn of [
        "not-an-arn",
        `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/someone`,
        `arn:aws:ssm-incidents::${ACCOUNT}:timeline-event/x/y`,
      ]) {
        await expectError(incidents().listTagsForResource({ resourceArn }), "ValidationException");
        await expectError(incidents().tagResource({ resourceArn, tags: { a: "b" } }), "ValidationException");
      }
    });

    it("refuses reserved and malformed keys and values", async () => {
      await expectError(incidents().tagResource({ resourceArn: planArn, tags: { "aws:owner": "x" } }), "ValidationException", /tags/);
      await expectError(incidents().tagResource({ resourceArn: planArn, tags: { "bad*key": "x" } }), "ValidationException", /tags/);
      await expectError(incidents().tagResource({ resourceArn: planArn, tags: { k: "v".repeat(257) } }), "ValidationException", /tags/);
      await expectError(incidents().tagResource({ resourceArn: planArn, tags: {} }), "ValidationException", /tags/);
      await expectError(incidents().untagResource({ resourceArn: planArn, tagKeys: ["aws:owner"] }), "ValidationException", /tagKeys/);
      expect(await tagsOf(planArn)).not.toHaveProperty("k");
    });

    it("holds at most 50 tags per resource", async () => {
      const { arn } = (await incidents().createResponsePlan({ name: `quota-${unique()}`, incidentTemplate: { title: "q", impact: 5 } })) as {
        arn: string;
      };
      const batch = (from: number, n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${from + i}`, "v"]));
      // More than 50 in one request breaks the request's own limit.
      await expectError(incidents().tagResource({ resourceArn: arn, tags: batch(0, 51) }), "ValidationException", /tags/);
      await incidents().tagResource({ resourceArn: arn, tags: batch(0, 40) });
      // 40 + 11 new keys would pass 50 on the resource: a quota, and nothing of the request is applied.
      await expectError(incidents().tagResource({ resourceArn: arn, tags: batch(40, 11) }), "ServiceQuotaExceededException", /50/);
      expect(Object.keys(await tagsOf(arn))).toHaveLength(40);
      // Overwriting existing keys doesn't count twice.
      await incidents().tagResource({ resourceArn: arn, tags: { ...batch(0, 40), ...batch(40, 10) } });
      expect(Object.keys(await tagsOf(arn))).toHaveLength(50);
    });
  });
};

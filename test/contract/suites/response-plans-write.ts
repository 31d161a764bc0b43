// UpdateResponsePlan and DeleteResponsePlan: partial updates keep what they leave out, empty values
// clear what they stand for, clientToken replays, and a deleted plan's incidents stay.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CreateResponsePlanCommandInput } from "@aws-sdk/client-ssm-incidents";
import { expectError } from "../incidents.contract";
import type { IncidentSuite } from "./types";

const unique = () => randomUUID().slice(0, 8);
const ACCOUNT = "000000000000";
const UNKNOWN_PLAN = `arn:aws:ssm-incidents::${ACCOUNT}:response-plan/no-such-plan-${unique()}`;

function fullPlan(name: string): CreateResponsePlanCommandInput {
  return {
    name,
    displayName: "Full plan",
    incidentTemplate: {
      title: "Full title",
      impact: 2,
      summary: "Full summary",
      dedupeString: `full-${unique()}`,
      incidentTags: { service: "db" },
      notificationTargets: [{ snsTopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:incident-updates` }],
    },
    chatChannel: { chatbotSns: [`arn:aws:sns:us-east-1:${ACCOUNT}:chat`] },
    engagements: [`arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/oncall-a`],
    actions: [
      {
        ssmAutomation: {
          documentName: "AWSIncidents-CriticalIncidentRunbookTemplate",
          documentVersion: "$DEFAULT",
          roleArn: `arn:aws:iam::${ACCOUNT}:role/runbook`,
          targetAccount: "RESPONSE_PLAN_OWNER_ACCOUNT",
          parameters: { Environment: ["prod"] },
          dynamicParameters: { Incident: { variable: "INCIDENT_RECORD_ARN" } },
        },
      },
    ],
    integrations: [{ pagerDutyConfiguration: { name: "pd", secretId: "pd-secret", pagerDutyIncidentConfiguration: { serviceId: "PSERVICE" } } }],
  };
}

export const responsePlansWriteSuite: IncidentSuite = ({ target }) => {
  describe("response-plans-write", () => {
    const incidents = () => target().incidents;
    const create = async (input: CreateResponsePlanCommandInput) => (await incidents().createResponsePlan(input)).arn!;

    it("changes only the members an update names", async () => {
      const name = `upd-${unique()}`;
      const arn = await create(fullPlan(name));
      const before = await incidents().getResponsePlan({ arn });

      await incidents().updateResponsePlan({ arn, displayName: "Renamed" });
      let plan = await incidents().getResponsePlan({ arn });
      expect(plan.displayName).toBe("Renamed");
      expect(plan.incidentTemplate).toEqual(before.incidentTemplate);
      expect(plan.chatChannel).toEqual(before.chatChannel);
      expect(plan.engagements).toEqual(before.engagements);
      expect(plan.actions).toEqual(before.actions);
      expect(plan.integrations).toEqual(before.integrations);

      const dedupe = `new-${unique()}`;
      await incidents().updateResponsePlan({
        arn,
        incidentTemplateTitle: "New title",
        incidentTemplateImpact: 4,
        incidentTemplateSummary: "New summary",
        incidentTemplateDedupeString: dedupe,
        incidentTemplateNotificationTargets: [{ snsTopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:other` }],
        incidentTemplateTags: { service: "api", tier: "1" },
        chatChannel: { chatbotSns: [`arn:aws:sns:us-east-1:${ACCOUNT}:chat-2`] },
        engagements: [`arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/oncall-b`, `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/lead`],
        actions: [{ ssmAutomation: { documentName: "Restart", roleArn: `arn:aws:iam::${ACCOUNT}:role/restart` } }],
        integrations: [{ pagerDutyConfiguration: { name: "pd-2", secretId: "pd-secret-2", pagerDutyIncidentConfiguration: { serviceId: "POTHER" } } }],
      });
      plan = await incidents().getResponsePlan({ arn });
      expect(plan.name).toBe(name);
      expect(plan.displayName).toBe("Renamed");
      expect(plan.incidentTemplate).toMatchObject({
        title: "New title",
        impact: 4,
        summary: "New summary",
        dedupeString: dedupe,
        incidentTags: { service: "api", tier: "1" },
        notificationTargets: [{ snsTopicArn: `arn:aws:sns:us-east-1:${ACCOUNT}:other` }],
      });
      expect(plan.chatChannel).toEqual({ chatbotSns: [`arn:aws:sns:us-east-1:${ACCOUNT}:chat-2`] });
      expect(plan.engagements).toEqual([
        `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/oncall-b`,
        `arn:aws:ssm-contacts:us-east-1:${ACCOUNT}:contact/lead`,
      ]);
      expect(plan.actions).toHaveLength(1);
      expect(plan.actions![0].ssmAutomation).toMatchObject({ documentName: "Restart", roleArn: `arn:aws:iam::${ACCOUNT}:role/restart` });
      expect(plan.actions![0].ssmAutomation?.parameters).toBeUndefined();
      expect(plan.integrations).toEqual([
        { pagerDutyConfiguration: { name: "pd-2", secretId: "pd-secret-2", pagerDutyIncidentConfiguration: { serviceId: "POTHER" } } },
      ]);
    });

    it("clears members with empty values and removes the chat channel with `empty`", async () => {
      const arn = await create(fullPlan(`clr-${unique()}`));
      await incidents().updateResponsePlan({
        arn,
        displayName: "",
        incidentTemplateSummary: "",
        incidentTemplateDedupeString: "",
        incidentTemplateNotificationTargets: [],
        incidentTemplateTags: {},
        chatChannel: { empty: {} },
        engagements: [],
        actions: [],
        integrations: [],
      });
      const plan = await incidents().getResponsePlan({ arn });
      expect(plan.displayName ?? "").toBe("");
      expect(plan.incidentTemplate?.title).toBe("Full title");
      expect(plan.incidentTemplate?.impact).toBe(2);
      expect(plan.incidentTemplate?.summary ?? "").toBe("");
      expect(plan.incidentTemplate?.dedupeString ?? "").toBe("");
      expect(plan.incidentTemplate?.notificationTargets ?? []).toEqual([]);
      expect(plan.incidentTemplate?.incidentTags ?? {}).toEqual({});
      expect(plan.chatChannel?.chatbotSns).toBeUndefined();
      expect(plan.engagements ?? []).toEqual([]);
      expect(plan.actions ?? []).toEqual([]);
      expect(plan.integrations ?? []).toEqual([]);
    });

    it("starts incidents from the updated template, tagged with the template's tags", async () => {
      const arn = await create({ name: `tpl-${unique()}`, incidentTemplate: { title: "Old", impact: 5 } });
      await incidents().updateResponsePlan({ arn, incidentTemplateTitle: "Updated", incidentTemplateImpact: 1, incidentTemplateTags: { team: "payments" } });
      const { incidentRecordArn } = await incidents().startIncident({ responsePlanArn: arn });
      const { incidentRecord } = await incidents().getIncidentRecord({ arn: incidentRecordArn });
      expect(incidentRecord).toMatchObject({ title: "Updated", impact: 1 });
      expect((await incidents().listTagsForResource({ resourceArn: incidentRecordArn })).tags).toEqual({ team: "payments" });
    });

    it("replays an update retried with the same clientToken", async () => {
      const arn = await create({ name: `tok-${unique()}`, incidentTemplate: { title: "T0", impact: 3 } });
      const clientToken = randomUUID();
      await incidents().updateResponsePlan({ arn, incidentTemplateTitle: "T1", clientToken });
      await incidents().updateResponsePlan({ arn, incidentTemplateTitle: "T2" });
      // The retry returns the first call's answer and changes nothing again.
      await incidents().updateResponsePlan({ arn, incidentTemplateTitle: "T1", clientToken });
      expect((await incidents().getResponsePlan({ arn })).incidentTemplate?.title).toBe("T2");
      await expectError(incidents().updateResponsePlan({ arn, incidentTemplateTitle: "T3", clientToken }), "ConflictException", /client token/);
    });

    it("refuses unknown plans and invalid values, writing nothing", async () => {
      await expectError(incidents().updateResponsePlan({ arn: UNKNOWN_PLAN, displayName: "x" }), "ResourceNotFoundException");
      const arn = await create({ name: `bad-${unique()}`, incidentTemplate: { title: "Keep", impact: 3 } });
      await expectError(incidents().updateResponsePlan({ arn, incidentTemplateImpact: 6 }), "ValidationException", /incidentTemplateImpact/);
      await expectError(incidents().updateResponsePlan({ arn, incidentTemplateTitle: "x".repeat(201) }), "ValidationException", /incidentTemplateTitle/);
      await expectError(incidents().updateResponsePlan({ arn, incidentTemplateTitle: "  " }), "ValidationException", /title/);
      await expectError(
        incidents().updateResponsePlan({ arn, engagements: ["arn:aws:sns:us-east-1:000000000000:not-a-contact"] }),
        "ValidationException",
        /engagements/,
      );
      await expectError(
        incidents().updateResponsePlan({ arn, incidentTemplateTags: { "aws:reserved": "x" } }),
        "ValidationException",
        /incidentTemplateTags/,
      );
      expect((await incidents().getResponsePlan({ arn })).incidentTemplate).toMatchObject({ title: "Keep", impact: 3 });
    });

    it("deletes a plan with its tags and policies; its incidents stay; deleting again succeeds", async () => {
      const name = `del-${unique()}`;
      const arn = await create({ name, incidentTemplate: { title: "Doomed", impact: 3 }, tags: { owner: "ops" } });
      await incidents().putResourcePolicy({ resourceArn: arn, policy: JSON.stringify({ Version: "2012-10-17", Statement: [] }) });
      const { incidentRecordArn } = await incidents().startIncident({ responsePlanArn: arn });

      await incidents().deleteResponsePlan({ arn });
      await expectError(incidents().getResponsePlan({ arn }), "ResourceNotFoundException");
      await expectError(incidents().listTagsForResource({ resourceArn: arn }), "ResourceNotFoundException");
      await expectError(incidents().getResourcePolicies({ resourceArn: arn }), "ResourceNotFoundException");
      await expectError(incidents().startIncident({ responsePlanArn: arn }), "ResourceNotFoundException");
      const { incidentRecord } = await incidents().getIncidentRecord({ arn: incidentRecordArn });
      expect(incidentRecord).toMatchObject({ arn: incidentRecordArn, title: "Doomed", status: "OPEN" });
      expect(incidentRecordArn).toContain(`:incident-record/${name}/`);

      // DeleteResponsePlan is idempotent: a plan that is already gone is not an error.
      await incidents().deleteResponsePlan({ arn });
      await incidents().deleteResponsePlan({ arn: UNKNOWN_PLAN });

      // The name is free again, and the new plan starts without the old one's tags.
      expect(await create({ name, incidentTemplate: { title: "Reborn", impact: 4 } })).toBe(arn);
      expect((await incidents().listTagsForResource({ resourceArn: arn })).tags ?? {}).toEqual({});
      expect((await incidents().getResourcePolicies({ resourceArn: arn })).resourcePolicies ?? []).toEqual([]);
    });
  });
};

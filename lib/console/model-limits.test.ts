// Every AWS limit the console's actions and forms state is the model's, for the input member it
// guards (DESIGN: "No limit is typed twice"): at the model's max a value passes, one more is refused,
// and the texts the console writes itself are cut to fit.
import { describe, expect, it } from "vitest";
import { linkedContactArn } from "@/lib/console/contacts/schemas";
import { ENGAGEMENT_TEXT_MAX, engageContactSchema, senderFrom, stopEngagementSchema, toIncidentEngagementInput } from "@/lib/console/engagements/schemas";
import { acknowledgePageSchema, acknowledgementNote } from "@/lib/console/pages/schemas";
import { startIncidentFormSchema } from "@/lib/console/incidents/schemas";
import { MAX_REPLICATION_REGIONS, deleteRegionSchema, deleteResourcePolicySchema, deletionProtectionSchema, resourceTagsFormSchema } from "@/lib/console/settings/schemas";
import { maxOf, memberMax } from "@/lib/im/model";

type Schema = { safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } };

/** The paths and messages a schema refuses the value with. */
function refusals(schema: Schema, value: object): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

const text = (length: number, prefix = "") => prefix + "x".repeat(length - prefix.length);
const arnOf = (length: number) => text(length, "arn:aws:ssm-contacts:us-east-1:000000000000:contact/");
const CONTACT = arnOf(60);
const INCIDENT = "arn:aws:ssm-incidents::000000000000:incident-record/p/1";

describe("engagement actions", () => {
  const contactsArnMax = maxOf("ssm-contacts", "SsmContactsArn");

  it("bound contact, engagement and page ARNs by SsmContactsArn", () => {
    for (const max of [memberMax("ssm-contacts", "StartEngagementRequest", "ContactId"), memberMax("ssm-contacts", "StopEngagementRequest", "EngagementId"), memberMax("ssm-contacts", "AcceptPageRequest", "PageId")]) {
      expect(max).toBe(contactsArnMax);
    }
    expect(refusals(engageContactSchema, { incidentArn: INCIDENT, contactArn: arnOf(contactsArnMax) })).toEqual([]);
    expect(refusals(engageContactSchema, { incidentArn: INCIDENT, contactArn: arnOf(contactsArnMax + 1) })).toHaveLength(1);
    expect(refusals(acknowledgePageSchema, { pageArn: arnOf(contactsArnMax + 1) })).toHaveLength(1);
    expect(refusals(stopEngagementSchema, { engagementArn: arnOf(contactsArnMax + 1), reason: "" })).toHaveLength(1);
  });

  it("take a stop reason as long as StopEngagement's Reason", () => {
    const max = memberMax("ssm-contacts", "StopEngagementRequest", "Reason");
    expect(refusals(stopEngagementSchema, { engagementArn: CONTACT, reason: text(max) })).toEqual([]);
    expect(refusals(stopEngagementSchema, { engagementArn: CONTACT, reason: text(max + 1) })).toEqual([`reason: At most ${max} characters.`]);
  });

  it("cut the texts the console writes to what StartEngagement and AcceptPage take", () => {
    expect(ENGAGEMENT_TEXT_MAX).toEqual({
      sender: memberMax("ssm-contacts", "StartEngagementRequest", "Sender"),
      subject: memberMax("ssm-contacts", "StartEngagementRequest", "Subject"),
      content: memberMax("ssm-contacts", "StartEngagementRequest", "Content"),
    });
    const input = toIncidentEngagementInput(CONTACT, INCIDENT, { title: text(ENGAGEMENT_TEXT_MAX.subject + 5), summary: text(ENGAGEMENT_TEXT_MAX.content) }, "ana@example.com");
    expect(input.Subject).toHaveLength(ENGAGEMENT_TEXT_MAX.subject);
    expect(input.Content).toHaveLength(ENGAGEMENT_TEXT_MAX.content);
    expect(senderFrom(text(ENGAGEMENT_TEXT_MAX.sender + 5, "ana@"))).toHaveLength(ENGAGEMENT_TEXT_MAX.sender);
    expect(acknowledgementNote(text(5000, "ana@"))).toHaveLength(memberMax("ssm-contacts", "AcceptPageRequest", "Note"));
  });

  it("link a user to a contact by GetContact's ContactId", () => {
    const max = memberMax("ssm-contacts", "GetContactRequest", "ContactId");
    expect(linkedContactArn.safeParse(arnOf(max)).success).toBe(true);
    expect(linkedContactArn.safeParse(arnOf(max + 1)).success).toBe(false);
    expect(linkedContactArn.safeParse("").success).toBe(true);
  });
});

describe("settings actions", () => {
  const SET = "arn:aws:ssm-incidents::000000000000:replication-set/abc";

  it("delete a resource policy by DeleteResourcePolicy's resourceArn and policyId", () => {
    const arnMax = memberMax("ssm-incidents", "DeleteResourcePolicyInput", "resourceArn");
    const idMax = memberMax("ssm-incidents", "DeleteResourcePolicyInput", "policyId");
    expect(refusals(deleteResourcePolicySchema, { resourceArn: text(arnMax, "arn:"), policyId: text(idMax) })).toEqual([]);
    expect(refusals(deleteResourcePolicySchema, { resourceArn: text(arnMax + 1, "arn:"), policyId: text(idMax + 1) }).map((r) => r.split(":")[0])).toEqual(["resourceArn", "policyId"]);
  });

  it("remove a Region and protect the set by UpdateReplicationSet's and UpdateDeletionProtection's members", () => {
    const arnMax = memberMax("ssm-incidents", "UpdateReplicationSetInput", "arn");
    expect(memberMax("ssm-incidents", "UpdateDeletionProtectionInput", "arn")).toBe(arnMax);
    const regionMax = memberMax("ssm-incidents", "DeleteRegionAction", "regionName");
    expect(refusals(deleteRegionSchema, { arn: text(arnMax, "arn:"), regionName: text(regionMax) })).toEqual([]);
    expect(refusals(deleteRegionSchema, { arn: text(arnMax + 1, "arn:"), regionName: text(regionMax + 1) }).map((r) => r.split(":")[0])).toEqual(["arn", "regionName"]);
    expect(refusals(deletionProtectionSchema, { arn: text(arnMax + 1, "arn:"), deletionProtected: true })).toHaveLength(1);
    expect(refusals(deletionProtectionSchema, { arn: SET, deletionProtected: true })).toEqual([]);
  });

  it("offer as many Regions as CreateReplicationSet takes", () => {
    expect(MAX_REPLICATION_REGIONS).toBe(memberMax("ssm-incidents", "CreateReplicationSetInput", "regions"));
  });

  it("take the ARN of a resource to tag as long as the longer service's ARN", () => {
    const max = Math.max(maxOf("ssm-incidents", "Arn"), maxOf("ssm-contacts", "SsmContactsArn"));
    const arnRefusals = (arn: string) => refusals(resourceTagsFormSchema, { arn, tags: [], loadedKeys: [] }).filter((r) => r.startsWith("arn:"));
    expect(arnRefusals(arnOf(max))).toEqual([]);
    expect(arnRefusals(arnOf(max + 1))).toHaveLength(1);
  });
});

describe("start incident", () => {
  it("takes as many related items as StartIncident's relatedItems", () => {
    const max = memberMax("ssm-incidents", "StartIncidentInput", "relatedItems");
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ type: "OTHER", value: `https://example.com/${i}`, title: "" }));
    const plan = "arn:aws:ssm-incidents::000000000000:response-plan/p";
    const listRefusals = (n: number) => refusals(startIncidentFormSchema, { responsePlanArn: plan, title: "", impact: "", relatedItems: items(n) }).filter((r) => r.startsWith("relatedItems:"));
    expect(listRefusals(max)).toEqual([]);
    expect(listRefusals(max + 1)).toHaveLength(1);
  });
});

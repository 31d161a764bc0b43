// The AWS backend (lib/im/aws) pointed at the local AWS-compatible endpoint: proves the aws mode
// offline, and that errors cross two wire hops with their names intact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SSMContacts } from "@aws-sdk/client-ssm-contacts";
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import type { Services } from "@/lib/im";
import { awsServices } from "@/lib/im/aws";
import { ImError } from "@/lib/im/errors";
import { PROVIDERS } from "../support/databases";
import { ACCOUNT_ID, errorOf, REGION, startWireFixture, type WireFixture } from "./fixture";

describe.each(PROVIDERS)("AWS backend against the local endpoint on %s", (provider) => {
  let f: WireFixture;
  let aws: Services;
  let owner: string;

  beforeAll(async () => {
    f = await startWireFixture(provider);
    const credentials = await f.key("admin", "aws-mode");
    owner = credentials.ownerEmail;
    aws = awsServices({
      incidents: new SSMIncidents({ endpoint: f.endpoints["ssm-incidents"], region: REGION, credentials, maxAttempts: 1 }),
      contacts: new SSMContacts({ endpoint: f.endpoints["ssm-contacts"], region: REGION, credentials, maxAttempts: 1 }),
    });
  });
  afterAll(async () => {
    expect(f.errors).toEqual([]);
    await f.close();
  });

  it("round-trips an incident", async () => {
    await aws.incidents.createReplicationSet({ regions: { "us-east-1": {} } });
    const { arn: planArn } = await aws.incidents.createResponsePlan({ name: "aws-mode", incidentTemplate: { title: "Via AWS mode", impact: 4 } });
    const { incidentRecordArn } = await aws.incidents.startIncident({ responsePlanArn: planArn! });
    const { incidentRecord } = await aws.incidents.getIncidentRecord({ arn: incidentRecordArn });
    expect(incidentRecord).toMatchObject({ title: "Via AWS mode", impact: 4, status: "OPEN" });
    expect(incidentRecord?.creationTime).toBeInstanceOf(Date);
    // The key acts as the console user it belongs to.
    expect(incidentRecord?.incidentRecordSource?.createdBy).toBe(`arn:aws:iam::${ACCOUNT_ID}:user/${owner}`);
    await aws.incidents.updateIncidentRecord({ arn: incidentRecordArn!, status: "RESOLVED" });
    const list = await aws.incidents.listIncidentRecords({ filters: [{ key: "status", condition: { equals: { stringValues: ["RESOLVED"] } } }] });
    expect(list.incidentRecordSummaries?.map((s) => s.arn)).toEqual([incidentRecordArn]);
  });

  it("maps errors onto the same error model", async () => {
    const missing = `arn:aws:ssm-incidents::${ACCOUNT_ID}:incident-record/aws-mode/nope`;
    const e = await errorOf(aws.incidents.getIncidentRecord({ arn: missing }));
    expect(e).toBeInstanceOf(ImError);
    expect((e as unknown as ImError).code).toBe("ResourceNotFoundException");
    expect((e as unknown as ImError).details.resourceId).toBe(missing);
    const v = await errorOf(aws.incidents.startIncident({ responsePlanArn: "not-an-arn" }));
    expect((v as unknown as ImError).code).toBe("ValidationException");
    const missingContact = `arn:aws:ssm-contacts:${REGION}:${ACCOUNT_ID}:contact/nobody`;
    const c = await errorOf(aws.contacts.getContact({ ContactId: missingContact }));
    expect((c as unknown as ImError).code).toBe("ResourceNotFoundException");
    expect((c as unknown as ImError).details).toMatchObject({ resourceId: missingContact, resourceType: "CONTACT" });
    const invalid = await errorOf(aws.contacts.createContact({ Alias: "Not Valid", Type: "PERSONAL", Plan: {} }));
    expect((invalid as unknown as ImError).details).toMatchObject({ reason: "FIELD_VALIDATION_FAILED", fields: [{ name: "Alias" }] });
    const missingRotation = `arn:aws:ssm-contacts:${REGION}:${ACCOUNT_ID}:rotation/nobody`;
    const r = await errorOf(aws.contacts.getRotation({ RotationId: missingRotation }));
    expect((r as unknown as ImError).details).toMatchObject({ resourceId: missingRotation, resourceType: "ROTATION" });
  });

  it("maps ssm-contacts' Smithy statuses (409, 402) back onto the same errors", async () => {
    const { ContactArn } = await aws.contacts.createContact({ Alias: "aws-mode-taken", Type: "PERSONAL", Plan: { Stages: [] } });
    const conflict = (await errorOf(aws.contacts.createContact({ Alias: "aws-mode-taken", Type: "PERSONAL", Plan: { Stages: [] } }))) as unknown as ImError;
    expect(conflict).toBeInstanceOf(ImError);
    expect(conflict).toMatchObject({ code: "ConflictException", status: 409, details: { resourceId: ContactArn, resourceType: "CONTACT" } });
    await aws.contacts.tagResource({ ResourceARN: ContactArn, Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" })) });
    const quota = (await errorOf(aws.contacts.tagResource({ ResourceARN: ContactArn, Tags: [{ Key: "one-more", Value: "v" }] }))) as unknown as ImError;
    expect(quota).toMatchObject({ code: "ServiceQuotaExceededException", status: 402, details: { resourceId: ContactArn, serviceCode: "ssm-contacts" } });
  });
});

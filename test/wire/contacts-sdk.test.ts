// ssm-contacts through the real AWS SDK v3 client against the awsJson1_1 endpoint: answers and
// errors arrive as the SDK's own types, with the modeled error members (ResourceId, ResourceType,
// Reason, Fields, DependentEntities) filled in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROVIDERS } from "../support/databases";
import { ACCOUNT_ID, errorOf, startWireFixture, type WireFixture } from "./fixture";

describe.each(PROVIDERS)("ssm-contacts SDK over the wire on %s", (provider) => {
  let f: WireFixture;

  beforeAll(async () => {
    f = await startWireFixture(provider);
  });
  afterAll(async () => {
    expect(f.errors).toEqual([]);
    await f.close();
  });

  it("round-trips a contact and names errors with their modeled members", async () => {
    const sdk = f.contacts(await f.key("admin"));
    const { ContactArn } = await sdk.createContact({ Alias: "oncall", Type: "PERSONAL", Plan: { Stages: [] } });
    expect(ContactArn).toBe(`arn:aws:ssm-contacts:us-east-1:${ACCOUNT_ID}:contact/oncall`);
    expect((await sdk.listContacts({})).Contacts).toEqual([{ ContactArn, Alias: "oncall", Type: "PERSONAL" }]);

    const conflict = await errorOf(sdk.createContact({ Alias: "oncall", Type: "PERSONAL", Plan: { Stages: [] } }));
    expect(conflict).toMatchObject({ name: "ConflictException", ResourceId: ContactArn, ResourceType: "CONTACT" });
    const missing = `arn:aws:ssm-contacts:us-east-1:${ACCOUNT_ID}:contact/nobody`;
    const notFound = await errorOf(sdk.getContact({ ContactId: missing }));
    expect(notFound).toMatchObject({ name: "ResourceNotFoundException", ResourceId: missing, ResourceType: "CONTACT" });
    const invalid = await errorOf(
      sdk.createContactChannel({ ContactId: ContactArn, Name: "sms", Type: "SMS", DeliveryAddress: { SimpleAddress: "not a number" } }),
    );
    expect(invalid).toMatchObject({ name: "ValidationException", Reason: "FIELD_VALIDATION_FAILED" });
    expect((invalid.Fields as { Name: string }[]).map((x) => x.Name)).toEqual(["DeliveryAddress.SimpleAddress"]);

    const missingRotation = `arn:aws:ssm-contacts:us-east-1:${ACCOUNT_ID}:rotation/nobody`;
    expect(await errorOf(sdk.getRotation({ RotationId: missingRotation }))).toMatchObject({ name: "ResourceNotFoundException", ResourceId: missingRotation, ResourceType: "ROTATION" });
    const { RotationArn } = await sdk.createRotation({ Name: "oncall", ContactIds: [ContactArn!], TimeZoneId: "UTC", Recurrence: { DailySettings: [{ HourOfDay: 9, MinuteOfHour: 0 }], NumberOfOnCalls: 1, RecurrenceMultiplier: 1 } });
    const inUse = await errorOf(sdk.deleteContact({ ContactId: ContactArn }));
    expect(inUse).toMatchObject({ name: "ConflictException", ResourceId: ContactArn, DependentEntities: [{ RelationType: "ROTATION_MEMBER", DependentResourceIds: [RotationArn] }] });
  });

  it("lets a viewer read but not write", async () => {
    const sdk = f.contacts(await f.key("viewer"));
    expect((await sdk.listContacts({})).Contacts).toBeInstanceOf(Array);
    const e = await errorOf(sdk.createContact({ Alias: "viewer-made", Type: "PERSONAL", Plan: { Stages: [] } }));
    expect(e.name).toBe("AccessDeniedException");
    expect((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode).toBe(403);
  });

  it("rejects a bad signature and an incidents-scoped one", async () => {
    const key = await f.key("admin", "contacts-signer");
    const e = await errorOf(f.contacts({ accessKeyId: key.accessKeyId, secretAccessKey: "y".repeat(64) }).listContacts({}));
    expect(e.name).toBe("InvalidSignatureException");
  });
});

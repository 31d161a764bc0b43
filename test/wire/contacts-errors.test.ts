// ssm-contacts errors through the real AWS SDK v3 client: each answers the HTTP status AWS's Smithy
// model gives it (lib/im/model/ssm-contacts.errors.json; the botocore JSON and the reference text
// say 400), and the SDK still turns each into its named exception class with its modeled members.
// First from the local model's own failures, then every error of the model from a stub service,
// so the members the local model never fills in (DependentEntities, RetryAfterSeconds) are proven
// to cross the wire too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as sdk from "@aws-sdk/client-ssm-contacts";
import { dbKeyStore } from "@/lib/api-keys";
import type { Services } from "@/lib/im";
import { ImError, type ImErrorDetails, type ImErrorName } from "@/lib/im/errors";
import { serviceModel } from "@/lib/im/model";
import contactsErrors from "@/lib/im/model/ssm-contacts.errors.json";
import { bodyTooLarge, createWireHandler } from "@/lib/wire/handler";
import { writeJsonRpcError } from "@/lib/wire/json-rpc";
import { authError, errorInfo, WireError } from "@/lib/wire/wire-error";
import { PROVIDERS } from "../support/databases";
import { startWireHost, type WireHost } from "../support/wire-host";
import { ACCOUNT_ID, errorOf, REGION, startWireFixture, type WireFixture } from "./fixture";

const statusOf = (e: unknown) => (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
const SMITHY = contactsErrors.errors as Record<string, { status: number; fault: string }>;

/** The SDK's exception class of each error name, e.g. sdk.ConflictException. */
const sdkClass = (name: string) => (sdk as unknown as Record<string, new (...args: never[]) => Error>)[name];

describe("awsJson1_1 error statuses", () => {
  it("answers each modeled error with the Smithy table's status", () => {
    for (const [name, e] of Object.entries(SMITHY)) {
      const res = writeJsonRpcError("ssm-contacts", errorInfo(new ImError(name as ImErrorName, "x")));
      expect(res.status, name).toBe(e.status);
      expect(JSON.parse(res.body!).__type).toBe(name);
    }
  });

  it("keeps the protocol's statuses for wire-level errors", () => {
    const status = (e: WireError | ImError) => writeJsonRpcError("ssm-contacts", errorInfo(e)).status;
    expect(status(authError("InvalidSignatureException", "x"))).toBe(403);
    expect(status(new WireError("UnknownOperationException", 404, "x"))).toBe(400);
    expect(status(new WireError("SerializationException", 400, "x"))).toBe(400);
    expect(status(bodyTooLarge(10))).toBe(400);
    expect(status(new ImError("NotImplementedException", "x"))).toBe(501);
  });

  it("sends RetryAfterSeconds in the body and as Retry-After", () => {
    const res = writeJsonRpcError("ssm-contacts", errorInfo(new ImError("ThrottlingException", "slow down", { retryAfterSeconds: 7 })));
    expect(res.headers["retry-after"]).toBe("7");
    expect(JSON.parse(res.body!)).toMatchObject({ __type: "ThrottlingException", RetryAfterSeconds: 7 });
    // Members the exception doesn't model stay out (ValidationException has no RetryAfterSeconds).
    const v = writeJsonRpcError("ssm-contacts", errorInfo(new ImError("ValidationException", "x", { retryAfterSeconds: 7 })));
    expect(v.headers["retry-after"]).toBeUndefined();
  });
});

describe.each(PROVIDERS)("ssm-contacts error statuses through the SDK on %s", (provider) => {
  let f: WireFixture;

  beforeAll(async () => {
    f = await startWireFixture(provider);
  });
  afterAll(async () => {
    expect(f.errors).toEqual([]);
    await f.close();
  });

  it("answers the local model's failures with the Smithy statuses and the SDK's classes", async () => {
    const contacts = f.contacts(await f.key("admin"));
    const { ContactArn } = await contacts.createContact({ Alias: "taken", Type: "PERSONAL", Plan: { Stages: [] } });

    const conflict = await errorOf(contacts.createContact({ Alias: "taken", Type: "PERSONAL", Plan: { Stages: [] } }));
    expect(conflict).toBeInstanceOf(sdk.ConflictException);
    expect(statusOf(conflict)).toBe(409);
    expect(conflict).toMatchObject({ ResourceId: ContactArn, ResourceType: "CONTACT" });

    const missing = `arn:aws:ssm-contacts:${REGION}:${ACCOUNT_ID}:contact/nobody`;
    const notFound = await errorOf(contacts.getContact({ ContactId: missing }));
    expect(notFound).toBeInstanceOf(sdk.ResourceNotFoundException);
    expect(statusOf(notFound)).toBe(404);
    expect(notFound).toMatchObject({ ResourceId: missing, ResourceType: "CONTACT" });

    const invalid = await errorOf(contacts.createContact({ Alias: "Not Valid", Type: "PERSONAL", Plan: { Stages: [] } }));
    expect(invalid).toBeInstanceOf(sdk.ValidationException);
    expect(statusOf(invalid)).toBe(400);
    expect(invalid).toMatchObject({ Reason: "FIELD_VALIDATION_FAILED", Fields: [expect.objectContaining({ Name: "Alias" })] });

    // A contact holds at most the model's 50 tags: the 51st is a quota, 402 in the Smithy model.
    const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    await contacts.tagResource({ ResourceARN: ContactArn, Tags: fifty });
    const quota = await errorOf(contacts.tagResource({ ResourceARN: ContactArn, Tags: [{ Key: "one-more", Value: "v" }] }));
    expect(quota).toBeInstanceOf(sdk.ServiceQuotaExceededException);
    expect(statusOf(quota)).toBe(402);
    expect(quota).toMatchObject({ ResourceId: ContactArn, ServiceCode: "ssm-contacts" });
  });

  it("answers a viewer's write 403 AccessDeniedException", async () => {
    const viewer = f.contacts(await f.key("viewer"));
    const denied = await errorOf(viewer.createContact({ Alias: "viewer-made", Type: "PERSONAL", Plan: { Stages: [] } }));
    expect(denied).toBeInstanceOf(sdk.AccessDeniedException);
    expect(statusOf(denied)).toBe(403);
    expect(denied.message).toMatch(/not allowed to call CreateContact/);
  });

  it("keeps the wire-level errors' statuses", async () => {
    // A bad signature: 403, as AWS answers it.
    const key = await f.key("admin", "wrong-secret");
    const bad = await errorOf(f.contacts({ accessKeyId: key.accessKeyId, secretAccessKey: "y".repeat(64) }).listContacts({}));
    expect(bad.name).toBe("InvalidSignatureException");
    expect(statusOf(bad)).toBe(403);
  });

  describe("every error of the model, from a stub service", () => {
    let host: WireHost;
    let next: ImError;
    const logged: unknown[] = [];

    beforeAll(async () => {
      // Every contract method fails with the error the test sets.
      const failing = new Proxy({}, { get: () => async () => { throw next; } });
      const handler = createWireHandler({
        service: "ssm-contacts",
        keys: dbKeyStore(f.t.db),
        accountId: ACCOUNT_ID,
        region: REGION,
        resolveServices: () => ({ contacts: failing, incidents: failing }) as unknown as Services,
        logger: { error: (...args: unknown[]) => void logged.push(args) },
      });
      host = await startWireHost(handler);
    });
    afterAll(async () => {
      await host.close();
    });

    const DETAILS: Partial<Record<ImErrorName, [ImErrorDetails, Record<string, unknown>]>> = {
      ConflictException: [
        { resourceId: "arn:aws:ssm-contacts:us-east-1:123456789012:contact/held", resourceType: "CONTACT", dependentEntities: [{ relationType: "ROTATION", dependentResourceIds: ["arn:aws:ssm-contacts:us-east-1:123456789012:rotation/r"] }] },
        { ResourceId: "arn:aws:ssm-contacts:us-east-1:123456789012:contact/held", ResourceType: "CONTACT", DependentEntities: [{ RelationType: "ROTATION", DependentResourceIds: ["arn:aws:ssm-contacts:us-east-1:123456789012:rotation/r"] }] },
      ],
      ResourceNotFoundException: [{ resourceId: "arn:x", resourceType: "CONTACT" }, { ResourceId: "arn:x", ResourceType: "CONTACT" }],
      ServiceQuotaExceededException: [
        { resourceId: "arn:x", resourceType: "CONTACT", quotaCode: "tags", serviceCode: "ssm-contacts" },
        { ResourceId: "arn:x", ResourceType: "CONTACT", QuotaCode: "tags", ServiceCode: "ssm-contacts" },
      ],
      ThrottlingException: [{ quotaCode: "rate", serviceCode: "ssm-contacts", retryAfterSeconds: 7 }, { QuotaCode: "rate", ServiceCode: "ssm-contacts", RetryAfterSeconds: 7 }],
      InternalServerException: [{ retryAfterSeconds: 3 }, { RetryAfterSeconds: 3 }],
      ValidationException: [{ reason: "FIELD_VALIDATION_FAILED", fields: [{ name: "Alias", message: "too long" }] }, { Reason: "FIELD_VALIDATION_FAILED", Fields: [{ Name: "Alias", Message: "too long" }] }],
    };

    it.each(Object.keys(SMITHY))("%s arrives with its Smithy status, its class and its members", async (name) => {
      const model = serviceModel("ssm-contacts");
      // An operation that models this error, called with an input it accepts.
      const op = (["CreateContact", "UpdateContact"] as const).find((o) => model.operations[o].errors?.some((e) => e.shape === name));
      expect(op, `CreateContact or UpdateContact models ${name}`).toBeDefined();
      const [details, members] = DETAILS[name as ImErrorName] ?? [{}, {}];
      next = new ImError(name as ImErrorName, `${name} from the stub`, details);
      const contacts = new sdk.SSMContacts({ endpoint: `${host.origin}/api/aws/ssm-contacts`, region: REGION, credentials: await f.key("admin", `stub-${name}`), maxAttempts: 1 });
      const call =
        op === "CreateContact"
          ? contacts.createContact({ Alias: "stubbed", Type: "PERSONAL", Plan: { Stages: [] } })
          : contacts.updateContact({ ContactId: `arn:aws:ssm-contacts:${REGION}:${ACCOUNT_ID}:contact/stubbed` });
      const e = await errorOf(call);
      expect(e).toBeInstanceOf(sdkClass(name));
      expect(e.name).toBe(name);
      expect(statusOf(e)).toBe(SMITHY[name].status);
      expect((e as { $fault?: string }).$fault).toBe(SMITHY[name].fault);
      expect(e.message).toBe(`${name} from the stub`);
      expect(e).toMatchObject(members);
    });

    it("logs only the server's fault", () => {
      // The handler reports an InternalServerException as unexpected; nothing else was logged.
      expect(logged).toHaveLength(1);
      expect(String((logged[0] as unknown[])[0])).toMatch(/ssm-contacts POST/);
    });
  });
});

// SDK errors as the AWS backend hands them to the console: the same ImError, name, status and
// details whichever backend answered, including the members only ssm-contacts' errors carry.
import { describe, expect, it } from "vitest";
import { ConflictException, SSMContactsServiceException, ThrottlingException } from "@aws-sdk/client-ssm-contacts";
import { ImError } from "../errors";
import { awsCall } from "./errors";

const failWith = (e: unknown) => awsCall(() => Promise.reject(e));
const caught = async (p: Promise<unknown>) => p.then(() => { throw new Error("expected a failure"); }, (e: unknown) => e as ImError);

describe("awsCall's error mapping", () => {
  it("keeps ssm-contacts' ConflictException with its resource and dependents", async () => {
    const sdkError = new ConflictException({
      $metadata: { httpStatusCode: 409 },
      message: "in use",
      Message: "in use",
      ResourceId: "arn:aws:ssm-contacts:us-east-1:123456789012:contact/held",
      ResourceType: "CONTACT",
      DependentEntities: [{ RelationType: "ROTATION", DependentResourceIds: ["arn:aws:ssm-contacts:us-east-1:123456789012:rotation/r"] }],
    });
    const e = await caught(failWith(sdkError));
    expect(e).toBeInstanceOf(ImError);
    expect(e).toMatchObject({
      code: "ConflictException",
      status: 409,
      message: "in use",
      details: {
        resourceId: "arn:aws:ssm-contacts:us-east-1:123456789012:contact/held",
        resourceType: "CONTACT",
        dependentEntities: [{ relationType: "ROTATION", dependentResourceIds: ["arn:aws:ssm-contacts:us-east-1:123456789012:rotation/r"] }],
      },
    });
  });

  it("keeps ThrottlingException's RetryAfterSeconds", async () => {
    const sdkError = new ThrottlingException({ $metadata: { httpStatusCode: 429 }, message: "slow down", Message: "slow down", RetryAfterSeconds: 7 });
    expect(await caught(failWith(sdkError))).toMatchObject({ code: "ThrottlingException", status: 429, details: { retryAfterSeconds: 7 } });
  });

  it("names an unmodeled error by its status", async () => {
    const unnamed = (status: number) =>
      new SSMContactsServiceException({ name: "SomethingNew", $fault: "client", $metadata: { httpStatusCode: status }, message: "odd" });
    expect((await caught(failWith(unnamed(409)))).code).toBe("ConflictException");
    expect((await caught(failWith(unnamed(429)))).code).toBe("ThrottlingException");
    expect((await caught(failWith(unnamed(404)))).code).toBe("ResourceNotFoundException");
    expect((await caught(failWith(unnamed(400)))).code).toBe("ValidationException");
    expect((await caught(failWith(unnamed(418)))).code).toBe("InternalServerException");
  });
});

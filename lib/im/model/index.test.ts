import { describe, expect, it } from "vitest";
import contacts from "./ssm-contacts.json";
import contactsErrors from "./ssm-contacts.errors.json";
import incidents from "./ssm-incidents.json";
import { ERROR_STATUS, type ImErrorName } from "../errors";
import { maxOf, memberMax, modeledErrorStatus, serviceModel, type ServiceId } from "./index";

describe("limits read from the model", () => {
  it("gives a shape's max, and the max of the shape an input member uses", () => {
    expect(maxOf("ssm-contacts", "StopReason")).toBe(contacts.shapes.StopReason.max);
    expect(memberMax("ssm-contacts", "StopEngagementRequest", "Reason")).toBe(contacts.shapes.StopReason.max);
    expect(memberMax("ssm-incidents", "StartIncidentInput", "relatedItems")).toBe(incidents.shapes.RelatedItemList.max);
    expect(maxOf("ssm-incidents", "TagMap")).toBe(incidents.shapes.TagMap.max);
  });

  it("refuses to make up a limit the model doesn't give", () => {
    expect(() => maxOf("ssm-contacts", "AcceptType")).toThrow(/no max/);
    expect(() => memberMax("ssm-contacts", "StopEngagementRequest", "Because")).toThrow(/no member Because/);
    expect(() => maxOf("ssm-incidents", "NoSuchShape")).toThrow(/no shape/);
  });
});

describe("error statuses read from the models", () => {
  const exceptions = (service: ServiceId) =>
    Object.entries(serviceModel(service).shapes).filter(([, s]) => s.exception).map(([name]) => name).sort();

  it("has the Smithy status of every ssm-contacts error, and no other", () => {
    // The values AWS's Smithy model gives (aws/aws-sdk-js-v3, codegen/sdk-codegen/aws-models/ssm-contacts.json).
    expect(Object.fromEntries(Object.entries(contactsErrors.errors).map(([name, e]) => [name, e.status]))).toEqual({
      AccessDeniedException: 403,
      ConflictException: 409,
      DataEncryptionException: 400,
      InternalServerException: 500,
      ResourceNotFoundException: 404,
      ServiceQuotaExceededException: 402,
      ThrottlingException: 429,
      ValidationException: 400,
    });
    expect(Object.keys(contactsErrors.errors).sort()).toEqual(exceptions("ssm-contacts"));
    for (const [name, e] of Object.entries(contactsErrors.errors)) {
      expect(modeledErrorStatus("ssm-contacts", name)).toBe(e.status);
      // A client's fault is a 4xx, the server's a 5xx: the SDK retries only the second.
      expect(e.fault === "server", name).toBe(e.status >= 500);
    }
  });

  it("reads ssm-incidents' statuses from its own model", () => {
    for (const name of exceptions("ssm-incidents")) {
      const status = serviceModel("ssm-incidents").shapes[name].error?.httpStatusCode;
      expect(status, name).toBeTypeOf("number");
      expect(modeledErrorStatus("ssm-incidents", name)).toBe(status);
    }
  });

  it("gives the console's errors the status the wire answers", () => {
    // lib/im/errors' ERROR_STATUS is what the console shows; each service's model is what AWS answers.
    for (const service of ["ssm-contacts", "ssm-incidents"] as const) {
      for (const name of exceptions(service)) expect(ERROR_STATUS[name as ImErrorName], `${service} ${name}`).toBe(modeledErrorStatus(service, name));
    }
  });

  it("leaves names the service doesn't model to the protocol", () => {
    expect(modeledErrorStatus("ssm-contacts", "UnknownOperationException")).toBeUndefined();
    expect(modeledErrorStatus("ssm-contacts", "NotImplementedException")).toBeUndefined();
    expect(modeledErrorStatus("ssm-incidents", "DataEncryptionException")).toBeUndefined();
    // A shape that isn't an exception has no status either.
    expect(modeledErrorStatus("ssm-contacts", "Contact")).toBeUndefined();
  });
});

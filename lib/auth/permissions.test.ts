// The one permission map: operations, and the resource a tagging call changes.
import { describe, expect, it } from "vitest";
import { can, permissionForOperation, permissionForResource } from "./permissions";

describe("permissions", () => {
  it("settings operations are an admin's; reads are everyone's", () => {
    expect(permissionForOperation("ssm-incidents", "UpdateReplicationSet")).toBe("settings.write");
    expect(permissionForOperation("ssm-contacts", "PutContactPolicy")).toBe("settings.write");
    expect(permissionForOperation("ssm-incidents", "ListIncidentRecords")).toBe("incidents.read");
    expect(can("viewer", permissionForOperation("ssm-contacts", "ListContacts"))).toBe(true);
  });

  it("changing a resource's tags takes the right to change that resource", () => {
    const arn = (type: string) => `arn:aws:ssm-incidents::000000000000:${type}/x/y`;
    expect(permissionForResource("ssm-incidents", arn("incident-record"))).toBe("incidents.write");
    expect(permissionForResource("ssm-incidents", arn("response-plan"))).toBe("plans.write");
    expect(permissionForResource("ssm-incidents", "arn:aws:ssm-incidents::000000000000:replication-set/abc")).toBe("settings.write");
    // Anything unrecognised fails closed.
    expect(permissionForResource("ssm-incidents", "not an arn")).toBe("settings.write");
    expect(permissionForResource("ssm-contacts", "arn:aws:ssm-contacts:us-east-1:000000000000:contact/a")).toBe("contacts.write");
    expect(can("responder", permissionForResource("ssm-incidents", arn("incident-record")))).toBe(true);
    expect(can("responder", permissionForResource("ssm-incidents", "arn:aws:ssm-incidents::000000000000:replication-set/abc"))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { integrationOfPrincipal, integrationPrincipalArn, principalName } from "./names";

describe("principalName", () => {
  it("reads a console user's or API key's principal as its name", () => {
    expect(principalName("arn:aws:iam::000000000000:user/ana@example.com")).toBe("ana@example.com");
    expect(principalName("arn:aws:iam::000000000000:assumed-role/Responder/ana")).toBe("Responder/ana");
    expect(principalName(undefined)).toBe("—");
  });

  it("reads an alert integration's principal as its name, whatever the name holds", () => {
    const name = "Prometheus / prod: 50% of pods";
    const arn = integrationPrincipalArn("000000000000", { id: "8c0f4f7e-2a8b-4b51-9f5a-0a4bcf9d6d11", name });
    expect(arn).toMatch(/^arn:aws:iam::000000000000:role\/alert-integration\/8c0f4f7e-2a8b-4b51-9f5a-0a4bcf9d6d11\/[^/]+$/);
    expect(integrationOfPrincipal(arn)).toEqual({ id: "8c0f4f7e-2a8b-4b51-9f5a-0a4bcf9d6d11", name });
    expect(principalName(arn)).toBe(`${name} (alert integration)`);
    expect(integrationOfPrincipal("arn:aws:iam::000000000000:user/ana@example.com")).toBeUndefined();
  });
});

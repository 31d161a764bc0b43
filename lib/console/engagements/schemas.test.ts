import { describe, expect, it } from "vitest";
import { emptyStartEngagementForm, senderFrom, startEngagementFormSchema, toStartEngagementInput } from "./schemas";

const valid = {
  ...emptyStartEngagementForm,
  contactArn: "arn:aws:ssm-contacts:us-east-1:000000000000:contact/ana",
  sender: "ana@example.com",
  subject: "Disk full",
  content: "The disk of db-1 is full.",
};

const errorsOf = (values: typeof valid) => {
  const r = startEngagementFormSchema.safeParse(values);
  // The first message of each field, as the form's resolver shows it.
  const out: Record<string, string> = {};
  for (const i of r.success ? [] : r.error.issues) out[String(i.path[0])] ??= i.message;
  return out;
};

describe("the start-engagement form", () => {
  it("accepts a complete form and leaves empty optional members out", () => {
    expect(errorsOf(valid)).toEqual({});
    expect(toStartEngagementInput(valid)).toEqual({
      ContactId: valid.contactArn,
      Sender: "ana@example.com",
      Subject: "Disk full",
      Content: "The disk of db-1 is full.",
      PublicSubject: undefined,
      PublicContent: undefined,
      IncidentId: undefined,
    });
  });

  it("puts the model's rules on their fields", () => {
    const errors = errorsOf({ ...valid, contactArn: "", subject: "  ", content: "x".repeat(8193), publicSubject: "p".repeat(2049), sender: "a<b>" });
    expect(errors.contactArn).toBe("Choose a contact or escalation plan.");
    expect(errors.subject).toBe("Required.");
    expect(errors.content).toBe("Must have length less than or equal to 8192.");
    expect(errors.publicSubject).toBe("Must have length less than or equal to 2048.");
    expect(errors.sender).toMatch(/^Must satisfy regular expression pattern/);
  });

  it("makes a sender the model allows from any e-mail address", () => {
    expect(senderFrom("o'neil+ops@example.com")).toBe("o-neil+ops@example.com");
  });
});

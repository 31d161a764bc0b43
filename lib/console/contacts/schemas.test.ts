import { describe, expect, it } from "vitest";
import { planTimeline } from "@/components/contacts/timeline";
import { escalationPlanFormSchema } from "@/lib/console/escalation-plans/schemas";
import { newRequestId } from "@/lib/console/core/request-id";
import { contactFormSchema, contactSaveSchema, emptyContactForm, type ContactFormValues } from "./schemas";

function issues(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } } }, values: object) {
  const r = schema.safeParse(values);
  return r.success ? [] : r.error!.issues.map((i) => [i.path.map(String).join("."), i.message]);
}

const contact: ContactFormValues = {
  ...emptyContactForm,
  alias: "ana",
  channels: [{ key: "k1", arn: "", type: "SMS", name: "mobile", address: "+15005550199" }],
  stages: [{ duration: "5", targets: [{ channelKey: "k1", retry: "2" }] }],
};

describe("contact form rules (model + reference text)", () => {
  it("accepts a contact with a channel and a plan that targets it", () => {
    expect(issues(contactFormSchema, contact)).toEqual([]);
  });

  it("puts each problem on its field, with the server's words", () => {
    const found = issues(contactFormSchema, {
      ...contact,
      alias: "Not An Alias",
      channels: [{ ...contact.channels[0], address: "555-1234" }],
      stages: [{ duration: "31", targets: [{ channelKey: "gone", retry: "61" }] }],
    });
    expect(found).toEqual(
      expect.arrayContaining([
        ["alias", expect.stringContaining("regular expression pattern")],
        ["channels.0.address", "Must be '+' followed by the country code and phone number (E.164)."],
        ["stages.0.duration", "Must have value less than or equal to 30."],
        ["stages.0.targets.0.channelKey", "Required."],
        ["stages.0.targets.0.retry", "Must have value less than or equal to 60."],
      ]),
    );
  });

  it("requires a contact on every escalation target", () => {
    const found = issues(escalationPlanFormSchema, { arn: "", alias: "esc", displayName: "", stages: [{ duration: "5", targets: [{ contactArn: "", essential: true }] }] });
    expect(found).toEqual([["stages.0.targets.0.contactArn", "Choose a contact."]]);
  });
});

describe("a save of the contact form", () => {
  it("carries the form's values and the save's request id, and refuses an id no token may hold", () => {
    const requestId = newRequestId();
    expect(contactSaveSchema.parse({ ...contact, requestId })).toEqual({ ...contact, requestId });
    expect(issues(contactSaveSchema, { ...contact, requestId: "not an id!" })).toEqual([["requestId", "Not a request id"]]);
    // The form's own rules still put their problems on the form's fields.
    expect(issues(contactSaveSchema, { ...contact, alias: "Not An Alias", requestId })[0]?.[0]).toBe("alias");
  });
});

describe("engagement timeline", () => {
  it("starts each stage after the ones before and retries until the stage ends", () => {
    const t = planTimeline([
      { durationMinutes: 5, targets: [{ label: "email", retryMinutes: 2 }] },
      { durationMinutes: 10, targets: [{ label: "sms", retryMinutes: 0 }] },
    ]);
    expect(t.map((e) => [e.start, e.end, e.targets.map((x) => x.minutes)])).toEqual([
      [0, 5, [[0, 2, 4]]],
      [5, 15, [[5]]],
    ]);
  });
});

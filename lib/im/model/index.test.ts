import { describe, expect, it } from "vitest";
import contacts from "./ssm-contacts.json";
import incidents from "./ssm-incidents.json";
import { maxOf, memberMax } from "./index";

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

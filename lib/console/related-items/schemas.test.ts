// Related items in the start-incident and add-related-item forms: the model's input they build and
// where errors (the form's own and a server's member paths) land.
import { describe, expect, it } from "vitest";
import { startIncidentFieldFor, startIncidentFormSchema, toStartIncidentInput } from "@/lib/console/incidents/schemas";
import { addRelatedItemFieldFor, addRelatedItemFormSchema } from "./schemas";
import { toRelatedItem } from "@/lib/console/incidents/schemas";

const plan = "arn:aws:ssm-incidents::000000000000:response-plan/p";

describe("related items in forms", () => {
  it("sends an ARN as an arn and anything else as a url, with the title when given", () => {
    expect(toRelatedItem({ type: "INCIDENT", value: " arn:aws:ssm-incidents::1:incident-record/p/x ", title: "" })).toEqual({
      identifier: { type: "INCIDENT", value: { arn: "arn:aws:ssm-incidents::1:incident-record/p/x" } },
      title: undefined,
    });
    expect(toRelatedItem({ type: "OTHER", value: "https://x.example.com", title: "Docs" }).identifier?.value).toEqual({ url: "https://x.example.com" });
    const input = toStartIncidentInput({ responsePlanArn: plan, title: "", impact: "", relatedItems: [{ type: "METRIC", value: "https://m.example.com", title: "" }] });
    expect(input.relatedItems).toHaveLength(1);
    expect(toStartIncidentInput({ responsePlanArn: plan, title: "", impact: "" }).relatedItems).toBeUndefined();
  });

  it("puts a missing value on its line's field", () => {
    const r = startIncidentFormSchema.safeParse({ responsePlanArn: plan, title: "", impact: "", relatedItems: [{ type: "OTHER", value: "x", title: "" }, { type: "OTHER", value: " ", title: "" }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toContainEqual(["relatedItems.1.value", "Required."]);
    const add = addRelatedItemFormSchema.safeParse({ incidentArn: "arn:x", type: "OTHER", value: "", title: "" });
    expect(add.error?.issues.map((i) => i.path.join("."))).toContain("value");
  });

  it("maps a server's member paths to the form's fields", () => {
    expect(startIncidentFieldFor("relatedItems[2].identifier.value.url")).toBe("relatedItems.2.value");
    expect(startIncidentFieldFor("relatedItems[0].title")).toBe("relatedItems.0.title");
    expect(startIncidentFieldFor("relatedItems[0].identifier.type")).toBe("relatedItems.0.type");
    expect(startIncidentFieldFor("title")).toBe("title");
    expect(addRelatedItemFieldFor("relatedItemsUpdate.itemToAdd.identifier.value.arn")).toBe("value");
    expect(addRelatedItemFieldFor("incidentRecordArn")).toBeUndefined();
  });
});

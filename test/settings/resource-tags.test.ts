// Settings → Tags over both services (lib/console/tags/resource-tags.ts): one call shape for a response plan
// (ssm-incidents' TagMap) and a contact (ssm-contacts' TagsList); an update removes only the keys
// the admin dropped, so a tag someone else added meanwhile stays; other ARNs are refused by name.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Services } from "@/lib/im";
import { localServices } from "@/lib/im/local";
import { isImError } from "@/lib/im/errors";
import { listResourceTags, updateResourceTags } from "@/lib/console/tags/resource-tags";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

describe.each(PROVIDERS)("resource tags in either service on %s", (provider) => {
  let t: TestDatabase;
  let im: Services;
  let plan: string;
  let contact: string;

  beforeAll(async () => {
    t = await createTestDatabase(provider);
    im = localServices({ principalArn: "arn:aws:iam::000000000000:user/admin" }, { db: t.db, accountId: "000000000000", region: "us-east-1" });
    await im.incidents.createReplicationSet({ regions: { "us-east-1": {} } });
    plan = (await im.incidents.createResponsePlan({ name: "tagged", incidentTemplate: { title: "T", impact: 3 } })).arn!;
    contact = (await im.contacts.createContact({ Alias: "tagged", Type: "PERSONAL", Plan: { Stages: [] } })).ContactArn!;
  });
  afterAll(async () => t.cleanup());

  it.each([
    ["a response plan", () => plan],
    ["a contact", () => contact],
  ])("sets, changes and removes the tags of %s, leaving other keys alone", async (_, arnOf) => {
    const arn = arnOf();
    await updateResourceTags(im, arn, [{ key: "team", value: "core" }, { key: "env", value: "prod" }], []);
    expect(await listResourceTags(im, arn)).toEqual([{ key: "env", value: "prod" }, { key: "team", value: "core" }]);

    // Someone else adds a tag; the admin then drops env and changes team.
    await updateResourceTags(im, arn, [{ key: "owner", value: "sdk" }], []);
    await updateResourceTags(im, arn, [{ key: "team", value: "edge" }], ["env"]);
    expect(await listResourceTags(im, arn)).toEqual([{ key: "owner", value: "sdk" }, { key: "team", value: "edge" }]);

    await updateResourceTags(im, arn, [], ["owner", "team"]);
    expect(await listResourceTags(im, arn)).toEqual([]);
  });

  it("refuses an ARN of another service with a named error", async () => {
    const refused = await listResourceTags(im, "arn:aws:s3:::bucket").catch((e: unknown) => e);
    expect(isImError(refused) && refused.code).toBe("ValidationException");
    expect(isImError(refused) && refused.details.fields?.[0]?.name).toBe("arn");
  });
});

// Settings → Resource policies and Tags, on the shared consoles (each test makes its own plans and
// contacts): a response plan's policies added (JSON checked in the browser and by the backend),
// shown indented and deleted; tags of a response plan and a contact edited under each service's
// own rules; a responder's or viewer's replay of each change refused by the server.
import type { Request } from "@playwright/test";
import { contactsApi, createPersonalContact, createPlanThroughApi, incidentsApi } from "./support/aws-api";
import { expect, replayAction, test, uniqueName } from "./support/fixtures";

const isAction = (r: Request) => r.method() === "POST" && r.headers()["next-action"] !== undefined;

async function policiesOf(resourceArn: string) {
  return (await incidentsApi().getResourcePolicies({ resourceArn })).resourcePolicies ?? [];
}

test("an admin adds a response plan's resource policy, sees it indented with its ID, and deletes it; bad documents are refused on the field", async ({ pageAs }) => {
  const plan = uniqueName("shared-plan");
  const planArn = await createPlanThroughApi(plan, "Shared plan");
  const page = await pageAs("admin");
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Resource policies" });
  await section.getByLabel("Response plan").selectOption({ label: plan });
  await expect(section.getByText("This response plan has no resource policies.")).toBeVisible();

  const form = section.getByRole("form", { name: "Add resource policy" });
  const doc = form.getByLabel("Policy document");
  await doc.fill('{ "Version": "2012-10-17", ');
  await form.getByRole("button", { name: "Add policy" }).click();
  await expect(doc).toHaveAccessibleErrorMessage(/^⚠?\s*Not valid JSON: /);
  // JSON, but no policy: the backend's refusal lands on the same field.
  await doc.fill('{"Version":"2012-10-17"}');
  await form.getByRole("button", { name: "Add policy" }).click();
  await expect(doc).toHaveAccessibleErrorMessage(/Statement/);
  expect(await policiesOf(planArn)).toEqual([]);

  await form.getByRole("button", { name: "Fill in an example" }).click();
  await expect(doc).toHaveValue(/"Resource": "arn:aws:ssm-incidents::\d{12}:response-plan\//);
  const put = page.waitForRequest(isAction);
  await form.getByRole("button", { name: "Add policy" }).click();
  const capturedPut = await put;
  await expect(doc).toHaveValue("");
  const [stored] = await policiesOf(planArn);
  expect(stored.policyId).toBeTruthy();
  const item = section.getByRole("listitem", { name: `Policy ${stored.policyId}` });
  await expect(item.getByLabel(`Policy document ${stored.policyId}`)).toHaveText(JSON.stringify(JSON.parse(stored.policyDocument!), null, 2));

  // One added elsewhere, compact: shown indented too.
  const compact = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "444455556666" }, Action: "ssm-incidents:GetResponsePlan", Resource: planArn }] };
  const { policyId: otherId } = await incidentsApi().putResourcePolicy({ resourceArn: planArn, policy: JSON.stringify(compact) });
  await page.reload();
  await section.getByLabel("Response plan").selectOption({ label: plan });
  const other = section.getByRole("listitem", { name: `Policy ${otherId}` });
  await expect(other.getByLabel(`Policy document ${otherId}`)).toHaveText(JSON.stringify(compact, null, 2));

  // Deleted after a confirmation.
  await item.getByRole("button", { name: `Delete policy ${stored.policyId}` }).click();
  const dialog = page.getByRole("dialog", { name: "Delete resource policy" });
  await expect(dialog).toContainText(stored.policyId!);
  const del = page.waitForRequest(isAction);
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  const capturedDelete = await del;
  await expect(dialog).toBeHidden();
  await expect(item).toHaveCount(0);
  expect((await policiesOf(planArn)).map((p) => p.policyId)).toEqual([otherId]);

  // A responder or a viewer replaying either change (the delete aimed at the remaining policy) is refused.
  for (const role of ["responder", "viewer"] as const) {
    const theirs = await pageAs(role);
    expect(await replayAction(theirs, capturedPut)).toContain("AccessDeniedException");
    expect(await replayAction(theirs, capturedDelete, capturedDelete.postData()!.replace(stored.policyId!, otherId!))).toContain("AccessDeniedException");
    expect((await theirs.request.get(`/api/settings/resource-policies?arn=${encodeURIComponent(planArn)}`)).status()).toBe(403);
  }
  expect((await policiesOf(planArn)).map((p) => p.policyId)).toEqual([otherId]);
});

test("an admin edits the tags of a response plan and of a contact, each under its service's tag rules", async ({ pageAs }) => {
  const plan = uniqueName("tagged-plan");
  const planArn = await createPlanThroughApi(plan, "Tagged plan");
  const contact = await createPersonalContact("tagged");
  const page = await pageAs("admin");
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Tags" });
  // The picker offers the replication set too.
  const { replicationSetArns } = await incidentsApi().listReplicationSets({});
  await expect(section.getByLabel("Resource", { exact: true }).locator("option", { hasText: "Replication set" })).toHaveAttribute("value", replicationSetArns![0]);

  // A response plan (ssm-incidents): picked by name.
  await section.getByLabel("Resource", { exact: true }).selectOption({ label: plan });
  await expect(section.getByLabel("Resource ARN")).toHaveValue(planArn);
  const planTags = section.getByRole("form", { name: `Tags of ${planArn}` });
  await expect(planTags.getByText("No tags. Add one below.")).toBeVisible();
  await planTags.getByRole("button", { name: "Add tag" }).click();
  await planTags.getByLabel("Key 1").fill("aws:owner");
  await planTags.getByLabel("Value 1").fill("core");
  await planTags.getByRole("button", { name: "Add tag" }).click();
  await planTags.getByLabel("Key 2").fill("env");
  await planTags.getByLabel("Value 2").fill("prod!");
  await planTags.getByRole("button", { name: "Save tags" }).click();
  await expect(planTags.getByLabel("Key 1")).toHaveAccessibleErrorMessage(/regular expression pattern/);
  await expect(planTags.getByLabel("Value 2")).toHaveAccessibleErrorMessage(/regular expression pattern/);
  await planTags.getByLabel("Key 1").fill("team");
  await planTags.getByLabel("Value 2").fill("prod");
  const save = page.waitForRequest(isAction);
  await planTags.getByRole("button", { name: "Save tags" }).click();
  const capturedSave = await save;
  await expect(section.getByRole("status").filter({ hasText: "Tags saved." })).toBeVisible();
  expect((await incidentsApi().listTagsForResource({ resourceArn: planArn })).tags).toEqual({ team: "core", env: "prod" });

  // The editor shows them as stored (by key).
  await expect(planTags.getByLabel("Key 1")).toHaveValue("env");
  await expect(planTags.getByLabel("Key 2")).toHaveValue("team");

  // Removing one leaves a tag someone else added meanwhile alone.
  await incidentsApi().tagResource({ resourceArn: planArn, tags: { owner: "sdk" } });
  await planTags.getByRole("button", { name: "Remove tag 1" }).click();
  await planTags.getByRole("button", { name: "Save tags" }).click();
  await expect(planTags.getByLabel("Key 1")).toHaveValue("owner");
  await expect(planTags.getByLabel("Key 2")).toHaveValue("team");
  expect((await incidentsApi().listTagsForResource({ resourceArn: planArn })).tags).toEqual({ team: "core", owner: "sdk" });

  // A contact (ssm-contacts), by ARN: its tags need a value.
  await section.getByLabel("Resource ARN").fill(contact.arn);
  await section.getByRole("button", { name: "View tags" }).click();
  const contactTags = section.getByRole("form", { name: `Tags of ${contact.arn}` });
  await contactTags.getByRole("button", { name: "Add tag" }).click();
  await contactTags.getByLabel("Key 1").fill("team");
  await contactTags.getByRole("button", { name: "Save tags" }).click();
  await expect(contactTags.getByLabel("Value 1")).toHaveAccessibleErrorMessage(/Must have length greater than or equal to 1\./);
  await contactTags.getByLabel("Value 1").fill("core");
  await contactTags.getByRole("button", { name: "Save tags" }).click();
  await expect(section.getByRole("status").filter({ hasText: "Tags saved." })).toBeVisible();
  expect((await contactsApi().listTagsForResource({ ResourceARN: contact.arn })).Tags).toEqual([{ Key: "team", Value: "core" }]);

  // An ARN outside Incident Manager is refused on the field.
  await section.getByLabel("Resource ARN").fill("arn:aws:s3:::some-bucket");
  await section.getByRole("button", { name: "View tags" }).click();
  await expect(section.getByLabel("Resource ARN")).toHaveAccessibleErrorMessage(/Enter the ARN of an Incident Manager resource/);

  // A responder or a viewer replaying the save (it would set env=prod again) is refused.
  for (const role of ["responder", "viewer"] as const) {
    const theirs = await pageAs(role);
    expect(await replayAction(theirs, capturedSave)).toContain("AccessDeniedException");
    expect((await theirs.request.get(`/api/settings/tags?arn=${encodeURIComponent(planArn)}`)).status()).toBe(403);
  }
  expect((await incidentsApi().listTagsForResource({ resourceArn: planArn })).tags).toEqual({ team: "core", owner: "sdk" });
});

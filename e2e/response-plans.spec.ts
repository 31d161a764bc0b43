// Response plans: create one with every section (incident defaults, notification targets, chat
// channel, engagements from the picker, runbook, PagerDuty, tags), read it back on its page and in
// the list, edit each section from the page, start an incident from it, delete it by typing its
// name. Inline model errors per section; a viewer sees no controls and the server refuses a forced
// update or delete. Runs on both consoles.
import type { Page, Request } from "@playwright/test";
import { contactsApi, createPersonalContact, createPlanThroughApi, incidentsApi } from "./support/aws-api";
import { createResponsePlan, expect, pickEngagement, test, uniqueName, replayAction } from "./support/fixtures";

const SNS = (name: string) => `arn:aws:sns:us-east-1:000000000000:${name}`;
const ROLE = "arn:aws:iam::000000000000:role/IncidentRunbook";

async function escalationPlanThroughApi(tag: string, contactArn: string): Promise<{ arn: string; alias: string }> {
  const alias = uniqueName(tag).toLowerCase();
  const { ContactArn } = await contactsApi().createContact({
    Alias: alias,
    DisplayName: `Escalation ${alias}`,
    Type: "ESCALATION",
    Plan: { Stages: [{ DurationInMinutes: 5, Targets: [{ ContactTargetInfo: { ContactId: contactArn, IsEssential: true } }] }] },
  });
  return { arn: ContactArn!, alias };
}

const section = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

async function openEditor(page: Page, name: string) {
  await page.getByRole("button", { name: `Edit ${name.toLowerCase()}` }).click();
  return page.getByRole("dialog", { name: `Edit ${name.toLowerCase()}` });
}

test("a responder creates a plan with every section, reads it back, edits each part, starts an incident from it, and deletes it", async ({ pageAs }) => {
  test.slow();
  const contact = await createPersonalContact("rp-person");
  const escalation = await escalationPlanThroughApi("rp-escalate", contact.arn);
  const name = uniqueName("full-plan");
  const page = await pageAs("responder");

  await page.goto("/response-plans");
  await page.getByRole("link", { name: "Create response plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create response plan" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel(/^Display name/).fill("Payments down");
  await page.getByLabel("Title", { exact: true }).fill("Payments are failing");
  await page.getByLabel("Impact", { exact: true }).selectOption({ label: "2 High" });
  await page.getByLabel(/^Summary/).fill("Card payments fail at checkout.");
  await page.getByLabel(/^Dedupe string/).fill(`payments-${name}`);
  await page.getByRole("button", { name: "Add incident tag" }).click();
  await page.getByLabel("Incident tag key 1").fill("service");
  await page.getByLabel("Incident tag value 1").fill("payments");
  await page.getByRole("button", { name: "Add notification target" }).click();
  await page.getByLabel("Notification target ARN 1").fill(SNS("incident-alerts"));
  await page.getByRole("radio", { name: "AWS Chatbot SNS topics" }).check();
  await page.getByRole("button", { name: "Add SNS topic" }).click();
  await page.getByLabel("SNS topic ARN 1").fill(SNS("chat-payments"));
  await pickEngagement(page, contact.alias, `Contact ${contact.alias} (${contact.alias}) · contact`);
  await pickEngagement(page, escalation.alias, `Escalation ${escalation.alias} (${escalation.alias}) · escalation plan`);
  await page.getByRole("radio", { name: "SSM Automation document" }).check();
  await page.getByLabel("Document name").fill("AWSIncidents-CriticalIncidentRunbookTemplate");
  await page.getByLabel("Role ARN").fill(ROLE);
  await page.getByLabel(/^Target account/).selectOption({ label: "Impacted account" });
  await page.getByRole("button", { name: "Add parameter" }).click();
  await page.getByLabel("Parameter name 1", { exact: true }).fill("Environment");
  await page.getByLabel("Values of parameter 1").fill("prod\nstaging");
  await page.getByRole("button", { name: "Add dynamic parameter" }).click();
  await page.getByLabel("Dynamic parameter name 1").fill("IncidentArn");
  await page.getByLabel("Value of dynamic parameter 1").selectOption({ label: "Incident ARN" });
  await page.getByRole("radio", { name: "PagerDuty" }).check();
  await page.getByLabel("PagerDuty configuration name").fill("payments-pd");
  await page.getByLabel("PagerDuty service ID").fill("PSERVICE1");
  await page.getByLabel("Secret ID").fill("pagerduty/payments");
  await page.getByRole("button", { name: "Add tag", exact: true }).click();
  await page.getByLabel("Tag key 1", { exact: true }).fill("team");
  await page.getByLabel("Tag value 1", { exact: true }).fill("payments");
  await page.getByRole("button", { name: "Create response plan" }).click();

  // Every section reads back on the plan's page.
  await expect(page).toHaveURL(new RegExp(`/response-plans/${name}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Payments down" })).toBeVisible();
  const defaults = section(page, "Incident defaults");
  await expect(defaults).toContainText("Payments are failing");
  await expect(defaults).toContainText("2 High");
  await expect(defaults).toContainText("Card payments fail at checkout.");
  await expect(defaults).toContainText(`payments-${name}`);
  await expect(defaults).toContainText("service");
  await expect(section(page, "Notification targets")).toContainText(SNS("incident-alerts"));
  await expect(section(page, "Chat channel")).toContainText(SNS("chat-payments"));
  const engagements = section(page, "Engagements").getByRole("table", { name: "Engagements" });
  await expect(engagements.getByRole("row", { name: new RegExp(contact.alias) })).toContainText("Contact");
  await expect(engagements.getByRole("row", { name: new RegExp(escalation.alias) })).toContainText("Escalation plan");
  const runbook = section(page, "Runbook");
  await expect(runbook).toContainText("AWSIncidents-CriticalIncidentRunbookTemplate");
  await expect(runbook).toContainText(ROLE);
  await expect(runbook).toContainText("Impacted account");
  await expect(runbook.getByRole("list", { name: "Parameters", exact: true })).toContainText("Environment: prod, staging");
  await expect(runbook.getByRole("list", { name: "Dynamic parameters" })).toContainText("IncidentArn: Incident ARN");
  await expect(section(page, "Integrations")).toContainText("PSERVICE1");
  await expect(section(page, "Tags")).toContainText("team");
  await expect(section(page, "Tags")).toContainText("payments");

  // The same through the API: the console sent what the form showed.
  const planArn = (await section(page, "Response plan details").getByText(/^arn:aws:ssm-incidents:/).textContent())!;
  const stored = await incidentsApi().getResponsePlan({ arn: planArn });
  expect(stored.actions?.[0]?.ssmAutomation?.parameters).toEqual({ Environment: ["prod", "staging"] });
  expect(stored.engagements).toEqual([contact.arn, escalation.arn]);

  // An engagement links to its contact's page and its escalation plan's page.
  await engagements.getByRole("link", { name: `Escalation ${escalation.alias} (${escalation.alias})` }).click();
  await expect(page).toHaveURL(new RegExp(`/escalation-plans/${escalation.alias}$`));

  // The list: name, display name, impact, how many are engaged, tags.
  await page.goto("/response-plans");
  const row = page.getByRole("table", { name: "Response plans" }).getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(row).toContainText("Payments down");
  await expect(row).toContainText("2 High");
  await expect(row.getByRole("cell").nth(3)).toHaveText("2");
  await expect(row).toContainText("team: payments");
  await row.getByRole("link", { name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/response-plans/${name}$`));

  // Incident defaults: a blanked title is refused inline, then saved.
  let dialog = await openEditor(page, "Incident defaults");
  await dialog.getByLabel("Title", { exact: true }).fill("");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog.getByLabel("Title", { exact: true })).toHaveAccessibleErrorMessage("Required.");
  await dialog.getByLabel("Title", { exact: true }).fill("Payments are failing again");
  await dialog.getByLabel("Impact", { exact: true }).selectOption({ label: "1 Critical" });
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(defaults).toContainText("Payments are failing again");
  await expect(defaults).toContainText("1 Critical");

  // Engagements: the escalation plan goes.
  dialog = await openEditor(page, "Engagements");
  await dialog.getByRole("button", { name: `Remove ${escalation.alias}` }).click();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(engagements.getByRole("row", { name: new RegExp(escalation.alias) })).toHaveCount(0);
  await expect(engagements.getByRole("row", { name: new RegExp(contact.alias) })).toBeVisible();

  // Chat channel: none.
  dialog = await openEditor(page, "Chat channel");
  await dialog.getByRole("radio", { name: "No chat channel" }).check();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(section(page, "Chat channel")).toContainText("No chat channel.");

  // Runbook: a role ARN that isn't one is refused on its field; then a new version.
  dialog = await openEditor(page, "Runbook");
  await dialog.getByLabel("Role ARN").fill("arn:aws:iam::000000000000:user/someone");
  await dialog.getByLabel(/^Document version/).fill("3");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog.getByLabel("Role ARN")).toHaveAccessibleErrorMessage(/regular expression pattern/);
  await dialog.getByLabel("Role ARN").fill(ROLE);
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(runbook).toContainText("Document version3");

  // Integrations: removed. Notification targets: a second topic.
  dialog = await openEditor(page, "Integrations");
  await dialog.getByRole("radio", { name: "No integration" }).check();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(section(page, "Integrations")).toContainText("No integration.");
  dialog = await openEditor(page, "Notification targets");
  await dialog.getByRole("button", { name: "Add notification target" }).click();
  await dialog.getByLabel("Notification target ARN 2").fill(SNS("second"));
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(section(page, "Notification targets").getByRole("listitem")).toHaveCount(2);

  // Tags (TagResource / UntagResource): one replaced by another.
  dialog = await openEditor(page, "Tags");
  await dialog.getByRole("button", { name: "Remove tag 1" }).click();
  await dialog.getByRole("button", { name: "Add tag", exact: true }).click();
  await dialog.getByLabel("Tag key 1", { exact: true }).fill("owner");
  await dialog.getByLabel("Tag value 1", { exact: true }).fill("checkout");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(section(page, "Tags")).toContainText("owner");
  await expect(section(page, "Tags")).not.toContainText("team");
  expect((await incidentsApi().listTagsForResource({ resourceArn: planArn })).tags).toEqual({ owner: "checkout" });

  // Display name (details): the heading follows.
  dialog = await openEditor(page, "Response plan details");
  await expect(dialog.getByLabel("Name", { exact: true })).toHaveAttribute("readonly", "");
  await dialog.getByLabel(/^Display name/).fill("Payments outage");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Payments outage" })).toBeVisible();

  // Start an incident from this plan: the dialog opens on it, with its template.
  await page.getByRole("button", { name: "Start incident from this plan" }).click();
  const start = page.getByRole("dialog", { name: "Start incident" });
  await expect(start.getByLabel("Response plan")).toHaveValue(planArn);
  await expect(start.getByLabel("Title")).toHaveValue("Payments are failing again");
  await start.getByRole("button", { name: "Start", exact: true }).click();
  await expect(page).toHaveURL(/\/incidents\/[A-Za-z0-9_-]+\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Payments are failing again" })).toBeVisible();

  // Delete: only the typed name enables it; then the list, without the plan.
  await page.goto(`/response-plans/${name}`);
  await page.getByRole("button", { name: "Delete" }).click();
  const del = page.getByRole("dialog", { name: "Delete response plan" });
  await del.getByLabel(`To confirm, type "${name}"`).fill("not-the-name");
  await expect(del.getByRole("button", { name: "Delete" })).toBeDisabled();
  await del.getByLabel(`To confirm, type "${name}"`).fill(name);
  await del.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/response-plans$/);
  await expect(page.getByRole("table", { name: "Response plans" }).getByRole("link", { name, exact: true })).toHaveCount(0);
  await page.goto(`/response-plans/${name}`);
  await expect(page.getByRole("heading", { name: "Response plan not found" })).toBeVisible();
});

test("the create form puts each section's model errors inline and stops the engagement picker at five", async ({ pageAs }) => {
  const contacts = await Promise.all(Array.from({ length: 6 }, (_, i) => createPersonalContact(`five-${i}`)));
  const page = await pageAs("admin");
  await page.goto("/response-plans/create");
  await page.getByLabel("Name", { exact: true }).fill(uniqueName("errors"));
  await page.getByLabel("Title", { exact: true }).fill("Errors");
  await page.getByLabel("Impact", { exact: true }).selectOption({ label: "3 Medium" });
  await page.getByRole("button", { name: "Add incident tag" }).click();
  await page.getByLabel("Incident tag key 1").fill("aws:reserved");
  await page.getByRole("radio", { name: "AWS Chatbot SNS topics" }).check();
  await page.getByRole("radio", { name: "SSM Automation document" }).check();
  await page.getByLabel("Document name").fill("no");
  await page.getByRole("button", { name: "Add dynamic parameter" }).click();
  await page.getByLabel("Dynamic parameter name 1").fill("Resources");
  await page.getByRole("radio", { name: "PagerDuty" }).check();
  await page.getByLabel("PagerDuty configuration name").fill("pd");
  await page.getByRole("button", { name: "Add tag", exact: true }).click();
  await page.getByLabel("Tag key 1", { exact: true }).fill("team");
  await page.getByRole("button", { name: "Add tag", exact: true }).click();
  await page.getByLabel("Tag key 2", { exact: true }).fill("team");
  for (const c of contacts.slice(0, 5)) await pickEngagement(page, c.alias, `Contact ${c.alias} (${c.alias}) · contact`);
  await expect(page.getByRole("searchbox", { name: "Search contacts and escalation plans" })).toBeDisabled();
  await expect(page.getByText("Remove one to choose another.")).toBeVisible();
  await page.getByRole("button", { name: "Create response plan" }).click();

  await expect(page.getByLabel("Incident tag key 1")).toHaveAccessibleErrorMessage(/regular expression pattern/);
  await expect(section(page, "Chat channel").getByRole("alert")).toHaveText(/Must have length greater than or equal to 1/);
  await expect(page.getByLabel("Document name")).toHaveAccessibleErrorMessage(/regular expression pattern/);
  await expect(page.getByLabel("Role ARN")).toHaveAccessibleErrorMessage("Required.");
  await expect(page.getByLabel("Value of dynamic parameter 1")).toHaveAccessibleErrorMessage("Choose a value.");
  await expect(page.getByLabel("PagerDuty service ID")).toHaveAccessibleErrorMessage("Required.");
  await expect(page.getByLabel("Secret ID")).toHaveAccessibleErrorMessage("Required.");
  await expect(page.getByLabel("Tag key 2", { exact: true })).toHaveAccessibleErrorMessage('The key "team" is used twice.');
  await expect(page).toHaveURL(/\/response-plans\/create$/);

  // Remove one and the picker takes another.
  await page.getByRole("button", { name: `Remove ${contacts[0].alias}` }).click();
  await pickEngagement(page, contacts[5].alias, `Contact ${contacts[5].alias} (${contacts[5].alias}) · contact`);
  await expect(page.getByRole("list", { name: "Chosen engagements" }).getByRole("listitem")).toHaveCount(5);
});

test("a viewer sees plans without controls, and the server refuses a forced update and delete", async ({ pageAs }) => {
  const kept = uniqueName("viewer-kept");
  const gone = uniqueName("viewer-gone");
  const keptArn = await createPlanThroughApi(kept, "Kept template", 3);
  const goneArn = await createPlanThroughApi(gone, "Gone template", 3);
  const responder = await pageAs("responder");
  const capture = () => responder.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);

  // The responder's update of a section, and delete of another plan: captured to post again.
  await responder.goto(`/response-plans/${kept}`);
  const dialog = await openEditor(responder, "Incident defaults");
  await dialog.getByLabel("Title", { exact: true }).fill("Responder title");
  let request: Promise<Request> = capture();
  await dialog.getByRole("button", { name: "Save changes" }).click();
  const update = await request;
  await expect(section(responder, "Incident defaults")).toContainText("Responder title");
  await responder.goto(`/response-plans/${gone}`);
  await responder.getByRole("button", { name: "Delete" }).click();
  await responder.getByLabel(`To confirm, type "${gone}"`).fill(gone);
  request = capture();
  await responder.getByRole("dialog", { name: "Delete response plan" }).getByRole("button", { name: "Delete" }).click();
  const remove = await request;
  await expect(responder).toHaveURL(/\/response-plans$/);

  const viewer = await pageAs("viewer");
  await viewer.goto("/response-plans");
  await expect(viewer.getByRole("heading", { level: 1, name: "Response plans" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Create response plan" })).toHaveCount(0);
  await viewer.getByRole("table", { name: "Response plans" }).getByRole("link", { name: kept, exact: true }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: kept })).toBeVisible();
  await expect(section(viewer, "Incident defaults")).toContainText("Responder title");
  await expect(viewer.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Start incident from this plan" })).toHaveCount(0);
  await viewer.goto("/response-plans/create");
  await expect(viewer.getByText("AccessDeniedException")).toBeVisible();

  // Posted with the viewer's session: the update with another title, the delete aimed at the kept plan.
  const forcedUpdate = await replayAction(viewer, update, (update.postData() ?? "").replace("Responder title", "Viewer title"));
  expect(forcedUpdate).toContain("AccessDeniedException");
  const forcedDelete = await replayAction(viewer, remove, (remove.postData() ?? "").replace(goneArn, keptArn));
  expect(forcedDelete).toContain("AccessDeniedException");
  const plan = await incidentsApi().getResponsePlan({ arn: keptArn });
  expect(plan.incidentTemplate?.title).toBe("Responder title");
});

test("the response plan pages fit a phone", async ({ pageAs }, testInfo) => {
  const name = uniqueName("phone-plan");
  const page = await pageAs("responder");
  await createResponsePlan(page, { name, displayName: "Phone plan", title: "Phone", impact: "3 Medium" });
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of ["/response-plans", "/response-plans/create", `/response-plans/${name}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`${path.split("/").pop()}.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});

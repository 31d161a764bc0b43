// Engagements and My pages: a responder links their contact, engages it and another contact for
// an incident, sees the pages and their receipts, acknowledges the page addressed to them, stops
// the other engagement; My pages lists their pages and acknowledges one. A viewer sees no
// controls. Runs on both consoles (local and aws mode).
import { contactsApi, createPersonalContact, createPlanThroughApi, incidentsApi } from "./support/aws-api";
import { expect, test, uniqueName, replayAction } from "./support/fixtures";
import { incidentPath } from "../lib/console/incidents/paths";
import type { Page } from "@playwright/test";

async function newIncident(title: string): Promise<string> {
  const planArn = await createPlanThroughApi(uniqueName("engage-plan"), "Engage template", 3);
  const { incidentRecordArn } = await incidentsApi().startIncident({ responsePlanArn: planArn, title });
  return incidentRecordArn!;
}

async function linkMyContact(page: Page, alias: string) {
  await page.goto("/pages");
  await page.getByLabel("Your contact").selectOption({ label: `Contact ${alias} (${alias}) · contact` });
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByText(`You are ${alias}`)).toBeVisible();
}

async function engage(page: Page, alias: string) {
  await page.getByRole("button", { name: "Engage contact" }).click();
  const dialog = page.getByRole("dialog", { name: "Engage contact" });
  await dialog.getByLabel("Contact or escalation plan").selectOption({ label: `Contact ${alias} (${alias}) · contact` });
  await dialog.getByRole("button", { name: "Engage", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: `Engagement of ${alias}` })).toBeVisible();
}

test("a responder engages contacts, acknowledges the page to them, stops an engagement, and uses My pages", async ({ pageAs }) => {
  const me = await createPersonalContact("me");
  const other = await createPersonalContact("other");
  const title = `Engagements ${uniqueName("t")}`;
  const arn = await newIncident(title);
  const page = await pageAs("responder");
  await linkMyContact(page, me.alias);
  // The list before anyone is engaged (in aws mode this also fills the console's counts cache,
  // which the changes below must make it forget).
  await page.goto(`/incidents?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("table", { name: "Open incidents" }).getByRole("row", { name: new RegExp(title) })).toContainText("None");

  await page.goto(incidentPath(arn, "engagements"));
  await expect(page.getByText("Nobody has been engaged for this incident.")).toBeVisible();
  // Nothing chosen: the error is on the field.
  await page.getByRole("button", { name: "Engage contact" }).click();
  const dialog = page.getByRole("dialog", { name: "Engage contact" });
  await dialog.getByRole("button", { name: "Engage", exact: true }).click();
  await expect(dialog.getByLabel("Contact or escalation plan")).toHaveAccessibleErrorMessage("Choose a contact or escalation plan.");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  await engage(page, me.alias);
  await engage(page, other.alias);

  // My page: the engine tried its e-mail channel (not activated: an ERROR receipt), then I acknowledge it.
  const mine = page.getByRole("table", { name: `Pages of ${me.alias}` });
  await expect(mine.getByRole("cell", { name: `${me.alias} (you)` })).toBeVisible();
  await expect(mine.getByRole("list", { name: `Receipts of the page to ${me.alias}` })).toContainText("Error");
  await expect(page.getByRole("table", { name: `Pages of ${other.alias}` }).getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
  const ackRequest = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await mine.getByRole("button", { name: `Acknowledge the page to ${me.alias}` }).click();
  const captured = await ackRequest;
  await expect(mine.getByRole("list", { name: `Receipts of the page to ${me.alias}` })).toContainText("Read");
  await expect(mine.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);

  // The same action for the other contact's page: refused, it isn't addressed to me.
  const myPage = (await contactsApi().listPagesByContact({ ContactId: me.arn })).Pages![0].PageArn!;
  const othersPage = (await contactsApi().listPagesByContact({ ContactId: other.arn })).Pages![0].PageArn!;
  const forcedText = await replayAction(page, captured, (captured.postData() ?? "").replace(myPage, othersPage));
  expect(forcedText).toContain("not addressed to you");
  expect((await contactsApi().describePage({ PageId: othersPage })).ReadTime).toBeUndefined();

  // Stop the other engagement, with a reason, after a confirmation.
  await page.getByRole("button", { name: `Stop engagement of ${other.alias}` }).click();
  const stop = page.getByRole("dialog", { name: `Stop engagement of ${other.alias}` });
  await stop.getByLabel("Reason").fill("Found the owner");
  await stop.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(stop).toBeHidden();
  const otherPanel = page.getByRole("region", { name: `Engagement of ${other.alias}` });
  await expect(otherPanel.getByText(/^Stopped/).first()).toBeVisible();
  await expect(otherPanel.getByRole("list", { name: `Receipts of the page to ${other.alias}` })).toContainText("Stopped");
  await expect(page.getByRole("button", { name: `Stop engagement of ${other.alias}` })).toHaveCount(0);

  // The list counts one of two engagements acknowledged.
  await page.goto(`/incidents?q=${encodeURIComponent(title)}`);
  await expect(page.getByRole("table", { name: "Open incidents" }).getByText("1/2 acknowledged")).toBeVisible();

  // A second incident pages me: My pages lists it, newest first, and acknowledges it.
  const second = `Second page ${uniqueName("t")}`;
  const secondArn = await newIncident(second);
  await page.goto(incidentPath(secondArn, "engagements"));
  await engage(page, me.alias);
  await page.getByRole("navigation", { name: "Side navigation" }).getByRole("link", { name: "My pages" }).click();
  const inbox = page.getByRole("table", { name: "My pages" });
  await expect(inbox.getByRole("row")).toHaveCount(3); // header + two pages
  await expect(inbox.getByRole("row").nth(1)).toContainText(second);
  await expect(inbox.getByRole("row").nth(2)).toContainText(title);
  await expect(inbox.getByRole("row").nth(2)).toContainText("Acknowledged");
  await inbox.getByRole("button", { name: `Acknowledge ${second}` }).click();
  await expect(inbox.getByRole("row").nth(1)).toContainText("Acknowledged");
  await expect(inbox.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
  await inbox.getByRole("link", { name: second }).click();
  await expect(page.getByRole("heading", { level: 1, name: second })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Engagements" })).toHaveAttribute("aria-selected", "true");
});

test("a viewer sees engagements without controls", async ({ pageAs }) => {
  const contact = await createPersonalContact("seen");
  const arn = await newIncident(`Viewer engagements ${uniqueName("t")}`);
  const responder = await pageAs("responder");
  await responder.goto(incidentPath(arn, "engagements"));
  await engage(responder, contact.alias);

  const viewer = await pageAs("viewer");
  await viewer.goto(incidentPath(arn, "engagements"));
  await expect(viewer.getByRole("heading", { name: `Engagement of ${contact.alias}` })).toBeVisible();
  await expect(viewer.getByRole("table", { name: `Pages of ${contact.alias}` }).getByRole("cell", { name: contact.alias, exact: true })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Engage contact" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /^Stop engagement/ })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
});

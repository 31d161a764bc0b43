// Engagements must end, visibly (issue 16): each engagement says in words whether it is paging
// (which stage, when the next one starts), who acknowledged it and when, that it finished with
// nobody acknowledging, or that it was stopped and why — on the incident's Engagements tab, the
// Engagements list and the engagement's page. Resolving the incident offers "Stop paging for this
// incident" (checked), which stops the engagements still paging and leaves the others alone. Who
// stopped one through the console is named; AWS's StopEngagement records no one.
// Runs on both consoles (local and aws mode).
import type { Browser, Page } from "@playwright/test";
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { hashPassword } from "../lib/auth/password";
import { contactsApi, createPlanThroughApi, incidentsApi } from "./support/aws-api";
import { awsModeDatabaseFile, e2eDatabaseFile } from "./support/env";
import { expect, signInAs, test, uniqueName } from "./support/fixtures";
import { incidentPath } from "../lib/console/incidents/paths";

/**
 * A responder of this test's own, straight into the console's SQLite file (as global-setup adds
 * the shared ones): the contact linked as "me" is the user's, and the shared responder's link
 * belongs to other specs running at the same time.
 */
async function ownResponder(browser: Browser, baseURL: string, awsMode: boolean): Promise<{ page: Page; name: string; close: () => Promise<void> }> {
  const email = `${uniqueName("pager")}@example.com`;
  const name = `Pager ${email.slice(6, 12)}`;
  const password = "an-own-responder-password";
  const db = new Database(awsMode ? awsModeDatabaseFile() : e2eDatabaseFile());
  try {
    const now = new Date().toISOString().replace("Z", "+00:00");
    db.prepare(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "active", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, 'responder', 1, ?, ?)`,
    ).run(randomUUID(), email, name, await hashPassword(password), now, now);
  } finally {
    db.close();
  }
  const context = await browser.newContext({ baseURL });
  await signInAs(context, { email, password });
  return { page: await context.newPage(), name, close: () => context.close() };
}

/** A personal contact whose plan has stages of these durations, each paging its e-mail channel (not activated). */
async function contactWithStages(tag: string, durations: number[]): Promise<{ arn: string; alias: string; name: string }> {
  const api = contactsApi();
  const alias = uniqueName(tag).toLowerCase();
  const name = `Contact ${alias}`;
  const { ContactArn } = await api.createContact({ Alias: alias, DisplayName: name, Type: "PERSONAL", Plan: { Stages: [] } });
  const { ContactChannelArn } = await api.createContactChannel({
    ContactId: ContactArn!,
    Name: "work email",
    Type: "EMAIL",
    DeliveryAddress: { SimpleAddress: `${alias}@example.com` },
    DeferActivation: true,
  });
  await api.updateContact({
    ContactId: ContactArn!,
    Plan: { Stages: durations.map((d) => ({ DurationInMinutes: d, Targets: [{ ChannelTargetInfo: { ContactChannelId: ContactChannelArn!, RetryIntervalInMinutes: 0 } }] })) },
  });
  return { arn: ContactArn!, alias, name };
}

async function engage(contactArn: string, incidentArn: string, subject: string): Promise<string> {
  const { EngagementArn } = await contactsApi().startEngagement({ ContactId: contactArn, Sender: "e2e@example.com", Subject: subject, Content: subject, IncidentId: incidentArn });
  return EngagementArn!;
}

async function linkMyContact(page: Page, alias: string) {
  await page.goto("/pages");
  await page.getByLabel("Your contact").selectOption({ label: `Contact ${alias} (${alias}) · contact` });
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByText(`You are ${alias}`)).toBeVisible();
}

test("engagements say in words how they stand, and resolving the incident stops the ones still paging", async ({ browser, baseURL }, testInfo) => {
  const me = await contactWithStages("me", [5]);
  const slow = await contactWithStages("slow", [5, 5]);
  const quick = await contactWithStages("quick", [0]);
  const halted = await contactWithStages("halted", [5]);
  const elsewhere = await contactWithStages("cli", [5]);
  const title = `Paging state ${uniqueName("t")}`;
  const planArn = await createPlanThroughApi(uniqueName("state-plan"), "State template", 3);
  const { incidentRecordArn } = await incidentsApi().startIncident({ responsePlanArn: planArn, title });
  const incidentArn = incidentRecordArn!;
  const slowSubject = `Slow ${uniqueName("s")}`;
  const slowEngagement = await engage(slow.arn, incidentArn, slowSubject);
  const quickEngagement = await engage(quick.arn, incidentArn, `Quick ${uniqueName("s")}`);
  const myEngagement = await engage(me.arn, incidentArn, `Mine ${uniqueName("s")}`);
  await engage(halted.arn, incidentArn, `Halted ${uniqueName("s")}`);
  // Stopped outside the console (the API): the reason, but nobody to name.
  const cliEngagement = await engage(elsewhere.arn, incidentArn, `CLI ${uniqueName("s")}`);
  await contactsApi().stopEngagement({ EngagementId: cliEngagement, Reason: "Paused from the CLI" });

  const own = await ownResponder(browser, baseURL!, testInfo.project.name === "aws-mode");
  const page = own.page;
  const by = own.name;
  await linkMyContact(page, me.alias);
  await page.goto(incidentPath(incidentArn, "engagements"));
  const panel = (alias: string) => page.getByRole("region", { name: `Engagement of ${alias}` });

  // Paging: which stage of how many, and when the next starts.
  await expect(panel(slow.alias)).toContainText(/Paging — stage 1 of 2, next stage in [45] min/);
  // A plan whose only stage lasts 0 minutes is over at once, with nobody acknowledging.
  await expect(panel(quick.alias)).toContainText("Finished — nobody acknowledged");
  await expect(panel(me.alias)).toContainText("Paging — stage 1 of 1");
  await expect(panel(elsewhere.alias)).toContainText("Stopped: Paused from the CLI");

  // Acknowledged: by the contact's name, at a time of day.
  await panel(me.alias).getByRole("button", { name: `Acknowledge the page to ${me.alias}` }).click();
  await expect(panel(me.alias)).toContainText(new RegExp(`Acknowledged by ${me.name} at \\d\\d:\\d\\d`));

  // Stopped, with the reason given.
  await page.getByRole("button", { name: `Stop engagement of ${halted.alias}` }).click();
  const stop = page.getByRole("dialog", { name: `Stop engagement of ${halted.alias}` });
  await stop.getByLabel("Reason").fill("Found the owner");
  await stop.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(stop).toBeHidden();
  await expect(panel(halted.alias)).toContainText(`Stopped by ${by}: Found the owner`);

  // Resolving offers to stop the paging, checked by default.
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  const resolve = page.getByRole("dialog", { name: "Resolve incident" });
  await expect(resolve.getByRole("checkbox", { name: /Stop paging for this incident/ })).toBeChecked();
  await resolve.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(resolve).toBeHidden();
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
  await expect(panel(slow.alias)).toContainText(`Stopped by ${by}: Incident resolved`);
  // The others are left as they were: AWS's StopTime is set only on the one that was paging.
  await expect(panel(quick.alias)).toContainText("Finished — nobody acknowledged");
  await expect(panel(me.alias)).toContainText(`Acknowledged by ${me.name}`);
  expect((await contactsApi().describeEngagement({ EngagementId: slowEngagement })).StopTime).toBeDefined();
  expect((await contactsApi().describeEngagement({ EngagementId: quickEngagement })).StopTime).toBeUndefined();
  expect((await contactsApi().describeEngagement({ EngagementId: myEngagement })).StopTime).toBeUndefined();

  // The Engagements list says the same, and names the incident by its title (its ARN on hover).
  await page.goto(`/engagements?incident=${encodeURIComponent(incidentArn)}`);
  const list = page.getByRole("table", { name: "Engagements" });
  const slowRow = list.getByRole("row").filter({ has: page.getByRole("link", { name: slowSubject, exact: true }) });
  await expect(slowRow).toContainText(`Stopped by ${by}: Incident resolved`);
  await expect(slowRow.getByRole("link", { name: title })).toHaveAttribute("title", incidentArn);
  await expect(list).toContainText("Finished — nobody acknowledged");

  // The engagement's page: its state, and the incident linked by title.
  await slowRow.getByRole("link", { name: slowSubject, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: slowSubject })).toBeVisible();
  await expect(page.getByText(`Stopped by ${by}: Incident resolved`).first()).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/incidents\/[A-Za-z0-9_-]+\/[0-9a-f-]{36}\?tab=engagements$/);
  await own.close();
});

test("resolving without stopping the paging leaves the engagements paging", async ({ pageAs }) => {
  const slow = await contactWithStages("keep", [5, 5]);
  const planArn = await createPlanThroughApi(uniqueName("keep-plan"), "Keep template", 3);
  const title = `Keep paging ${uniqueName("t")}`;
  const { incidentRecordArn } = await incidentsApi().startIncident({ responsePlanArn: planArn, title });
  const engagement = await engage(slow.arn, incidentRecordArn!, `Keep ${uniqueName("s")}`);
  const page = await pageAs("responder");
  await page.goto(incidentPath(incidentRecordArn!, "engagements"));
  await page.getByRole("button", { name: "Resolve", exact: true }).click();
  const resolve = page.getByRole("dialog", { name: "Resolve incident" });
  await resolve.getByRole("checkbox", { name: /Stop paging for this incident/ }).uncheck();
  await resolve.getByRole("button", { name: "Resolve", exact: true }).click();
  await expect(resolve).toBeHidden();
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
  await expect(page.getByRole("region", { name: `Engagement of ${slow.alias}` })).toContainText(/Paging — stage 1 of 2/);
  expect((await contactsApi().describeEngagement({ EngagementId: engagement })).StopTime).toBeUndefined();
});

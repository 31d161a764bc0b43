// Contacts and escalation plans: build a contact with channels and an engagement plan, activate a
// channel with the code from the outbox, build an escalation plan over two contacts, edit, delete
// with the references warning; inline field errors; a viewer can't change anything.
import { SSMContacts } from "@aws-sdk/client-ssm-contacts";
import type { Page } from "@playwright/test";
import { BASE_URL, BOOTSTRAP_KEY } from "./support/env";
import { expect, newestActivationCode, pickEngagement, planOptionLabel, signInThroughApi, test, uniqueName, replayAction } from "./support/fixtures";

/** Creates a personal contact with one e-mail channel through the form; returns its alias. */
async function createContact(page: Page, prefix: string, displayName: string): Promise<string> {
  const alias = uniqueName(prefix);
  await page.goto("/contacts/create");
  await page.getByLabel("Alias", { exact: true }).fill(alias);
  await page.getByLabel(/^Display name/).fill(displayName);
  await page.getByRole("button", { name: "Add contact channel" }).click();
  const channel = page.getByRole("group", { name: "Channel 1" });
  await channel.getByLabel("Channel name").fill("work");
  await channel.getByLabel("Address", { exact: true }).fill(`${alias}@example.com`);
  await page.getByRole("button", { name: "Create contact" }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${alias}$`));
  await expect(page.getByRole("heading", { level: 1, name: displayName })).toBeVisible();
  return alias;
}

test("a responder builds a contact with two channels and a two-stage plan, and activates a channel with the code from the outbox", async ({ pageAs, browser }, testInfo) => {
  // The longest flow of the suite (a form of 12 fields, two consoles in aws mode).
  test.slow();
  const awsMode = testInfo.project.name === "aws-mode";
  const page = await pageAs("responder");
  const alias = uniqueName("ana");
  await page.goto("/contacts");
  await expect(page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
  await page.getByRole("link", { name: "Create contact" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create contact" })).toBeVisible();
  await page.getByLabel("Alias", { exact: true }).fill(alias);
  await page.getByLabel(/^Display name/).fill("Ana Lima");

  await page.getByRole("button", { name: "Add contact channel" }).click();
  const email = page.getByRole("group", { name: "Channel 1" });
  await email.getByLabel("Type").selectOption({ label: "Email" });
  await email.getByLabel("Channel name").fill("work-email");
  await email.getByLabel("Address", { exact: true }).fill(`${alias}@example.com`);
  await page.getByRole("button", { name: "Add contact channel" }).click();
  const sms = page.getByRole("group", { name: "Channel 2" });
  await sms.getByLabel("Type").selectOption({ label: "SMS" });
  await sms.getByLabel("Channel name").fill("mobile");
  await sms.getByLabel("Address", { exact: true }).fill("+15005550199");

  // Two stages and no targets yet: the timeline is there, and so is the warning.
  await page.getByRole("button", { name: "Add stage" }).click();
  await page.getByRole("group", { name: "Stage 1" }).getByLabel("Duration (minutes)").fill("5");
  await page.getByRole("button", { name: "Add stage" }).click();
  await page.getByRole("group", { name: "Stage 2" }).getByLabel("Duration (minutes)").fill("10");
  const timeline = page.getByRole("list", { name: "Engagement timeline" });
  await expect(timeline).toContainText("Stage 1: minute 0 to 5");
  await expect(timeline).toContainText("Stage 2: minute 5 to 15");
  await expect(page.getByText("Nobody would be called")).toBeVisible();

  const stage1 = page.getByRole("group", { name: "Stage 1", exact: true });
  await stage1.getByRole("button", { name: "Add channel target" }).click();
  const t1 = page.getByRole("group", { name: "Stage 1 target 1" });
  await t1.getByLabel("Channel").selectOption({ label: "work-email (Email)" });
  await t1.getByLabel("Retry interval (minutes)").fill("2");
  const stage2 = page.getByRole("group", { name: "Stage 2", exact: true });
  await stage2.getByRole("button", { name: "Add channel target" }).click();
  await page.getByRole("group", { name: "Stage 2 target 1" }).getByLabel("Channel").selectOption({ label: "mobile (SMS)" });
  await expect(page.getByText("Nobody would be called")).toHaveCount(0);
  await expect(timeline).toContainText("work-email (Email) — minutes 0, 2, 4");
  await expect(timeline).toContainText("mobile (SMS) — minute 5");

  await page.getByRole("button", { name: "Create contact" }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${alias}$`));
  await expect(page.getByRole("heading", { level: 1, name: "Ana Lima" })).toBeVisible();
  const channels = page.getByRole("table", { name: "Contact channels" });
  await expect(channels.getByRole("row", { name: /work-email/ })).toContainText("Not activated");
  await expect(page.getByRole("list", { name: "Engagement timeline" })).toContainText("work-email (Email) — minutes 0, 2, 4");

  // Activation: a wrong code is refused inline; resend; the newest code from the outbox works.
  await channels.getByRole("button", { name: "Activate work-email" }).click();
  const dialog = page.getByRole("dialog", { name: "Activate contact channel" });
  await dialog.getByLabel("Activation code").fill("12");
  await dialog.getByRole("button", { name: "Activate", exact: true }).click();
  await expect(dialog.getByLabel("Activation code")).toHaveAccessibleErrorMessage("Must have length greater than or equal to 6.");
  await dialog.getByRole("button", { name: "Resend code" }).click();
  await expect(dialog.getByText(`A new code was sent to ${alias}@example.com`)).toBeVisible();

  let code: string;
  if (!awsMode) {
    const outbox = dialog.getByRole("list", { name: "Outbox messages" });
    // The code sent at creation, and the resent one.
    await expect(outbox.getByRole("listitem")).toHaveCount(2);
    await expect(outbox.getByRole("listitem").first()).toContainText(`to ${alias}@example.com`);
    // The e2e console has no SMTP server: the code went nowhere but the outbox, and it says so.
    await expect(outbox.getByRole("listitem").first()).toContainText("kept in the outbox (no e-mail transport configured)");
    await expect(outbox).not.toContainText(/\bSENT\b|\bsent\b/);
    code = await newestActivationCode(dialog);
  } else {
    // The AWS API keeps no copy of codes: the console says so. The local console behind it does.
    await expect(dialog.getByRole("region", { name: "Where the code went" })).toContainText("Local mode only");
    const context = await browser.newContext({ baseURL: BASE_URL });
    await signInThroughApi(context, "responder");
    const local = await context.newPage();
    await local.goto(`/contacts/${alias}`);
    await local.getByRole("button", { name: "Activate work-email" }).click();
    const localDialog = local.getByRole("dialog", { name: "Activate contact channel" });
    await expect(localDialog.getByRole("list", { name: "Outbox messages" }).getByRole("listitem")).toHaveCount(2);
    code = await newestActivationCode(localDialog);
    await context.close();
  }
  await dialog.getByLabel("Activation code").fill(code);
  await dialog.getByRole("button", { name: "Activate", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(channels.getByRole("row", { name: /work-email/ })).toContainText("Activated");
  await expect(channels.getByRole("row", { name: /mobile/ })).toContainText("Not activated");

  // Deactivate and the list's count.
  await page.goto("/contacts");
  await page.getByLabel("Search by alias prefix").fill(alias);
  const row = page.getByRole("table", { name: "Contacts" }).getByRole("row", { name: new RegExp(alias) });
  await expect(row).toContainText("1 of 2");
  await row.getByRole("link", { name: alias }).click();
  await page.getByRole("button", { name: "Deactivate work-email" }).click();
  await expect(page.getByRole("table", { name: "Contact channels" }).getByRole("row", { name: /work-email/ })).toContainText("Not activated");
});

test("an escalation plan over two contacts with an essential target: build, edit, and delete a contact it engages", async ({ pageAs }) => {
  const page = await pageAs("responder");
  const first = await createContact(page, "esc-a", "First Responder");
  const second = await createContact(page, "esc-b", "Second Responder");
  const alias = uniqueName("escalate");

  await page.goto("/escalation-plans");
  await page.getByRole("link", { name: "Create escalation plan" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create escalation plan" })).toBeVisible();
  await page.getByLabel("Alias", { exact: true }).fill(alias);
  await page.getByRole("button", { name: "Add stage" }).click();
  await page.getByRole("group", { name: "Stage 1", exact: true }).getByLabel("Duration (minutes)").fill("5");
  await page.getByRole("group", { name: "Stage 1", exact: true }).getByRole("button", { name: "Add contact" }).click();
  const t1 = page.getByRole("group", { name: "Stage 1 target 1" });
  await t1.getByLabel("Contact").selectOption({ label: `First Responder (${first})` });
  await t1.getByRole("switch", { name: "Acknowledgement stops plan progression" }).check();
  await page.getByRole("button", { name: "Add stage" }).click();
  await page.getByRole("group", { name: "Stage 2", exact: true }).getByLabel("Duration (minutes)").fill("5");
  await page.getByRole("group", { name: "Stage 2", exact: true }).getByRole("button", { name: "Add contact" }).click();
  await page.getByRole("group", { name: "Stage 2 target 1" }).getByLabel("Contact").selectOption({ label: `Second Responder (${second})` });
  const preview = page.getByRole("list", { name: "Engagement timeline" });
  await expect(preview).toContainText(`First Responder (${first}) — minute 0 · essential`);
  await expect(preview).toContainText(`Second Responder (${second}) — minute 5`);
  await page.getByRole("button", { name: "Create escalation plan" }).click();

  await expect(page).toHaveURL(new RegExp(`/escalation-plans/${alias}$`));
  await expect(page.getByRole("heading", { level: 1, name: alias })).toBeVisible();
  const timeline = page.getByRole("list", { name: "Engagement timeline" });
  await expect(timeline).toContainText(`${first} — minute 0 · essential`);
  await expect(timeline).toContainText("Stage 2: minute 5 to 10");

  // Edit: a longer first stage moves the second.
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByLabel("Alias", { exact: true })).toHaveAttribute("readonly", "");
  await page.getByRole("group", { name: "Stage 1", exact: true }).getByLabel("Duration (minutes)").fill("15");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/escalation-plans/${alias}$`));
  await expect(page.getByRole("list", { name: "Engagement timeline" })).toContainText("Stage 2: minute 15 to 20");

  // A response plan engages the first contact too.
  const responsePlan = uniqueName("rp-engages");
  await page.goto("/response-plans/create");
  await page.getByLabel("Name", { exact: true }).fill(responsePlan);
  await page.getByLabel("Title", { exact: true }).fill("Pager test");
  await page.getByLabel("Impact", { exact: true }).selectOption({ label: "4 Low" });
  await pickEngagement(page, first, `First Responder (${first}) · contact`);
  await page.getByRole("button", { name: "Create response plan" }).click();
  await expect(page).toHaveURL(new RegExp(`/response-plans/${responsePlan}$`));

  // Deleting a contact the plans engage warns, naming both.
  await page.goto(`/contacts/${first}`);
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete contact" });
  await expect(dialog.getByText(`${first} is engaged by other plans`)).toBeVisible();
  await expect(dialog.getByRole("link", { name: alias })).toBeVisible();
  await expect(dialog.getByRole("link", { name: responsePlan })).toBeVisible();
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/contacts$/);
  await page.getByLabel("Search by alias prefix").fill(first);
  await expect(page.getByRole("table", { name: "Contacts" })).toContainText(`Nothing matches "${first}"`);

  // The plan no longer engages it.
  await page.goto(`/escalation-plans/${alias}`);
  await expect(page.getByRole("list", { name: "Engagement timeline" })).not.toContainText(first);
  await expect(page.getByRole("list", { name: "Engagement timeline" })).toContainText(second);
  await page.getByRole("button", { name: "Delete" }).click();
  const planDialog = page.getByRole("dialog", { name: "Delete escalation plan" });
  await expect(planDialog.getByText("No escalation plan or response plan engages")).toBeVisible();
  await planDialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/escalation-plans$/);
});

test("the contact form shows field errors inline: bad alias, bad phone number, a stage over 30 minutes, a duplicate alias", async ({ pageAs }) => {
  const page = await pageAs("admin");
  const existing = await createContact(page, "dup", "Existing Person");
  await page.goto("/contacts/create");
  await page.getByLabel("Alias", { exact: true }).fill("Not An Alias!");
  await page.getByRole("button", { name: "Add contact channel" }).click();
  const channel = page.getByRole("group", { name: "Channel 1" });
  await channel.getByLabel("Type").selectOption({ label: "SMS" });
  await channel.getByLabel("Channel name").fill("mobile");
  await channel.getByLabel("Address", { exact: true }).fill("555-1234");
  await page.getByRole("button", { name: "Add stage" }).click();
  const duration = page.getByRole("group", { name: "Stage 1", exact: true }).getByLabel("Duration (minutes)");
  await duration.fill("31");
  await page.getByRole("button", { name: "Create contact" }).click();

  await expect(page.getByLabel("Alias", { exact: true })).toHaveAccessibleErrorMessage(/regular expression pattern/);
  await expect(channel.getByLabel("Address", { exact: true })).toHaveAccessibleErrorMessage(/\(E\.164\)/);
  await expect(duration).toHaveAccessibleErrorMessage("Must have value less than or equal to 30.");
  await expect(page).toHaveURL(/\/contacts\/create$/);

  // Fixed, but the alias is taken: the server's ConflictException lands on the alias field.
  await page.getByLabel("Alias", { exact: true }).fill(existing);
  await channel.getByLabel("Address", { exact: true }).fill("+15005550100");
  await duration.fill("30");
  await page.getByRole("button", { name: "Create contact" }).click();
  await expect(page.getByLabel("Alias", { exact: true })).toHaveAccessibleErrorMessage(/already exists/);
  await expect(page).toHaveURL(/\/contacts\/create$/);
});

test("a viewer sees contacts but no mutating controls, and the server refuses a forced change", async ({ pageAs }) => {
  const responder = await pageAs("responder");
  const alias = await createContact(responder, "viewer-check", "Viewer Check");
  // Capture a server action request: the responder renames the contact through the edit form.
  await responder.goto(`/contacts/${alias}/edit`);
  const actionRequest = responder.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await responder.getByLabel(/^Display name/).fill("Viewer Check Renamed");
  await responder.getByRole("button", { name: "Save changes" }).click();
  const captured = await actionRequest;
  await expect(responder.getByRole("heading", { level: 1, name: "Viewer Check Renamed" })).toBeVisible();

  const viewer = await pageAs("viewer");
  await viewer.goto("/contacts");
  await expect(viewer.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Create contact" })).toHaveCount(0);
  await viewer.getByLabel("Search by alias prefix").fill(alias);
  await viewer.getByRole("table", { name: "Contacts" }).getByRole("link", { name: alias }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: "Viewer Check Renamed" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /^Activate/ })).toHaveCount(0);
  await viewer.goto("/escalation-plans");
  await expect(viewer.getByRole("link", { name: "Create escalation plan" })).toHaveCount(0);
  // Refused in words: what the role can't do, and who can (not the API's exception name).
  await viewer.goto("/contacts/create");
  const refusal = viewer.getByRole("status").filter({ hasText: "Your role can't create contacts" });
  await expect(refusal).toContainText("You are signed in with the viewer role");
  await expect(refusal).toContainText("Only admins and responders can");
  await expect(viewer.getByText("AccessDeniedException")).toHaveCount(0);

  // The responder's update, posted again with the viewer's session but with another name.
  const forcedText = await replayAction(viewer, captured, (captured.postData() ?? "").replace("Viewer Check Renamed", "Changed By Viewer"));
  expect(forcedText).toContain("AccessDeniedException");
  await responder.reload();
  await expect(responder.getByRole("heading", { level: 1, name: "Viewer Check Renamed" })).toBeVisible();
});

test("a responder edits a contact's channels: renames one, adds a voice channel to the plan, then removes it", async ({ pageAs }) => {
  const page = await pageAs("responder");
  const alias = await createContact(page, "edit-ch", "Channel Editor");
  await page.getByRole("link", { name: "Edit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Edit ${alias}` })).toBeVisible();
  await expect(page.getByLabel("Alias", { exact: true })).toHaveAttribute("readonly", "");
  const work = page.getByRole("group", { name: "Channel 1" });
  await expect(work).toContainText("Not activated");
  await work.getByLabel("Channel name").fill("work-mail");
  await page.getByRole("button", { name: "Add contact channel" }).click();
  const desk = page.getByRole("group", { name: "Channel 2" });
  await desk.getByLabel("Type").selectOption({ label: "Voice" });
  await desk.getByLabel("Channel name").fill("desk");
  await desk.getByLabel("Address", { exact: true }).fill("+15005550123");
  await page.getByRole("button", { name: "Add stage" }).click();
  await page.getByRole("group", { name: "Stage 1", exact: true }).getByRole("button", { name: "Add channel target" }).click();
  await page.getByRole("group", { name: "Stage 1 target 1" }).getByLabel("Channel").selectOption({ label: "desk (Voice)" });
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page).toHaveURL(new RegExp(`/contacts/${alias}$`));
  const channels = page.getByRole("table", { name: "Contact channels" });
  await expect(channels.getByRole("row", { name: /work-mail/ })).toBeVisible();
  await expect(channels.getByRole("row", { name: /desk/ })).toContainText("+15005550123");
  await expect(page.getByRole("list", { name: "Engagement timeline" })).toContainText("desk (Voice) — minute 0 · not activated");

  // Removing the channel takes its target with it: nobody would be called.
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByRole("button", { name: "Remove channel 2" }).click();
  await expect(page.getByText("Nobody would be called")).toBeVisible();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(new RegExp(`/contacts/${alias}$`));
  await expect(page.getByRole("table", { name: "Contact channels" }).getByRole("row", { name: /desk/ })).toHaveCount(0);
  await expect(page.getByText("Nobody would be called")).toBeVisible();
});

test("the contact pages fit a phone", async ({ pageAs }) => {
  const page = await pageAs("responder");
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of ["/contacts", "/contacts/create", "/escalation-plans/create"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    if (path === "/contacts/create") {
      await page.getByRole("button", { name: "Add contact channel" }).click();
      await page.getByRole("button", { name: "Add stage" }).click();
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});

test("a contact's page lists the pages it received when an incident engaged it", async ({ pageAs }) => {
  const page = await pageAs("responder");
  const alias = await createContact(page, "paged", "Paged Person");
  await expect(page.getByRole("table", { name: "Recent pages" })).toContainText("This contact hasn't been paged.");

  const plan = { name: uniqueName("pages"), title: "Paging test", impact: "4 Low" };
  await page.goto("/response-plans/create");
  await page.getByLabel("Name", { exact: true }).fill(plan.name);
  await page.getByLabel("Title", { exact: true }).fill(plan.title);
  await page.getByLabel("Impact", { exact: true }).selectOption({ label: plan.impact });
  await pickEngagement(page, alias, `Paged Person (${alias}) · contact`);
  await page.getByRole("button", { name: "Create response plan" }).click();
  await expect(page).toHaveURL(new RegExp(`/response-plans/${plan.name}$`));

  await page.goto("/incidents");
  await page.getByRole("button", { name: "Start incident" }).click();
  const start = page.getByRole("dialog", { name: "Start incident" });
  await start.getByLabel("Response plan").selectOption({ label: planOptionLabel(plan) });
  await start.getByRole("button", { name: "Start", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();

  // The engagement engine pages the contact within a tick of the incident starting.
  await page.goto(`/contacts/${alias}`);
  const pages = page.getByRole("table", { name: "Recent pages" });
  await expect(async () => {
    await page.reload();
    await expect(pages.getByRole("row")).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(pages).toContainText("Not acknowledged");
});

test("the contacts list pages through a search by alias prefix", async ({ pageAs }) => {
  // 21 contacts sharing a prefix, created through the AWS API of the local model (faster than the form).
  const prefix = uniqueName("many");
  const api = new SSMContacts({ endpoint: `${BASE_URL}/api/aws/ssm-contacts`, region: "us-east-1", credentials: BOOTSTRAP_KEY });
  for (let i = 0; i < 21; i++) {
    await api.createContact({ Alias: `${prefix}-${String(i).padStart(2, "0")}`, Type: "PERSONAL", Plan: { Stages: [] } });
  }
  const page = await pageAs("viewer");
  await page.goto("/contacts");
  await page.getByLabel("Search by alias prefix").fill(prefix);
  const table = page.getByRole("table", { name: "Contacts" });
  await expect(table.getByRole("link", { name: `${prefix}-00` })).toBeVisible();
  await expect(table.getByRole("link", { name: new RegExp(`^${prefix}-`) })).toHaveCount(20);
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText("Page 2")).toBeVisible();
  await expect(table.getByRole("link", { name: new RegExp(`^${prefix}-`) })).toHaveCount(1);
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(table.getByRole("link", { name: new RegExp(`^${prefix}-`) })).toHaveCount(20);
});

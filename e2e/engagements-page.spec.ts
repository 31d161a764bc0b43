// The Engagements pages: a responder starts an engagement by hand (inline errors first), lands
// on its page with the page sent to the contact and its receipts, stops it with a reason (STOP
// receipts), and finds it in the list by time range and by incident. A viewer sees no controls,
// and the server refuses the start action when the viewer posts it anyway. Runs on both consoles.
import type { Page, Request } from "@playwright/test";
import { contactsApi, createPersonalContact, createPlanThroughApi, incidentsApi } from "./support/aws-api";
import { expect, test, uniqueName, replayAction } from "./support/fixtures";

async function newIncident(title: string): Promise<string> {
  const planArn = await createPlanThroughApi(uniqueName("hand-plan"), "Hand template", 3);
  const { incidentRecordArn } = await incidentsApi().startIncident({ responsePlanArn: planArn, title });
  return incidentRecordArn!;
}

const optionLabel = (alias: string) => `Contact ${alias} (${alias}) · contact`;

async function openStartDialog(page: Page) {
  await page.goto("/engagements");
  await page.getByRole("button", { name: "Start engagement" }).click();
  return page.getByRole("dialog", { name: "Start engagement" });
}

test("a responder starts an engagement by hand, sees its pages and receipts, stops it, and finds it in the list", async ({ pageAs }) => {
  const contact = await createPersonalContact("hand");
  const incidentTitle = `Hand engagement ${uniqueName("t")}`;
  const incidentArn = await newIncident(incidentTitle);
  const subject = `Disk full ${uniqueName("s")}`;
  // Another engagement of the same contact, without an incident: the incident filter leaves it out.
  const otherSubject = `No incident ${uniqueName("s")}`;
  await contactsApi().startEngagement({ ContactId: contact.arn, Sender: "api-test", Subject: otherSubject, Content: "Unrelated" });

  const page = await pageAs("responder");
  const dialog = await openStartDialog(page);
  // The sender starts as the signed-in user.
  await expect(dialog.getByLabel("Sender")).toHaveValue("responder@example.com");

  // Inline errors before anything is sent: no subject, content over the model's 8,192 characters.
  await dialog.getByLabel("Contact or escalation plan").selectOption({ label: optionLabel(contact.alias) });
  await dialog.getByLabel("Content", { exact: true }).fill("x".repeat(8193));
  await dialog.getByRole("button", { name: "Start", exact: true }).click();
  await expect(dialog.getByLabel("Subject", { exact: true })).toHaveAccessibleErrorMessage("Required.");
  await expect(dialog.getByLabel("Content", { exact: true })).toHaveAccessibleErrorMessage("Must have length less than or equal to 8192.");
  await expect(page).toHaveURL(/\/engagements$/);

  await dialog.getByLabel("Subject", { exact: true }).fill(subject);
  await dialog.getByLabel("Content", { exact: true }).fill("db-1 is out of disk space.\nPlease look.");
  await dialog.getByLabel(/^Public subject/).fill("Disk full");
  await dialog.getByLabel(/^Incident ARN/).fill(incidentArn);
  await dialog.getByRole("button", { name: "Start", exact: true }).click();

  // The engagement's page: details, the page to the contact, its receipts.
  await expect(page).toHaveURL(/\/engagements\/detail\?arn=/);
  await expect(page.getByRole("heading", { level: 1, name: subject, exact: true })).toBeVisible();
  await expect(page.getByText("db-1 is out of disk space.")).toBeVisible();
  // The incident by its title, its ARN on hover.
  await expect(page.getByRole("link", { name: incidentTitle })).toHaveAttribute("title", incidentArn);
  const pages = page.getByRole("table", { name: `Pages of ${contact.alias}` });
  await expect(pages.getByRole("cell", { name: contact.alias, exact: true })).toBeVisible();
  // The contact's e-mail channel isn't activated: the engine answers the delivery with an ERROR receipt.
  const receipts = pages.getByRole("list", { name: `Receipts of the page to ${contact.alias}` });
  await expect(receipts).toContainText("Error");
  // Not my page (my contact isn't linked): nothing to acknowledge.
  await expect(pages.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);

  // Stop, with a reason, after a confirmation: every open page gets a STOP receipt with it.
  await page.getByRole("button", { name: `Stop engagement of ${contact.alias}` }).click();
  const stop = page.getByRole("dialog", { name: `Stop engagement of ${contact.alias}` });
  await stop.getByLabel("Reason").fill("Handled by the on-call DBA");
  await stop.getByRole("button", { name: "Stop", exact: true }).click();
  await expect(stop).toBeHidden();
  await expect(receipts).toContainText("Stopped");
  await expect(receipts).toContainText("Handled by the on-call DBA");
  // Receipts read in time order: the STOP receipt comes last.
  await expect(receipts.getByRole("listitem").last()).toContainText("Stopped");
  await expect(page.getByRole("button", { name: `Stop engagement of ${contact.alias}` })).toHaveCount(0);
  const engagementArn = new URL(page.url()).searchParams.get("arn")!;
  expect((await contactsApi().describeEngagement({ EngagementId: engagementArn })).StopTime).toBeDefined();

  // The list, filtered by time range through the form: both engagements, the stopped one marked.
  await page.getByRole("navigation", { name: "Side navigation" }).getByRole("link", { name: "Engagements" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Engagements" })).toBeVisible();
  await page.getByLabel("Time range").selectOption({ label: "Last hour" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/range=1h/);
  const list = page.getByRole("table", { name: "Engagements" });
  const row = list.getByRole("row").filter({ has: page.getByRole("link", { name: subject, exact: true }) });
  await expect(row).toContainText(contact.alias);
  await expect(row).toContainText("responder@example.com");
  await expect(row).toContainText("Stopped");
  await expect(list.getByRole("link", { name: otherSubject })).toBeVisible();

  // A time range long past: neither.
  await page.goto("/engagements?range=custom&from=2020-01-01T00:00:00.000Z&to=2020-01-02T00:00:00.000Z");
  await expect(page.getByLabel("From", { exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Engagements" }).getByText("No engagements match.")).toBeVisible();

  // By incident: only the engagement started for it.
  await page.goto("/engagements");
  await page.getByLabel("Incident", { exact: true }).fill(incidentArn);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/incident=/);
  const byIncident = page.getByRole("table", { name: "Engagements" });
  await expect(byIncident.getByRole("link", { name: subject, exact: true })).toBeVisible();
  await expect(byIncident.getByRole("link", { name: otherSubject })).toHaveCount(0);
  // The incident link opens the incident's Engagements tab, which shows the same engagement.
  await byIncident.getByRole("link", { name: incidentTitle }).click();
  await expect(page.getByRole("heading", { level: 1, name: incidentTitle })).toBeVisible();
  await expect(page.getByRole("heading", { name: `Engagement of ${contact.alias}` })).toBeVisible();
});

test("a viewer sees engagements without controls, and the server refuses a forced start", async ({ pageAs }) => {
  const contact = await createPersonalContact("viewed");
  const subject = `Viewer sees ${uniqueName("s")}`;
  const { EngagementArn } = await contactsApi().startEngagement({ ContactId: contact.arn, Sender: "api-test", Subject: subject, Content: "Look" });

  // The responder's start request, captured to be posted again with the viewer's session.
  const responder = await pageAs("responder");
  const dialog = await openStartDialog(responder);
  await dialog.getByLabel("Contact or escalation plan").selectOption({ label: optionLabel(contact.alias) });
  await dialog.getByLabel("Subject", { exact: true }).fill(`Forced ${subject}`);
  await dialog.getByLabel("Content", { exact: true }).fill("Forced");
  const startRequest: Promise<Request> = responder.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await dialog.getByRole("button", { name: "Start", exact: true }).click();
  const captured = await startRequest;
  await expect(responder).toHaveURL(/\/engagements\/detail\?arn=/);

  const viewer = await pageAs("viewer");
  await viewer.goto("/engagements");
  await expect(viewer.getByRole("table", { name: "Engagements" }).getByRole("link", { name: subject, exact: true })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Start engagement" })).toHaveCount(0);
  await viewer.getByRole("link", { name: subject, exact: true }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: subject, exact: true })).toBeVisible();
  expect(new URL(viewer.url()).searchParams.get("arn")).toBe(EngagementArn);
  await expect(viewer.getByRole("table", { name: `Pages of ${contact.alias}` }).getByRole("cell", { name: contact.alias, exact: true })).toBeVisible();
  await expect(viewer.getByRole("button", { name: /^Stop engagement/ })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);

  const forcedText = await replayAction(viewer, captured);
  expect(forcedText).toContain("AccessDeniedException");
  // Only the responder's start went through.
  const { Engagements } = await contactsApi().listEngagements({});
  const forcedOnes = [];
  for (const e of Engagements ?? []) {
    if (e.ContactArn !== contact.arn) continue;
    const d = await contactsApi().describeEngagement({ EngagementId: e.EngagementArn });
    if (d.Subject === `Forced ${subject}`) forcedOnes.push(d);
  }
  expect(forcedOnes).toHaveLength(1);
});

test("my page is acknowledged on the engagement's page; the list pages by 20; subjects stay text; both pages fit a phone", async ({ pageAs }, testInfo) => {
  const me = await createPersonalContact("me-hand");
  // The admin, not the responder: e2e/engagements.spec.ts links the responder to its own contact,
  // and the two specs may run at the same time. The link is undone at the end.
  const page = await pageAs("admin");
  await linkMyContact(page, me.alias);

  // 21 engagements of one made-up IncidentId (any string the model allows), the first with markup in its subject.
  const incidentId = `hand-${uniqueName("batch")}`;
  const markup = `<img src=x onerror="window.__xss=1"> ${uniqueName("s")}`;
  const { EngagementArn } = await contactsApi().startEngagement({ ContactId: me.arn, Sender: "api-test", Subject: markup, Content: "Look", IncidentId: incidentId });
  for (let i = 0; i < 20; i++) {
    await contactsApi().startEngagement({ ContactId: me.arn, Sender: "api-test", Subject: `Batch ${i} ${incidentId}`, Content: "Batch", IncidentId: incidentId });
  }
  await page.goto(`/engagements?incident=${encodeURIComponent(incidentId)}`);
  const list = page.getByRole("table", { name: "Engagements" });
  await expect(list.getByRole("row")).toHaveCount(21); // header + 20
  await expect(list.getByRole("link", { name: `Batch 19 ${incidentId}` })).toBeVisible();
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText("Page 2")).toBeVisible();
  await expect(list.getByRole("row")).toHaveCount(2); // header + the oldest
  await expect(list.getByRole("link", { name: markup, exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Next page" })).toBeDisabled();
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(list.getByRole("link", { name: `Batch 19 ${incidentId}` })).toBeVisible();

  // My page: acknowledged here as on the incident's tab; the READ receipt follows the others.
  await page.goto(`/engagements/detail?arn=${encodeURIComponent(EngagementArn!)}`);
  await expect(page.getByRole("heading", { level: 1, name: markup, exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  const pages = page.getByRole("table", { name: `Pages of ${me.alias}` });
  await expect(pages.getByRole("cell", { name: `${me.alias} (you)` })).toBeVisible();
  await pages.getByRole("button", { name: `Acknowledge the page to ${me.alias}` }).click();
  const receipts = pages.getByRole("list", { name: `Receipts of the page to ${me.alias}` });
  await expect(receipts.getByRole("listitem").last()).toContainText("Read");
  await expect(pages.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);

  await page.setViewportSize({ width: 375, height: 800 });
  const fits = async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(375);
  };
  await fits("engagement-detail");
  await page.goto(`/engagements?range=custom&from=2020-01-01T00:00:00.000Z&incident=${encodeURIComponent(incidentId)}`);
  await expect(list.getByRole("row")).toHaveCount(21);
  await fits("engagements");
  await linkMyContact(page, null);
});

/** Links the signed-in user to a contact on My pages (null: to none). */
async function linkMyContact(page: Page, alias: string | null) {
  await page.goto("/pages");
  const change = page.getByRole("button", { name: "Change contact" });
  const select = page.getByLabel("Your contact");
  await expect(change.or(select)).toBeVisible();
  if (await change.isVisible()) await change.click();
  await select.selectOption(alias ? { label: optionLabel(alias) } : { label: "None" });
  await page.getByRole("button", { name: "Save contact" }).click();
  if (alias) await expect(page.getByText(`You are ${alias}`)).toBeVisible();
  else await expect(page.getByText(/^You are /)).toHaveCount(0);
}

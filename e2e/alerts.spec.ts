// Alerts in (issue 15), as people use it: a responder adds an alert integration on a response
// plan's page and sees its token once (with the URL and ready-to-paste snippets), sends a test
// alert through the real intake, and finds it on the Alerts page with its raw payload; the test
// alert's incident appears live on an open incidents list, and its Alerts tab names the alert;
// rotating gives a new token, revoking ends it; a viewer sees the list without the controls (and
// the server refuses their replayed rotation); an aws-mode console says alert intake needs local
// mode. Runs in the local project only (the aws-mode console has no intake: the last test opens
// it to check it says so).
import type { Page } from "@playwright/test";
import { createPlanThroughApi } from "./support/aws-api";
import { AWS_MODE_BASE_URL } from "./support/env";
import { expect, replayAction, signInThroughApi, test, uniqueName } from "./support/fixtures";

const PHONE = { width: 390, height: 844 };

/** Adds an integration through the plan page's dialog; returns the token the page showed once. */
async function addIntegration(page: Page, name: string, kind = "Prometheus Alertmanager"): Promise<string> {
  const section = page.getByRole("region", { name: "Alert integrations" });
  await section.getByRole("button", { name: "Add integration" }).click();
  const dialog = page.getByRole("dialog", { name: "Add integration" });
  await dialog.getByLabel("Sends alerts").selectOption({ label: kind });
  await dialog.getByLabel("Name", { exact: true }).fill(name);
  // The kind's suggested severity map is there to start with.
  await expect(dialog.getByRole("group", { name: "Severity 1" }).getByRole("textbox", { name: "Severity 1" })).toHaveValue("critical");
  await expect(dialog.getByRole("group", { name: "Severity 1" }).getByRole("combobox", { name: "Impact 1" })).toHaveValue("1");
  await dialog.getByLabel(/Resolve incidents automatically/).check();
  await dialog.getByRole("button", { name: "Add integration" }).click();
  await expect(dialog).toBeHidden();
  const shown = section.getByRole("status").filter({ hasText: `Integration ${name} added` });
  await expect(shown).toBeVisible();
  // The dialog is gone: the screen (and the keyboard) went to what must be copied now.
  await expect(shown.getByRole("button", { name: "Copy token" })).toBeInViewport();
  const token = (await shown.getByTestId("integration-token").textContent()) ?? "";
  expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return token;
}

test("a responder adds an integration, sees its token once, sends a test alert and finds it on the Alerts page", async ({ pageAs }, testInfo) => {
  const planName = uniqueName("alerts-plan");
  await createPlanThroughApi(planName, "Alerts template", 3);
  const name = `Prometheus ${uniqueName("prod")}`;
  const page = await pageAs("responder");
  await page.goto(`/response-plans/${planName}`);
  const section = page.getByRole("region", { name: "Alert integrations" });
  await expect(section).toContainText("No alert integrations.");

  const token = await addIntegration(page, name);
  const shown = section.getByRole("status").filter({ hasText: `Integration ${name} added` });
  await expect(shown).toContainText("it is not stored and will not be shown again");
  const url = (await shown.getByTestId("integration-url").textContent()) ?? "";
  expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/api/integrations/[0-9a-f-]{36}$`));
  await expect(shown.getByRole("button", { name: "Copy token" })).toBeVisible();
  // The snippets, in tabs, carry the URL and the token ready to paste.
  const snippets = shown.getByRole("tablist", { name: "Configuration snippets" });
  await expect(snippets.getByRole("tab")).toHaveText(["Alertmanager receiver (webhook)", "Alertmanager receiver (PagerDuty-compatible)", "Try it with curl"]);
  await expect(shown.getByRole("tabpanel", { name: "Alertmanager receiver (webhook)" })).toContainText(`credentials: "${token}"`);
  await snippets.getByRole("tab", { name: "Try it with curl" }).click();
  await expect(shown.getByRole("tabpanel", { name: "Try it with curl" })).toContainText(`Authorization: Bearer ${token}`);
  await page.screenshot({ path: testInfo.outputPath("integration-added-desktop.png"), fullPage: true });

  // Once dismissed (or reloaded), the token is nowhere on the page again.
  await shown.getByRole("button", { name: "I have saved the token" }).click();
  await page.reload();
  const item = section.getByRole("listitem", { name });
  await expect(item).toContainText("Prometheus Alertmanager");
  await expect(item).toContainText("Active");
  await expect(item).toContainText("None yet");
  await expect(item).toContainText(url);
  expect(await page.content()).not.toContain(token);

  // The test alert goes the real path; its link opens the Alerts page filtered to this integration.
  await item.getByRole("button", { name: `Send test alert to ${name}` }).click();
  await expect(item.getByRole("status").filter({ hasText: "Test alert sent" })).toBeVisible();
  await expect(item).toContainText("1 alert");
  await item.getByRole("link", { name: `See the alerts of ${name}` }).click();
  await expect(page).toHaveURL(/\/alerts\?integration=[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();
  await expect(page.getByLabel("Integration")).toHaveValue(/[0-9a-f-]{36}/);
  const table = page.getByRole("table", { name: "Alerts" });
  const title = `Test alert from ${name}`;
  const row = table.getByRole("row").filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(name);
  await expect(row).toContainText("Prometheus Alertmanager");
  await expect(row).toContainText("Firing");
  await row.getByRole("button", { name: `Show payload of ${title}` }).click();
  // The payload is drawn for the table and for the phone's cards; the one on screen is the table's.
  const payload = page.getByLabel(`Raw payload of ${title}`, { exact: true }).filter({ visible: true });
  await expect(payload).toContainText('"alertname": "ConsoleTestAlert"');
  await expect(payload).toContainText('"fingerprint": "console-test-alert"');
  await expect(page.getByRole("button", { name: `Copy raw payload of ${title}` }).filter({ visible: true })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("alerts-desktop.png"), fullPage: true });

  // Phone width: cards, nothing wider than the screen.
  await page.setViewportSize(PHONE);
  await page.reload();
  const cards = page.getByRole("list", { name: "Alerts" });
  await expect(cards.getByRole("listitem").filter({ hasText: title })).toBeVisible();
  await cards.getByRole("button", { name: `Show payload of ${title}` }).click();
  await expect(page.getByLabel(`Raw payload of ${title}`, { exact: true }).filter({ visible: true })).toContainText("ConsoleTestAlert");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await page.screenshot({ path: testInfo.outputPath("alerts-phone.png"), fullPage: true });
  await page.goto(`/response-plans/${planName}`);
  await expect(section.getByRole("listitem", { name })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  await section.screenshot({ path: testInfo.outputPath("integrations-phone.png") });
});

// Through the ALERTS processing runner the console starts (lib/console/alerts/process.ts): the
// test alert starts an incident of the plan, created by the integration.
test("the test alert's incident appears live on an open incidents list, and its Alerts tab names the alert", async ({ pageAs }) => {
  const planName = uniqueName("alerts-live");
  await createPlanThroughApi(planName, "Alerts live template", 3);
  const name = `Grafana ${uniqueName("live")}`;
  const title = `Test alert from ${name}`;
  const watcher = await pageAs("viewer");
  await watcher.goto("/incidents");
  await expect(watcher.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();

  const page = await pageAs("responder");
  await page.goto(`/response-plans/${planName}`);
  await addIntegration(page, name, "Grafana alerting");
  const item = page.getByRole("region", { name: "Alert integrations" }).getByRole("listitem", { name });
  await item.getByRole("button", { name: `Send test alert to ${name}` }).click();
  await expect(item.getByRole("status").filter({ hasText: "Test alert sent" })).toBeVisible();

  // The watcher's list shows the new incident without a reload (the live stream).
  const incident = watcher.getByRole("table", { name: "Open incidents" }).getByRole("link", { name: title });
  await expect(incident).toBeVisible();

  // The Alerts page says what became of the alert and links the incident by its title.
  await item.getByRole("link", { name: `See the alerts of ${name}` }).click();
  const row = page.getByRole("table", { name: "Alerts" }).getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Started an incident");
  await row.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(`Created by ${name} (alert integration)`)).toBeVisible();

  // The incident's Alerts tab: the group behind it, and a link to its alerts.
  await page.getByRole("tab", { name: "Alerts" }).click();
  await expect(page).toHaveURL(/[?&]tab=alerts/);
  const groups = page.getByRole("table", { name: "Alert groups" });
  const group = groups.getByRole("row").filter({ hasText: title });
  await expect(group).toContainText(name);
  await expect(group).toContainText("Firing");
  await expect(group).toContainText("Once");
  await group.getByRole("link", { name: `Alerts of ${title}` }).click();
  await expect(page).toHaveURL(/\/alerts\?group=/);
  await expect(page.getByText(`Alert group: ${title} (${name})`)).toBeVisible();
  await expect(page.getByRole("table", { name: "Alerts" }).getByRole("row").filter({ hasText: title })).toHaveCount(1);
});

test("rotating gives a new token and revoking ends the integration; a viewer sees no controls", async ({ pageAs }) => {
  const planName = uniqueName("alerts-rotate");
  await createPlanThroughApi(planName, "Alerts rotate template", 3);
  const name = `Generic ${uniqueName("bot")}`;
  const page = await pageAs("admin");
  await page.goto(`/response-plans/${planName}`);
  const section = page.getByRole("region", { name: "Alert integrations" });
  const first = await addIntegration(page, name, "Generic JSON");
  await section.getByRole("button", { name: "I have saved the token" }).click();

  const item = section.getByRole("listitem", { name });
  await item.getByRole("button", { name: `Rotate token of ${name}` }).click();
  // The admin's rotation, captured to post again with a viewer's session.
  const captured = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await page.getByRole("dialog", { name: "Rotate token" }).getByRole("button", { name: "Rotate token" }).click();
  const rotation = await captured;
  const rotated = section.getByRole("status").filter({ hasText: `New token for ${name}` });
  await expect(rotated).toContainText("The old token no longer works.");
  const second = (await rotated.getByTestId("integration-token").textContent()) ?? "";
  expect(second).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(second).not.toBe(first);
  await rotated.getByRole("button", { name: "I have saved the token" }).click();

  // A viewer sees the integration, and none of the controls.
  const viewer = await pageAs("viewer");
  await viewer.goto(`/response-plans/${planName}`);
  const theirs = viewer.getByRole("region", { name: "Alert integrations" });
  await expect(theirs.getByRole("listitem", { name })).toContainText("Generic JSON");
  for (const control of ["Add integration", `Send test alert to ${name}`, `Rotate token of ${name}`, `Revoke ${name}`]) {
    await expect(theirs.getByRole("button", { name: control })).toHaveCount(0);
  }
  // The server refuses the viewer's forced rotation: no token comes back.
  const forced = await replayAction(viewer, rotation);
  expect(forced).toContain("AccessDeniedException");
  expect(forced).not.toMatch(/"token":"[A-Za-z0-9_-]{43}"/);

  await item.getByRole("button", { name: `Revoke ${name}` }).click();
  await page.getByRole("dialog", { name: "Revoke integration" }).getByRole("button", { name: "Revoke" }).click();
  await expect(item).toContainText("Revoked");
  await expect(item.getByRole("button", { name: `Send test alert to ${name}` })).toHaveCount(0);
  await viewer.reload();
  await expect(theirs.getByRole("listitem", { name })).toContainText("Revoked");
});

test("an aws-mode console says alert intake needs local mode", async ({ browser }) => {
  const planName = uniqueName("alerts-aws");
  await createPlanThroughApi(planName, "Alerts aws template", 3);
  const context = await browser.newContext({ baseURL: AWS_MODE_BASE_URL });
  try {
    await signInThroughApi(context, "responder");
    const page = await context.newPage();
    await page.goto(`/response-plans/${planName}`);
    const section = page.getByRole("region", { name: "Alert integrations" });
    await expect(section).toContainText("Alert intake needs local mode");
    await expect(section.getByRole("button", { name: "Add integration" })).toHaveCount(0);
    await page.goto("/alerts");
    await expect(page.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();
    await expect(page.getByText("Alert intake needs local mode")).toBeVisible();
  } finally {
    await context.close();
  }
});

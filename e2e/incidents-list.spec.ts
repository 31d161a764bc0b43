// The incidents list: filters and search live in the URL (reload and back keep them), `/`
// focuses the search box, pages of 20 come from the server; and the start-incident dialog with
// its template preview, overrides, related items and inline field errors.
import { createPlanThroughApi, createPersonalContact, incidentsApi } from "./support/aws-api";
import { USERS } from "./support/env";
import { expect, test, uniqueName } from "./support/fixtures";

test("filters and search are kept in the URL, survive a reload and the back button, and page by 20", async ({ pageAs }, testInfo) => {
  const prefix = uniqueName("listcheck");
  const planName = uniqueName("list-plan");
  const planArn = await createPlanThroughApi(planName, "List template", 4);
  const api = incidentsApi();
  // 3 critical and 20 low incidents whose titles share the prefix; nothing else matches it.
  for (let i = 0; i < 23; i++) {
    await api.startIncident({ responsePlanArn: planArn, title: `${prefix} number ${i}`, impact: i < 3 ? 1 : 4 });
  }

  const page = await pageAs("responder");
  await page.goto("/incidents");
  const table = page.getByRole("table", { name: "Open incidents" });
  const ours = table.getByRole("link", { name: new RegExp(prefix) });

  // "/" focuses the search box; Enter searches.
  await page.getByRole("heading", { level: 1, name: "Incidents" }).click();
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search by title" });
  await expect(search).toBeFocused();
  await search.fill(prefix);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]q=${prefix}`));
  await expect(ours).toHaveCount(20);
  await expect(table.getByText("None").first()).toBeVisible(); // the engagements column

  // Server-side pagination: the 21st to 23rd matches are on page 2.
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText("Page 2")).toBeVisible();
  await expect(ours).toHaveCount(3);
  await page.getByRole("button", { name: "Previous page" }).click();
  await expect(ours).toHaveCount(20);

  // Impact filter, with the search: the critical three.
  const impact = page.getByRole("group", { name: "Impact" });
  await impact.getByRole("checkbox", { name: "1 Critical" }).check();
  await expect(page).toHaveURL(/[?&]impact=1(&|$)/);
  await expect(ours).toHaveCount(3);
  await expect(table.getByText("1 Critical")).toHaveCount(3);

  // A reload keeps all of it.
  await page.reload();
  await expect(ours).toHaveCount(3);
  await expect(page.getByRole("group", { name: "Impact" }).getByRole("checkbox", { name: "1 Critical" })).toBeChecked();
  await expect(page.getByRole("searchbox", { name: "Search by title" })).toHaveValue(prefix);

  // Time range: all of them were created in the last hour.
  await page.getByLabel("Created", { exact: true }).selectOption({ label: "Last hour" });
  await expect(page).toHaveURL(/[?&]since=1h/);
  await expect(ours).toHaveCount(3);

  // Created by: nobody by that name.
  const creator = page.getByRole("textbox", { name: "Created by" });
  await creator.fill("nobody@example.com");
  await creator.press("Enter");
  await expect(page).toHaveURL(/createdBy=nobody%40example\.com/);
  await expect(table.getByText("No incidents match these filters.")).toBeVisible();
  if (testInfo.project.name === "local") {
    // The API's caller created them: the bootstrap key, which acts as the first admin.
    await creator.fill(USERS.admin.email);
    await creator.press("Enter");
    await expect(ours).toHaveCount(3);
    await page.goBack();
  }

  // Back steps through the filters.
  await page.goBack();
  await expect(page).not.toHaveURL(/createdBy=/);
  await expect(ours).toHaveCount(3);
  await page.goBack();
  await expect(page).not.toHaveURL(/since=/);
  await page.goBack();
  await expect(page).not.toHaveURL(/impact=/);
  await expect(ours).toHaveCount(20);
  await expect(page.getByRole("group", { name: "Impact" }).getByRole("checkbox", { name: "1 Critical" })).not.toBeChecked();

  // Resolved view keeps the search: nothing of ours is resolved.
  await page.getByRole("tab", { name: "Resolved" }).click();
  await expect(page).toHaveURL(/status=RESOLVED/);
  await expect(page.getByRole("table", { name: "Resolved incidents" }).getByText("No incidents match these filters.")).toBeVisible();

  // A custom range of creation days: up to yesterday, nothing; up to today, all of them.
  const today = new Date().toISOString().slice(0, 10);
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/incidents?q=${prefix}`);
  await page.getByLabel("Created to").fill(yesterday);
  await expect(page).toHaveURL(new RegExp(`to=${yesterday}`));
  await expect(table.getByText("No incidents match these filters.")).toBeVisible();
  await page.getByLabel("Created to").fill(today);
  await expect(page).toHaveURL(new RegExp(`to=${today}`));
  await expect(ours).toHaveCount(20);
});

test("start an incident with overrides and related items; field errors show on their fields", async ({ pageAs }) => {
  const contact = await createPersonalContact("oncall");
  const plan = uniqueName("start-plan");
  await createPlanThroughApi(plan, "Payments failing", 3, [contact.arn]);
  const page = await pageAs("responder");
  await page.goto("/incidents");
  await page.getByRole("button", { name: "Start incident" }).click();
  const dialog = page.getByRole("dialog", { name: "Start incident" });

  // Nothing chosen: the error is on the plan field.
  await dialog.getByRole("button", { name: "Start", exact: true }).click();
  await expect(dialog.getByLabel("Response plan")).toHaveAttribute("aria-invalid", "true");

  await dialog.getByLabel("Response plan").selectOption({ label: plan });
  const preview = dialog.getByRole("region", { name: "Template preview" });
  await expect(preview).toContainText("Payments failing");
  await expect(preview).toContainText("3 Medium");
  await expect(preview).toContainText(contact.alias);

  const title = `Card payments down ${uniqueName("t")}`;
  await dialog.getByLabel("Title", { exact: true }).fill(title);
  await dialog.getByLabel("Impact", { exact: true }).selectOption({ label: "2 High" });
  await dialog.getByRole("button", { name: "Add related item" }).click();
  await dialog.getByLabel("Type of item 1").selectOption({ label: "Analysis" });
  await dialog.getByLabel("Title of item 1").fill("Error dashboard");
  await dialog.getByRole("button", { name: "Start", exact: true }).click();
  await expect(dialog.getByLabel("URL or ARN of item 1")).toHaveAccessibleErrorMessage("Required.");

  await dialog.getByLabel("URL or ARN of item 1").fill("https://dashboards.example.com/payments");
  await dialog.getByRole("button", { name: "Start", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("main").getByText("2 High").first()).toBeVisible();

  await page.getByRole("tab", { name: "Related items" }).click();
  const items = page.getByRole("table", { name: "Related items" });
  await expect(items.getByRole("link", { name: "Error dashboard" })).toHaveAttribute("href", "https://dashboards.example.com/payments");
  await expect(items.getByRole("cell", { name: "Analysis", exact: true })).toBeVisible();

  // The plan engaged the contact as the incident started.
  await page.getByRole("tab", { name: "Engagements" }).click();
  await expect(page.getByRole("heading", { name: `Engagement of ${contact.alias}` })).toBeVisible();
});

test("on a wide screen the filters sit in one row with their labels aligned, and the search's placeholder is whole", async ({ pageAs }) => {
  const page = await pageAs("responder");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/incidents");
  // No "Filters" button here: every filter is on screen.
  await expect(page.getByRole("button", { name: /^Filters/ })).toBeHidden();
  const labels = ["Search by title", "Created by", "Created", "Created from", "Created to"];
  const tops = await Promise.all(labels.map(async (l) => (await page.locator("label").filter({ hasText: new RegExp(`^${l}`) }).first().boundingBox())!.y));
  for (const [i, top] of tops.entries()) expect(Math.abs(top - tops[0]), `"${labels[i]}" aligned with the others`).toBeLessThanOrEqual(1);
  // The placeholder fits its box (measured in the box's own font).
  const search = page.getByRole("searchbox", { name: "Search by title" });
  const fits = await search.evaluate((input: HTMLInputElement) => {
    const style = getComputedStyle(input);
    const context = document.createElement("canvas").getContext("2d")!;
    context.font = `${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(input.placeholder).width <= room;
  });
  expect(fits).toBe(true);
  // The "/" shortcut is still announced to assistive technology.
  await expect(search).toHaveAttribute("aria-keyshortcuts", "/");
});

// (a) The responder's main path: sign in → response plan → start an incident with overrides →
// it is open → resolve it → it is resolved.
import { USERS } from "./support/env";
import { createResponsePlan, expect, planOptionLabel, test, uniqueName } from "./support/fixtures";

test("an admin creates a plan, starts an incident from it, and resolves it", async ({ page }) => {
  // In aws mode the AWS API records the caller of its credentials as the creator, as real AWS
  // records the IAM principal: here the local model's bootstrap key, which acts as the first admin.
  const creator = USERS.admin.email;
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fincidents$/);
  await page.getByLabel("Email").fill(USERS.admin.email);
  await page.getByLabel("Password").fill(USERS.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/incidents$/);
  await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
  await expect(page.getByRole("banner")).toContainText(USERS.admin.email);

  const plan = { name: uniqueName("db-outage"), displayName: "Database outage", title: "Database unavailable", impact: "3 Medium" };
  await page.getByRole("navigation", { name: "Side navigation" }).getByRole("link", { name: "Response plans" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Response plans" })).toBeVisible();
  await createResponsePlan(page, plan);

  await page.getByRole("navigation", { name: "Side navigation" }).getByRole("link", { name: "Incidents" }).click();
  // The plan's page has "Start incident from this plan": wait for the list before clicking.
  await expect(page.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
  await page.getByRole("button", { name: "Start incident", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Start incident" });
  await dialog.getByLabel("Response plan").selectOption({ label: planOptionLabel(plan) });
  // The template fills the form; the responder overrides it.
  await expect(dialog.getByLabel("Title")).toHaveValue(plan.title);
  await expect(dialog.getByLabel("Impact")).toHaveValue("3");
  const title = `Primary database down ${uniqueName("t")}`;
  await dialog.getByLabel("Title").fill(title);
  await dialog.getByLabel("Impact").selectOption({ label: "1 Critical" });
  await dialog.getByRole("button", { name: "Start", exact: true }).click();

  await expect(page).toHaveURL(/\/incidents\/[A-Za-z0-9_-]+\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const main = page.getByRole("main");
  await expect(main.getByText("1 Critical").first()).toBeVisible();
  await expect(main.getByText(/^Open for /).first()).toBeVisible();
  await expect(main.getByRole("link", { name: plan.name }).first()).toBeVisible();
  await expect(main.getByText(`Created by ${creator}`)).toBeVisible();

  await page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: "Incidents" }).click();
  await expect(page.getByRole("tab", { name: "Open" })).toHaveAttribute("aria-selected", "true");
  await page.getByRole("table", { name: "Open incidents" }).getByRole("link", { name: title }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByRole("button", { name: "Resolve" }).click();
  const confirm = page.getByRole("dialog", { name: "Resolve incident" });
  await confirm.getByRole("button", { name: "Resolve" }).click();
  await expect(confirm).toBeHidden();
  await expect(main.getByText(/^Resolved after /).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();

  await page.getByRole("navigation", { name: "Side navigation" }).getByRole("link", { name: "Incidents" }).click();
  await expect(page.getByRole("table", { name: "Open incidents" }).getByRole("link", { name: title })).toHaveCount(0);
  await page.getByRole("tab", { name: "Resolved" }).click();
  await expect(page).toHaveURL(/\/incidents\?status=RESOLVED$/);
  await expect(page.getByRole("table", { name: "Resolved incidents" }).getByRole("link", { name: title })).toBeVisible();
});

test("a responder edits an incident's title and impact, then resolves and reopens it", async ({ pageAs }) => {
  const page = await pageAs("responder");
  const plan = { name: uniqueName("edit"), title: "Queue backlog", impact: "4 Low" };
  await createResponsePlan(page, plan);
  await page.goto("/incidents");
  await page.getByRole("button", { name: "Start incident" }).click();
  const start = page.getByRole("dialog", { name: "Start incident" });
  await start.getByLabel("Response plan").selectOption({ label: planOptionLabel(plan) });
  await start.getByRole("button", { name: "Start", exact: true }).click();
  // No overrides: the template's title and impact.
  await expect(page.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
  await expect(page.getByRole("main").getByText("4 Low").first()).toBeVisible();

  const edited = `Queue backlog growing ${uniqueName("t")}`;
  await page.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: "Edit incident" });
  await edit.getByLabel("Title").fill("");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit.getByLabel("Title")).toHaveAccessibleErrorMessage("Required.");
  await edit.getByLabel("Title").fill(edited);
  await edit.getByLabel("Impact").selectOption({ label: "2 High" });
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: edited })).toBeVisible();
  await expect(page.getByRole("main").getByText("2 High").first()).toBeVisible();

  await page.getByRole("button", { name: "Resolve" }).click();
  await page.getByRole("dialog", { name: "Resolve incident" }).getByRole("button", { name: "Resolve" }).click();
  await page.getByRole("button", { name: "Reopen" }).click();
  await expect(page.getByRole("button", { name: "Resolve" })).toBeVisible();
  await expect(page.getByRole("main").getByText(/^Open for /).first()).toBeVisible();
});

// (d) The response plan form checks the model's rules inline, and puts server errors (a
// duplicate name) on the field they belong to.
import { createResponsePlan, expect, test, uniqueName } from "./support/fixtures";

test("an invalid response plan name shows an inline field error", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.goto("/response-plans/create");
  await page.getByLabel("Name", { exact: true }).fill("not a valid name!");
  await page.getByLabel("Title", { exact: true }).fill("Some title");
  await page.getByLabel("Impact", { exact: true }).selectOption({ label: "2 High" });
  await page.getByRole("button", { name: "Create response plan" }).click();

  const name = page.getByLabel("Name", { exact: true });
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleErrorMessage(/regular expression pattern/);
  await expect(page).toHaveURL(/\/response-plans\/create$/);
});

test("a duplicate name is reported on the name field (ConflictException)", async ({ pageAs }) => {
  const page = await pageAs("admin");
  const plan = { name: uniqueName("dup"), title: "First", impact: "5 No impact" };
  await createResponsePlan(page, plan);

  await page.goto("/response-plans/create");
  await page.getByLabel("Name", { exact: true }).fill(plan.name);
  await page.getByLabel("Title", { exact: true }).fill("Second");
  await page.getByLabel("Impact", { exact: true }).selectOption({ label: "5 No impact" });
  await page.getByRole("button", { name: "Create response plan" }).click();
  await expect(page.getByLabel("Name", { exact: true })).toHaveAccessibleErrorMessage(/already exists/);
});

// (c) Signed out, pages redirect to sign-in and the console's JSON routes refuse.
import { expect, test } from "./support/fixtures";

test("an unauthenticated visit to /incidents redirects to /signin", async ({ page }) => {
  await page.goto("/incidents");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fincidents$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeVisible();
});

test("a wrong password is refused with an inline error", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Sign-in failed" })).toContainText("incorrect");
  await expect(page).toHaveURL(/\/signin$/);
});

test("the console's JSON routes refuse a request without a session", async ({ request }) => {
  const res = await request.get("/api/incidents?status=OPEN");
  expect(res.status()).toBe(403);
  expect(await res.json()).toMatchObject({ name: "AccessDeniedException" });
});

test("sign-in never sends a signed-in user to another site, whatever the callbackUrl", async ({ pageAs }) => {
  const page = await pageAs("viewer");
  for (const trick of ["/%09/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example/"]) {
    await page.goto(`/signin?callbackUrl=${trick}`);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/incidents$/);
  }
});

// (c) Signed out, pages redirect to sign-in and the console's JSON routes refuse.
import { USERS } from "./support/env";
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

test("pages carry a nonce-based Content-Security-Policy and the fixed security headers; the sign-in page works under it", async ({ page }) => {
  const refused: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) refused.push(m.text());
  });
  const res = await page.goto("/signin");
  const headers = res!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  // Served over http here: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
  // Each response gets its own nonce.
  const again = (await page.request.get("/signin")).headers()["content-security-policy"];
  expect(again).not.toBe(headers["content-security-policy"]);
  // The page's scripts run under it: the form signs in.
  await page.getByLabel("Email").fill(USERS.viewer.email);
  await page.getByLabel("Password").fill(USERS.viewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/incidents$/);
  expect(refused).toEqual([]);
});

test("after a few wrong passwords the form says how long to wait", async ({ page }) => {
  await page.goto("/signin");
  const email = `guesser-${Date.now()}@example.com`;
  const alert = page.getByRole("alert").filter({ hasText: "Sign-in failed" });
  for (let i = 0; i < 4; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toContainText("incorrect");
  }
  await page.getByLabel("Password").fill("wrong-again");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toContainText(/Too many sign-in attempts: try again in \d+ seconds?\./);
});

// Settings (admins only): an API key created on the page works with the AWS SDK until it is
// revoked on the page (local mode; aws mode says why there are none); a created user signs in and
// gets their linked contact; the last active admin is protected; responders and viewers are
// refused the page and a replayed action. Runs in both projects.
import { SSMIncidents } from "@aws-sdk/client-ssm-incidents";
import type { BrowserContext } from "@playwright/test";
import { createPersonalContact, createPlanThroughApi, incidentsApi } from "./support/aws-api";
import { BASE_URL, BOOTSTRAP_KEY, USERS } from "./support/env";
import { expect, test, uniqueName, replayAction } from "./support/fixtures";

async function signIn(context: BrowserContext, email: string, password: string) {
  const csrf = await context.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  await context.request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
}


test("an API key created in Settings works with the SDK until it is revoked in Settings", async ({ pageAs }, testInfo) => {
  test.skip(testInfo.project.name === "aws-mode", "API access keys exist for the local model's endpoints only");
  const page = await pageAs("admin");
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  const name = uniqueName("sdk-key");
  await page.getByLabel("Key name").fill(name);
  await page.getByLabel("Key role").selectOption("viewer");
  await page.getByRole("button", { name: "Create access key" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Access key ${name} created` })).toBeVisible();
  const accessKeyId = (await page.getByTestId("new-access-key-id").textContent())!.trim();
  const secretAccessKey = (await page.getByTestId("new-secret-access-key").textContent())!.trim();
  expect(accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
  expect(secretAccessKey).toHaveLength(64);
  await expect(page.getByLabel("AWS CLI example", { exact: true })).toContainText(`aws ssm-incidents list-response-plans --endpoint-url ${BASE_URL}/api/aws/ssm-incidents --region us-east-1`);
  await expect(page.getByLabel("AWS CLI example", { exact: true })).toContainText(`AWS_ACCESS_KEY_ID=${accessKeyId}`);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE_URL });
  await page.getByRole("button", { name: "Copy secret access key" }).click();
  await expect(page.getByText("Copied", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secretAccessKey);

  const sdk = new SSMIncidents({ endpoint: `${BASE_URL}/api/aws/ssm-incidents`, region: "us-east-1", credentials: { accessKeyId, secretAccessKey } });
  const out = await sdk.listResponsePlans({});
  expect(Array.isArray(out.responsePlanSummaries)).toBe(true);

  // The list shows the key, then its last use.
  const row = page.getByRole("table", { name: "API access keys" }).getByRole("row").filter({ hasText: accessKeyId });
  await expect(row).toContainText(name);
  await expect(async () => {
    await page.reload();
    await expect(row).not.toContainText("Never", { timeout: 1000 });
  }).toPass();

  await row.getByRole("button", { name: `Revoke ${name} (${accessKeyId})` }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke API access key" });
  await dialog.getByRole("button", { name: "Revoke" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Revoked");
  const refused = await sdk.listResponsePlans({}).then(
    () => null,
    (e: { name?: string; $metadata?: { httpStatusCode?: number } }) => e,
  );
  expect(refused, "the revoked key is refused").not.toBeNull();
  expect(refused!.$metadata?.httpStatusCode).toBe(403);
});

test("a user created in Settings signs in, with the contact an admin linked", async ({ pageAs, browser, baseURL }) => {
  const contact = await createPersonalContact("settings-user");
  const page = await pageAs("admin");
  await page.goto("/settings");
  const email = `${uniqueName("user")}@example.com`;
  const form = page.getByRole("form", { name: "Create user" });
  // Validated: a short password is refused on its field.
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("<img src=x onerror=alert(1)>");
  await form.getByLabel("Role").selectOption("responder");
  await form.getByLabel("Initial password").fill("short");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByText("At least 12 characters").first()).toBeVisible();
  await form.getByLabel("Initial password").fill("a-good-initial-password");
  await form.getByRole("button", { name: "Create user" }).click();
  await expect(form.getByRole("status")).toContainText(`User ${email} created`);
  const users = page.getByRole("table", { name: "Users" });
  const row = users.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("<img src=x onerror=alert(1)>");
  await expect(row.getByRole("combobox", { name: `Role of ${email}` })).toHaveValue("responder");

  await row.getByRole("button", { name: `Link contact for ${email}` }).click();
  const dialog = page.getByRole("dialog", { name: `Contact for ${email}` });
  await dialog.getByLabel("Contact").selectOption({ value: contact.arn });
  await dialog.getByRole("button", { name: "Save contact" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText(contact.alias);

  // They sign in to the console the admin created them on (each console has its own users).
  const context = await browser.newContext({ baseURL });
  try {
    await signIn(context, email, "a-good-initial-password");
    const theirs = await context.newPage();
    await theirs.goto("/pages");
    await expect(theirs.getByText(`You are ${contact.alias}`)).toBeVisible();
    // A responder: no Settings in the navigation.
    await expect(theirs.getByRole("navigation", { name: "Side navigation" }).getByRole("link", { name: "Settings" })).toHaveCount(0);

    // Deactivated: their next request has no session.
    await row.getByRole("button", { name: `Deactivate ${email}` }).click();
    await expect(row).toContainText("Inactive");
    await theirs.goto("/pages");
    await expect(theirs).toHaveURL(/\/signin/);
  } finally {
    await context.close();
  }
});

test("the last active admin cannot be demoted, and an admin cannot deactivate themself", async ({ pageAs }) => {
  const page = await pageAs("admin");
  await page.goto("/settings");
  const row = page.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: USERS.admin.email });
  await row.getByRole("combobox", { name: `Role of ${USERS.admin.email}` }).selectOption("viewer");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("last active admin");
  await expect(row.getByRole("combobox", { name: `Role of ${USERS.admin.email}` })).toHaveValue("admin");
  await row.getByRole("button", { name: `Deactivate ${USERS.admin.email}` }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("You cannot deactivate yourself");
  await page.reload();
  await expect(row).toContainText("Active");
  await expect(page.getByRole("navigation", { name: "Side navigation" }).getByRole("link", { name: "Settings" })).toBeVisible();
});

test("in aws mode, Settings says why there are no API access keys", async ({ pageAs }, testInfo) => {
  test.skip(testInfo.project.name !== "aws-mode", "a local-mode console has keys");
  const page = await pageAs("admin");
  await page.goto("/settings");
  const keys = page.getByRole("region", { name: "API access keys" });
  await expect(keys.getByRole("status")).toContainText("This console runs in aws mode");
  await expect(keys.getByRole("status")).toContainText("use IAM access keys");
  await expect(page.getByLabel("Key name")).toHaveCount(0);
  // The rest of Settings is there.
  for (const name of ["Replication set", "Resource policies", "Tags", "Users"]) await expect(page.getByRole("region", { name })).toBeVisible();
});

test("in aws mode, the AWS-compatible endpoints don't exist: a local key never spends the server's AWS rights", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "aws-mode", "a local-mode console serves them");
  // The console's own bootstrap key signs it, as the AWS CLI would.
  const client = new SSMIncidents({ endpoint: `${testInfo.project.use.baseURL}/api/aws/ssm-incidents`, region: "us-east-1", credentials: BOOTSTRAP_KEY, maxAttempts: 1 });
  await expect(client.listResponsePlans({})).rejects.toMatchObject({ name: "UnknownOperationException", $metadata: { httpStatusCode: 404 } });
  const contacts = await request.post("/api/aws/ssm-contacts/", { headers: { "x-amz-target": "SSMContacts.ListContacts", "content-type": "application/x-amz-json-1.1" }, data: "{}" });
  expect(contacts.status()).toBe(404);
  expect(await contacts.text()).toContain("only in local mode");
});

test("responders and viewers are refused the page and a replayed user creation", async ({ pageAs }) => {
  const admin = await pageAs("admin");
  await admin.goto("/settings");
  const email = `${uniqueName("forced")}@example.com`;
  const form = admin.getByRole("form", { name: "Create user" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Name").fill("Forced");
  await form.getByLabel("Initial password").fill("a-good-initial-password");
  const request = admin.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await form.getByRole("button", { name: "Create user" }).click();
  const captured = await request;
  await expect(form.getByRole("status")).toContainText(`User ${email} created`);

  for (const role of ["responder", "viewer"] as const) {
    const page = await pageAs(role);
    await page.goto("/settings");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByText("API access keys")).toHaveCount(0);
    await page.goto("/incidents");
    await expect(page.getByRole("navigation", { name: "Side navigation" }).getByRole("link", { name: "Incidents" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Side navigation" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
    // Replayed for another address, so that it would create a user if the server let it.
    expect(await replayAction(page, captured, captured.postData()!.replace(email, `${role}-${email}`))).toContain("AccessDeniedException");
  }
  // Only the admin's own creation happened.
  await admin.reload();
  const users = admin.getByRole("table", { name: "Users" });
  await expect(users.getByRole("row").filter({ hasText: email })).toHaveCount(1);
});

test("Settings fits a 375 px screen, with a new key's secret and CLI example, policies and tags shown", async ({ pageAs }, testInfo) => {
  const plan = uniqueName("phone-plan");
  const planArn = await createPlanThroughApi(plan, "Phone plan");
  await incidentsApi().putResourcePolicy({ resourceArn: planArn, policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Resource: planArn }] }) });
  await incidentsApi().tagResource({ resourceArn: planArn, tags: { team: "a-rather-long-tag-value-for-a-phone-screen" } });
  const page = await pageAs("admin");
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/settings");
  if (testInfo.project.name === "local") {
    await page.getByLabel("Key name").fill(uniqueName("phone-key"));
    await page.getByRole("button", { name: "Create access key" }).click();
    await expect(page.getByTestId("new-secret-access-key")).toBeVisible();
  }
  await page.getByRole("region", { name: "Resource policies" }).getByLabel("Response plan").selectOption({ label: plan });
  await expect(page.getByRole("list", { name: "Resource policies" }).getByRole("listitem")).toHaveCount(1);
  await page.getByRole("region", { name: "Tags" }).getByLabel("Resource", { exact: true }).selectOption({ label: plan });
  await expect(page.getByRole("form", { name: `Tags of ${planArn}` }).getByLabel("Key 1")).toHaveValue("team");
  await page.screenshot({ path: testInfo.outputPath("settings.png"), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

// Test fixtures: signed-in pages per role (signed in through next-auth's own endpoints, as the
// sign-in form does), unique names, and the console steps several specs share.
import { test as base, expect, type BrowserContext, type Locator, type Page, type Request } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { USERS, type E2eRole } from "./env";

export { expect };

/** A name no other test (or earlier run) uses; fits the ResponsePlanName pattern. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString("hex")}`;
}

export async function signInThroughApi(context: BrowserContext, role: E2eRole): Promise<void> {
  await signInAs(context, USERS[role]);
}

/** Signs a browser context in with an email and password (a user a test created, or an e2e role's). */
export async function signInAs(context: BrowserContext, user: { email: string; password: string }): Promise<void> {
  const csrf = await context.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await context.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password, json: "true" },
  });
  expect(res.ok(), `signing in as ${user.email}`).toBeTruthy();
  const cookies = await context.cookies();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token")), `a session cookie for ${user.email}`).toBeTruthy();
}

/**
 * A console user of the test's own, made by an admin in Settings (so no other test's session or
 * contact link is shared with it); their email and password.
 */
export async function createUserInSettings(
  admin: Page,
  user: { prefix: string; name: string; role: "admin" | "responder" | "viewer"; password: string },
): Promise<{ email: string; password: string }> {
  const email = `${uniqueName(user.prefix)}@example.com`;
  await admin.goto("/settings");
  const create = admin.getByRole("form", { name: "Create user" });
  await create.getByLabel("Email").fill(email);
  await create.getByLabel("Name").fill(user.name);
  await create.getByLabel("Role").selectOption(user.role);
  await create.getByLabel("Initial password").fill(user.password);
  await create.getByRole("button", { name: "Create user" }).click();
  await expect(create.getByRole("status")).toContainText(`User ${email} created`);
  return { email, password: user.password };
}

export const test = base.extend<{ pageAs: (role: E2eRole) => Promise<Page> }>({
  pageAs: async ({ browser, baseURL }, provide, testInfo) => {
    const contexts: BrowserContext[] = [];
    const pages: { page: Page; inFlight: Map<Request, number> }[] = [];
    // Anything the Content-Security-Policy blocked (Chromium reports it on the console): a page
    // whose own scripts or styles are refused is broken, so every test fails on one.
    const refused: string[] = [];
    await provide(async (role) => {
      const context = await browser.newContext({ baseURL });
      contexts.push(context);
      await signInThroughApi(context, role);
      const page = await context.newPage();
      // What was still on the way when a test fails (printed below): a save that never came back
      // reads differently from one that came back with an error.
      const inFlight = new Map<Request, number>();
      page.on("request", (r) => inFlight.set(r, Date.now()));
      page.on("requestfinished", (r) => inFlight.delete(r));
      page.on("requestfailed", (r) => inFlight.delete(r));
      pages.push({ page, inFlight });
      page.on("console", (m) => {
        if (m.type() === "error" && /Content Security Policy/i.test(m.text())) refused.push(`${page.url()}: ${m.text()}`);
      });
      return page;
    });
    if (testInfo.status !== testInfo.expectedStatus) await printFailureContext(pages);
    for (const context of contexts) await context.close();
    expect(refused, "nothing refused by the Content-Security-Policy").toEqual([]);
  },
});

/**
 * On a failed test, each page's URL, the requests still unanswered and what the page showed (its
 * accessibility tree, cut short), on the test's output: CI keeps the log, not test-results/.
 */
async function printFailureContext(pages: { page: Page; inFlight: Map<Request, number> }[]): Promise<void> {
  for (const [i, { page, inFlight }] of pages.entries()) {
    if (page.isClosed()) continue;
    const now = Date.now();
    const waiting = [...inFlight].map(([r, at]) => `  ${r.method()} ${r.url()}${r.headers()["next-action"] ? " (server action)" : ""}: ${now - at} ms unanswered`);
    const tree = await page.locator("body").ariaSnapshot({ timeout: 2_000 }).catch((e) => `(no snapshot: ${e})`);
    console.log(`[failure context] page ${i + 1}: ${page.url()}\n${waiting.length ? `requests unanswered:\n${waiting.join("\n")}\n` : ""}${tree.slice(0, 6_000)}`);
  }
}

export type PlanSpec = { name: string; displayName?: string; title: string; impact: string };

/** Creates a response plan through the form and waits for its page. */
export async function createResponsePlan(page: Page, plan: PlanSpec): Promise<void> {
  await page.goto("/response-plans/create");
  await page.getByLabel("Name", { exact: true }).fill(plan.name);
  if (plan.displayName) await page.getByLabel(/^Display name/).fill(plan.displayName);
  await page.getByLabel("Title", { exact: true }).fill(plan.title);
  await page.getByLabel("Impact", { exact: true }).selectOption({ label: plan.impact });
  await page.getByRole("button", { name: "Create response plan" }).click();
  await expect(page).toHaveURL(new RegExp(`/response-plans/${plan.name}$`));
  await expect(page.getByRole("heading", { level: 1, name: plan.displayName ?? plan.name })).toBeVisible();
}

/** The newest activation code in the "Where the code went" panel of an open activation dialog. */
export async function newestActivationCode(dialog: Locator): Promise<string> {
  const newest = dialog.getByRole("list", { name: "Outbox messages" }).getByRole("listitem").first();
  const text = await newest.textContent();
  const code = /activation code is (\d{6,10})/.exec(text ?? "")?.[1];
  expect(code, `an activation code in "${text}"`).toBeTruthy();
  return code!;
}

/** Adds a contact or escalation plan in the response plan form's engagement picker (search, then add). */
export async function pickEngagement(page: Page, search: string, label: string): Promise<void> {
  await page.getByRole("searchbox", { name: "Search contacts and escalation plans" }).fill(search);
  await page.getByRole("list", { name: "Matching contacts" }).getByRole("button", { name: `Add ${label}` }).click();
  await expect(page.getByRole("list", { name: "Chosen engagements" })).toContainText(label);
}

/** The option label the start-incident dialog shows for a plan. */
export function planOptionLabel(plan: PlanSpec): string {
  return plan.displayName ? `${plan.displayName} (${plan.name})` : plan.name;
}

/**
 * Posts a captured server-action request again with another page's session (and, if given, another
 * body): how the specs prove the server, not the UI, refuses an action. Returns the answer's text.
 */
export async function replayAction(page: Page, captured: Request, data: string = captured.postData() ?? ""): Promise<string> {
  const headers = captured.headers();
  const res = await page.request.post(captured.url(), {
    headers: {
      "next-action": headers["next-action"],
      "next-router-state-tree": headers["next-router-state-tree"] ?? "",
      "content-type": headers["content-type"] ?? "text/plain;charset=UTF-8",
      origin: headers["origin"] ?? new URL(captured.url()).origin,
      accept: "text/x-component",
    },
    data,
  });
  return res.text();
}

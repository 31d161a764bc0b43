// The console on a phone (390 × 844, issue 16), compared with reviewed screenshots rather than only
// "nothing overflows": the incidents list folds its filters behind a counted "Filters" button and
// shows cards; tables that stay tables scroll sideways with a shadow on the cut-off side; the
// main pages read well. A console of its own (fixed names, nothing from other specs), relative
// times, durations and generated ids masked, animations off: the same pixels on every run.
// Local project only: the aws-mode console draws the same components.
//
// Baselines: e2e/phone.spec.ts-snapshots/. After a deliberate change of look, run
// `npx playwright test e2e/phone.spec.ts --project=local --update-snapshots`, then look at every
// changed PNG before committing it.
import type { Locator, Page } from "@playwright/test";
import path from "node:path";
import { startIsolatedConsole, type IsolatedConsole } from "./support/isolated-console";
import { expect, test } from "./support/fixtures";
import { incidentPath } from "../lib/console/incidents/paths";

const PHONE = { width: 390, height: 844 };
const LONG_TITLE = "Checkout fails for customers in the EU after the payment provider's failover to its secondary region";

let iso: IsolatedConsole;
let incidentArn: string;

test.beforeAll(async () => {
  iso = await startIsolatedConsole(false);
  const contacts = iso.contacts;
  // Ana: pages go to an e-mail channel left unactivated, so each page has one ERROR receipt and
  // nothing more (no retries) — the same receipts on every run, without a mail server.
  const person = async (alias: string, name: string) => {
    const { ContactArn } = await contacts.createContact({ Alias: alias, DisplayName: name, Type: "PERSONAL", Plan: { Stages: [] } });
    const { ContactChannelArn } = await contacts.createContactChannel({
      ContactId: ContactArn!,
      Name: "work email",
      Type: "EMAIL",
      DeliveryAddress: { SimpleAddress: `${alias}@example.com` },
      DeferActivation: true,
    });
    await contacts.updateContact({
      ContactId: ContactArn!,
      Plan: { Stages: [{ DurationInMinutes: 5, Targets: [{ ChannelTargetInfo: { ContactChannelId: ContactChannelArn!, RetryIntervalInMinutes: 0 } }] }] },
    });
    return ContactArn!;
  };
  const ana = await person("ana-oncall", "Ana Oncall");
  const bob = await person("bob-backup", "Bob Backup");
  await contacts.createContact({
    Alias: "payments-escalation",
    DisplayName: "Payments escalation",
    Type: "ESCALATION",
    Plan: {
      Stages: [
        { DurationInMinutes: 5, Targets: [{ ContactTargetInfo: { ContactId: ana, IsEssential: true } }] },
        { DurationInMinutes: 10, Targets: [{ ContactTargetInfo: { ContactId: bob, IsEssential: false } }] },
      ],
    },
  });
  const { arn: checkout } = await iso.incidents.createResponsePlan({
    name: "checkout-api",
    displayName: "Checkout API",
    incidentTemplate: {
      title: "Checkout errors",
      impact: 2,
      summary: "**Customers** can't check out.\n\n- Check the payment provider's status page\n- Roll back the last deploy",
    },
  });
  const { arn: search } = await iso.incidents.createResponsePlan({ name: "search", incidentTemplate: { title: "Search degraded", impact: 4 } });
  await iso.incidents.startIncident({ responsePlanArn: search, title: "Search results are slow", impact: 4 });
  await iso.incidents.startIncident({ responsePlanArn: search, title: "Product images missing on the home page", impact: 3 });
  incidentArn = (await iso.incidents.startIncident({ responsePlanArn: checkout, title: LONG_TITLE, impact: 1 })).incidentRecordArn!;
  // Ana is paged for it through the API, and only then added to the plan: a plan's engagement would
  // write "Contact engaged" in the same instant as "Incident started", whose order is not fixed.
  await contacts.startEngagement({ ContactId: ana, Sender: "Incident Manager", Subject: LONG_TITLE, Content: "Checkout is failing.", IncidentId: incidentArn });
  await iso.incidents.updateResponsePlan({ arn: checkout, engagements: [ana] });
  await iso.incidents.updateRelatedItems({
    incidentRecordArn: incidentArn,
    relatedItemsUpdate: { itemToAdd: { identifier: { type: "OTHER", value: { url: "https://status.example.com/payments" } }, title: "Payment provider status" } },
  });
  await iso.incidents.createTimelineEvent({
    incidentRecordArn: incidentArn,
    eventType: "Custom Event",
    eventTime: new Date(),
    eventData: JSON.stringify("Rolled back deploy 42; errors are dropping"),
  });
});

test.afterAll(async () => {
  await iso?.stop();
});

const SCREENSHOT_CSS = path.join(__dirname, "support", "phone-screenshot.css");

/** What changes from run to run: times, durations, generated ids and ARNs with them. */
function volatile(page: Page): Locator[] {
  // Date fields default to today's month (the shift export): masked like times.
  return [page.locator("time"), page.locator(".e2e-duration"), page.locator(".e2e-id"), page.locator('input[type="date"], input[type="datetime-local"]')];
}

async function looksRight(page: Page, name: string) {
  // The page itself never scrolls sideways; wide tables scroll inside their own box.
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name} fits ${PHONE.width} px`).toBeLessThanOrEqual(PHONE.width);
  // Marks the elements that hold a duration or a generated id (phone-screenshot.css keeps their size fixed).
  await page.evaluate(() => {
    for (const el of document.querySelectorAll("body *")) {
      if (el.children.length) continue;
      const text = el.textContent ?? "";
      if (/^(Open for|Resolved after) /.test(text)) el.classList.add("e2e-duration");
      if (/arn:aws:|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/.test(text)) el.classList.add("e2e-id");
    }
  });
  await expect(page).toHaveScreenshot(`${name}.png`, { fullPage: true, mask: volatile(page), animations: "disabled", stylePath: SCREENSHOT_CSS });
}

test("the main pages at 390 × 844 look as reviewed", async ({ browser }) => {
  test.slow();
  const page = await iso.pageAs(browser, "responder");
  await page.setViewportSize(PHONE);

  // My contact is Ana, so My pages has her page.
  await page.goto("/pages");
  await page.getByLabel("Your contact").selectOption({ label: "Ana Oncall (ana-oncall) · contact" });
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByText("You are ana-oncall")).toBeVisible();
  await expect(page.getByRole("list", { name: "My pages" }).or(page.getByRole("table", { name: "My pages" })).first()).toContainText(LONG_TITLE);
  await looksRight(page, "my-pages");

  // The incidents list: the search, a "Filters" button, then the cards.
  await page.goto("/incidents");
  const cards = page.getByRole("list", { name: "Open incidents" });
  await expect(cards.getByRole("listitem")).toHaveCount(3);
  await expect(page.getByRole("table", { name: "Open incidents" })).toBeHidden();
  await expect(page.getByLabel("Created by")).toBeHidden();
  const filters = page.getByRole("button", { name: /^Filters/ });
  await expect(filters).toHaveAttribute("aria-expanded", "false");
  // The first card is on the first screen, with its title in two lines at most.
  const first = cards.getByRole("listitem").first();
  const firstTitle = first.getByRole("link", { name: LONG_TITLE });
  await expect(firstTitle).toBeInViewport();
  const lineHeight = await firstTitle.evaluate((a) => parseFloat(getComputedStyle(a).lineHeight));
  expect((await firstTitle.boundingBox())!.height).toBeLessThanOrEqual(2 * lineHeight + 1);
  await expect(first).toContainText("Critical");
  await expect(first).toContainText("checkout-api");
  await looksRight(page, "incidents");

  // The button opens the filters from the keyboard; an active filter is counted on it.
  await filters.focus();
  await page.keyboard.press("Enter");
  await expect(filters).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByLabel("Created by")).toBeVisible();
  await page.getByRole("checkbox", { name: "1 Critical" }).check();
  await expect(page).toHaveURL(/impact=1/);
  await expect(cards.getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Filters 1 active" })).toBeVisible();
  await looksRight(page, "incidents-filters-open");

  // The incident, tab by tab.
  for (const tab of ["overview", "timeline", "related-items", "findings", "engagements", "runbook", "properties"]) {
    await page.goto(incidentPath(incidentArn, tab));
    await expect(page.getByRole("heading", { level: 1, name: LONG_TITLE })).toBeVisible();
    const panel = page.getByRole("tabpanel");
    await expect(panel).toBeVisible();
    if (tab === "overview") await expect(panel.getByRole("region", { name: "Summary" }).locator("strong")).toHaveText("Customers");
    if (tab === "timeline") await expect(panel.getByText("Rolled back deploy 42; errors are dropping")).toBeVisible();
    if (tab === "related-items") await expect(panel.getByRole("link", { name: "Payment provider status" })).toBeVisible();
    if (tab === "engagements") {
      const receipts = panel.getByRole("list", { name: "Receipts of the page to ana-oncall" });
      await expect(receipts).toContainText("Error");
      // The receipts table stays a table: it scrolls inside its box, with a shadow on the cut-off side.
      const box = panel.getByRole("table", { name: "Pages of ana-oncall" }).locator("xpath=..");
      expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      expect(await box.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain("radial-gradient");
    }
    if (tab === "properties") await expect(panel.getByText("checkout-api").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    await looksRight(page, `incident-${tab}`);
  }

  // The planner's pages.
  const pages: [string, string, string][] = [
    ["/contacts", "Contacts", "contacts"],
    ["/contacts/ana-oncall", "Ana Oncall", "contact"],
    ["/escalation-plans", "Escalation plans", "escalation-plans"],
    ["/escalation-plans/payments-escalation", "Payments escalation", "escalation-plan"],
    ["/response-plans", "Response plans", "response-plans"],
    ["/response-plans/checkout-api", "Checkout API", "response-plan"],
    ["/engagements", "Engagements", "engagements"],
  ];
  for (const [path, heading, name] of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState("networkidle");
    if (name === "response-plan") await expect(page.locator("strong").filter({ hasText: "Customers" })).toBeVisible();
    if (name === "escalation-plan") await expect(page.getByText("This escalation plan hasn't been paged.")).toBeVisible();
    if (name === "contact") await expect(page.getByRole("table", { name: "Recent pages" }).getByRole("row")).toHaveCount(2);
    if (name === "engagements") await expect(page.getByRole("table", { name: "Engagements" }).getByRole("row")).toHaveCount(2);
    await looksRight(page, name);
  }

  // Settings, as an admin; its danger zone is at the foot.
  const admin = await iso.pageAs(browser, "admin");
  await admin.setViewportSize(PHONE);
  await admin.goto("/settings");
  await expect(admin.getByRole("main").getByRole("heading", { level: 2 }).last()).toHaveText("Danger zone");
  await expect(admin.getByRole("table", { name: "Users" })).toBeVisible();
  await admin.waitForLoadState("networkidle");
  await looksRight(admin, "settings");
});

// Names, not identifiers (issue 16): an incident has a short URL, /incidents/<plan>/<id>, that old
// `?arn=` links redirect to; a contact's Recent pages names the incident by its title (ARN on
// hover) and links to it; receipts name the channel and say in words why it wasn't reached; an
// ARN breaks only after `:` or `/` and has a copy button. Runs on both consoles.
import { contactsApi, createPersonalContact, createPlanThroughApi, incidentsApi } from "./support/aws-api";
import { expect, test, uniqueName } from "./support/fixtures";

const SHORT_URL = /\/incidents\/[A-Za-z0-9_-]+\/[0-9a-f-]{36}/;

test("an incident has a short URL, old links land on it, and pages and receipts use names", async ({ pageAs }) => {
  const contact = await createPersonalContact("named");
  const planName = uniqueName("named-plan");
  const planArn = await createPlanThroughApi(planName, "Named template", 3);
  const title = `Named incident ${uniqueName("t")}`;
  const { incidentRecordArn } = await incidentsApi().startIncident({ responsePlanArn: planArn, title });
  const arn = incidentRecordArn!;
  await contactsApi().startEngagement({ ContactId: contact.arn, Sender: "e2e@example.com", Subject: title, Content: title, IncidentId: arn });
  const page = await pageAs("responder");

  // An old link, with its tab: redirected to the short URL, on that tab.
  await page.goto(`/incidents/detail?arn=${encodeURIComponent(arn)}&tab=engagements`);
  await expect(page).toHaveURL(new RegExp(`/incidents/${planName}/${arn.split("/").pop()}\\?tab=engagements$`));
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Engagements", selected: true })).toBeVisible();

  // The receipt names the channel and says why it wasn't reached, with no ARN.
  const receipts = page.getByRole("list", { name: `Receipts of the page to ${contact.alias}` });
  await expect(receipts).toContainText('Not reached: the channel "work email" is not activated', { timeout: 30_000 });
  await expect(receipts).toContainText("work email");
  await expect(receipts).not.toContainText("arn:aws:");

  // The contact's recent pages: the incident by title, its ARN on hover, linked to its short URL.
  await page.goto(`/contacts/${contact.alias}`);
  const recent = page.getByRole("table", { name: "Recent pages" });
  const link = recent.getByRole("link", { name: title });
  await expect(link).toHaveAttribute("title", arn);
  await expect(recent).not.toContainText("arn:aws:");
  await link.click();
  await expect(page).toHaveURL(SHORT_URL);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // A link to nothing: the incident page says so.
  await page.goto(`/incidents/${planName}/00000000-0000-0000-0000-000000000000`);
  await expect(page.getByRole("heading", { name: "Incident not found" })).toBeVisible();
});

test("an ARN breaks only after : or / at phone width, and its copy button copies it whole", async ({ pageAs }) => {
  const planArn = await createPlanThroughApi(uniqueName("arn-plan"), "ARN template", 3);
  const title = `ARN ${uniqueName("t")}`;
  const { incidentRecordArn } = await incidentsApi().startIncident({ responsePlanArn: planArn, title });
  const arn = incidentRecordArn!;
  const page = await pageAs("responder");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/incidents/detail?arn=${encodeURIComponent(arn)}&tab=properties`);
  await expect(page).toHaveURL(SHORT_URL);

  const shown = page.locator(`[data-arn="${arn}"]`);
  await expect(shown).toHaveText(arn);
  // The last character of each rendered line of the ARN.
  const lineEnds = await shown.evaluate((el) => {
    const chars: { ch: string; top: number }[] = [];
    const range = document.createRange();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      for (let i = 0; i < text.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        chars.push({ ch: text[i], top: range.getBoundingClientRect().top });
      }
    }
    return chars.flatMap((c, i) => (i + 1 < chars.length && chars[i + 1].top > c.top + 2 ? [c.ch] : []));
  });
  expect(lineEnds.length, "the ARN wraps at 390 px").toBeGreaterThan(0);
  for (const ch of lineEnds) expect([":", "/"]).toContain(ch);

  await page.getByRole("button", { name: "Copy incident ARN" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(arn);
});

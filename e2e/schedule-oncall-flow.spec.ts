// On-call schedules end to end (issue 14's "Tests"): a planner (the admin) builds a schedule of two
// rotations in the builder, watches the live preview follow a change of recurrence, saves, sees
// the calendar, and covers the current shift of the first rotation with Dee ("Cover this shift"),
// so Dee is on call now. A responder engages the schedule from an incident's Engagements tab: the
// engine pages whoever is on call in each rotation, Dee among them. Dee's console user (made in
// Settings, linked to Dee's contact on My pages) acknowledges the page on My pages, and the
// incident shows it acknowledged. Runs on both consoles (in aws mode the console's calls cross to
// the first console's model, whose engine pages).
import type { Browser, Page } from "@playwright/test";
import { contactsApi, createPersonalContact, incidentsApi, createPlanThroughApi } from "./support/aws-api";
import { createUserInSettings, expect, signInAs, test, uniqueName } from "./support/fixtures";
import { incidentPath } from "../lib/console/incidents/paths";

type Person = { arn: string; alias: string };
/** How the console names a contact made by createPersonalContact, and its option in the pickers. */
const nameOf = (p: Person) => `Contact ${p.alias}`;
const optionOf = (p: Person) => `${nameOf(p)} (${p.alias})`;

/** The rotation's panel in the builder (its heading carries its name once given). */
const rotationPanel = (page: Page, n: number) => page.getByRole("region", { name: new RegExp(`^Rotation ${n}\\b`) });

async function addMember(page: Page, n: number, p: Person) {
  const panel = rotationPanel(page, n);
  await panel.getByLabel("Person to add").selectOption({ label: optionOf(p) });
  await panel.getByRole("button", { name: "Add member" }).click();
}

/** A responder of the test's own, made in Settings by the admin, signed in, their contact linked on My pages. */
async function onCallUser(admin: Page, browser: Browser, baseURL: string | undefined, contact: Person): Promise<Page> {
  const user = await createUserInSettings(admin, { prefix: "oncall", name: "On-call responder", role: "responder", password: "an-on-call-responder-password" });
  const context = await browser.newContext({ baseURL });
  await signInAs(context, user);
  const page = await context.newPage();
  await page.goto("/pages");
  await page.getByLabel("Your contact").selectOption({ label: `${optionOf(contact)} · contact` });
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByText(`You are ${contact.alias}`)).toBeVisible();
  return page;
}

test("plan a schedule in the builder, cover the current shift, engage it from an incident, acknowledge as the on-call user", async ({ pageAs, browser, baseURL }, testInfo) => {
  // Four screens and three users; in aws mode every call crosses two consoles.
  test.slow();
  const [ann, ben, cy, dee] = await Promise.all(["ann", "ben", "cy", "dee"].map((who) => createPersonalContact(`flow-${who}`)));
  const alias = uniqueName("flow").toLowerCase();
  const displayName = `Flow ${alias.slice(-6)}`;
  const first = uniqueName("primary").toLowerCase();
  const second = uniqueName("secondary").toLowerCase();
  // Both rotations start a week ago, so someone is on call in each now, whatever the hour.
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);

  // 1. The planner builds the schedule. Rotation 1: Ann and Ben, the browser's zone, daily, then weekly.
  const planner = await pageAs("admin");
  await planner.goto("/schedules/create");
  await planner.getByLabel("Alias", { exact: true }).fill(alias);
  await planner.getByLabel(/^Display name/).fill(displayName);
  await rotationPanel(planner, 1).getByLabel("Rotation name").fill(first);
  const one = rotationPanel(planner, 1);
  await one.getByLabel("Start time").fill(`${weekAgo}T09:00`);
  for (const p of [ann, ben]) await addMember(planner, 1, p);
  await expect(one.getByRole("list", { name: `Members of ${first}` }).getByRole("listitem")).toHaveText([new RegExp(nameOf(ann)), new RegExp(nameOf(ben))]);
  const preview = one.getByRole("region", { name: `Preview of ${first}` });
  const shifts = preview.getByRole("list", { name: `Shifts of ${first}` }).getByRole("listitem");
  await expect(shifts).toHaveCount(14);
  const dailyFirst = await shifts.first().textContent();
  // The preview follows the recurrence as it changes: weekly hand-offs, a shift a week.
  await one.getByRole("radio", { name: "Weekly" }).check();
  await expect.poll(() => shifts.count()).toBeLessThanOrEqual(5);
  await expect(shifts.first()).not.toHaveText(dailyFirst!);

  // Rotation 2: Cy alone, Berlin time, daily at 08:00.
  await planner.getByRole("button", { name: "Add rotation" }).click();
  await rotationPanel(planner, 2).getByLabel("Rotation name").fill(second);
  const two = rotationPanel(planner, 2);
  await addMember(planner, 2, cy);
  await two.getByLabel("Time zone").fill("Europe/Berlin");
  await two.getByLabel("Start time").fill(`${weekAgo}T08:00`);
  await two.getByLabel("Hand-off time 1").fill("08:00");
  await expect(two.getByRole("region", { name: `Preview of ${second}` })).toContainText("Times in Europe/Berlin.");
  await expect(two.getByRole("list", { name: `Shifts of ${second}` }).getByRole("listitem").first()).toContainText(nameOf(cy));

  // 2. Save: the schedule's page, its calendar with both rotations' shifts.
  await planner.getByRole("button", { name: "Create schedule" }).click();
  await expect(planner).toHaveURL(new RegExp(`/schedules/${alias}$`));
  await expect(planner.getByRole("heading", { level: 1, name: displayName })).toBeVisible();
  await expect(planner.getByTestId("calendar")).toHaveAttribute("aria-busy", "false");
  await expect(planner.getByRole("button", { name: new RegExp(`^(${nameOf(ann)}|${nameOf(ben)}), ${first}, `) }).first()).toBeVisible();
  await expect(planner.getByRole("button", { name: new RegExp(`^${nameOf(cy)}, ${second}, `) }).first()).toBeVisible();
  await expect(planner.getByTestId("now-marker")).toBeVisible();

  // 3. Cover the first rotation's current shift with Dee, from today's day view.
  const { Contacts } = await contactsApi().listContacts({ AliasPrefix: alias, Type: "ONCALL_SCHEDULE" });
  const schedule = await contactsApi().getContact({ ContactId: Contacts!.find((c) => c.Alias === alias)!.ContactArn });
  const [firstArn] = schedule.Plan!.RotationIds!;
  const now = new Date();
  const { RotationShifts } = await contactsApi().listRotationShifts({ RotationId: firstArn, StartTime: now, EndTime: new Date(now.getTime() + 60_000) });
  const current = [ann, ben].find((p) => p.arn === RotationShifts![0].ContactIds![0])!;
  await planner.getByRole("button", { name: "Day", exact: true }).click();
  await expect(planner).toHaveURL(/view=day/);
  await expect(planner.getByTestId("calendar")).toHaveAttribute("aria-busy", "false");
  // Today's piece of the current shift: the only one of this person in this rotation today (shifts alternate).
  await planner.getByRole("button", { name: new RegExp(`^${nameOf(current)}, ${first}, `) }).click();
  const details = planner.getByRole("dialog");
  await expect(details).toContainText(first);
  await details.getByRole("button", { name: "Cover this shift" }).click();
  const cover = planner.getByRole("dialog", { name: "Cover this shift" });
  await cover.getByLabel("Who covers").selectOption({ label: optionOf(dee) });
  await expect(cover.getByText("This leaves a coverage gap")).toHaveCount(0);
  await cover.getByRole("button", { name: "Save override" }).click();
  await expect(cover).toHaveCount(0);
  await expect(planner.getByRole("list", { name: "Overrides" })).toContainText(`⇄ ${nameOf(dee)} covers ${first}`);
  await expect(planner.getByRole("button", { name: new RegExp(`^${nameOf(dee)}, ${first}, .*, override$`) })).toBeVisible();
  await expect(planner.getByRole("region", { name: "Who is on call" })).toContainText(nameOf(dee));
  await planner.screenshot({ path: testInfo.outputPath("flow-covered.png"), fullPage: true });

  // Dee's console user: made by the admin in Settings, Dee's contact linked on My pages.
  const deePage = await onCallUser(planner, browser, baseURL, dee);

  // 4. A responder engages the schedule from an incident: whoever is on call is paged, Dee in the first rotation.
  const title = `On-call flow ${uniqueName("t")}`;
  const planArn = await createPlanThroughApi(uniqueName("flow-plan"), "Flow template", 3);
  const { incidentRecordArn } = await incidentsApi().startIncident({ responsePlanArn: planArn, title });
  const responder = await pageAs("responder");
  await responder.goto(incidentPath(incidentRecordArn!, "engagements"));
  await expect(responder.getByText("Nobody has been engaged for this incident.")).toBeVisible();
  await responder.getByRole("button", { name: "Engage contact" }).click();
  const engage = responder.getByRole("dialog", { name: "Engage contact" });
  await engage.getByLabel("Contact or escalation plan").selectOption({ label: `${displayName} (${alias}) · on-call schedule` });
  await engage.getByRole("button", { name: "Engage", exact: true }).click();
  await expect(engage).toBeHidden();
  await expect(responder.getByRole("heading", { name: `Engagement of ${alias}` })).toBeVisible();
  const paged = responder.getByRole("table", { name: `Pages of ${alias}` });
  await expect(paged.getByRole("cell", { name: dee.alias, exact: true })).toBeVisible();
  await expect(paged.getByRole("cell", { name: cy.alias, exact: true })).toBeVisible();
  // Not the person Dee covers: the override decides who is paged.
  await expect(paged.getByRole("cell", { name: current.alias, exact: true })).toHaveCount(0);
  // The responder isn't Dee: no Acknowledge for them.
  await expect(paged.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);

  // 5. Dee acknowledges the page on My pages.
  await deePage.goto("/incidents");
  await deePage.getByRole("navigation", { name: "Side navigation" }).getByRole("link", { name: /^My pages/ }).click();
  const inbox = deePage.getByRole("table", { name: "My pages" });
  const row = inbox.getByRole("row").filter({ hasText: title });
  await expect(row).toContainText("Not acknowledged");
  await row.getByRole("button", { name: `Acknowledge ${title}` }).click();
  await expect(row).toContainText("Acknowledged");
  await expect(row.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
  await deePage.context().close();

  // The incident shows Dee's page acknowledged (a Read receipt), Cy's not yet.
  await responder.reload();
  await expect(responder.getByRole("list", { name: `Receipts of the page to ${dee.alias}` })).toContainText("Read");
  const deeRow = paged.getByRole("row").filter({ has: responder.getByRole("cell", { name: dee.alias, exact: true }) });
  await expect(deeRow).not.toContainText("Not yet");
  const cyRow = paged.getByRole("row").filter({ has: responder.getByRole("cell", { name: cy.alias, exact: true }) });
  await expect(cyRow).toContainText("Not yet");
});

// The schedule builder (issue 14): build an on-call schedule of two rotations, watch the live
// preview follow the recurrence, reorder members by keyboard, save, and read the saved rotations
// back through the SDK; edit it (remove a rotation, change a zone); a viewer gets the refusal,
// from the page and from the server; and the builder at phone width.
import type { Page } from "@playwright/test";
import { contactsApi } from "./support/aws-api";
import { expect, replayAction, test, uniqueName } from "./support/fixtures";

type Person = { arn: string; alias: string; name: string };

async function person(tag: string): Promise<Person> {
  const alias = uniqueName(tag).toLowerCase();
  const { ContactArn } = await contactsApi().createContact({ Alias: alias, DisplayName: `Person ${alias}`, Type: "PERSONAL", Plan: { Stages: [] } });
  return { arn: ContactArn!, alias, name: `Person ${alias}` };
}

async function scheduleThroughApi(alias: string) {
  const api = contactsApi();
  const { Contacts } = await api.listContacts({ AliasPrefix: alias, Type: "ONCALL_SCHEDULE" });
  const found = Contacts?.find((c) => c.Alias === alias);
  expect(found, `the schedule ${alias}`).toBeTruthy();
  const contact = await api.getContact({ ContactId: found!.ContactArn });
  const rotations = await Promise.all((contact.Plan?.RotationIds ?? []).map((id) => api.getRotation({ RotationId: id })));
  return { contact, rotations };
}

/** The rotation's panel (its heading carries its name once given). */
const rotationPanel = (page: Page, n: number) => page.getByRole("region", { name: new RegExp(`^Rotation ${n}\\b`) });

async function addMember(page: Page, n: number, p: Person) {
  const panel = rotationPanel(page, n);
  await panel.getByLabel("Person to add").selectOption({ label: `${p.name} (${p.alias})` });
  await panel.getByRole("button", { name: "Add member" }).click();
}

test("build a schedule of two rotations with a live preview, reorder by keyboard, save, edit", async ({ pageAs }) => {
  const [ann, ben, cy] = await Promise.all([person("ann"), person("ben"), person("cy")]);
  const alias = uniqueName("sched").toLowerCase();
  const first = uniqueName("primary").toLowerCase();
  const second = uniqueName("secondary").toLowerCase();
  const page = await pageAs("responder");
  await page.goto("/schedules/create");
  await expect(page.getByRole("heading", { level: 1, name: "Create on-call schedule" })).toBeVisible();
  await page.getByLabel("Alias", { exact: true }).fill(alias);
  await page.getByLabel(/^Display name/).fill(`Schedule ${alias}`);

  // Rotation 1: three members, the browser's zone by default, daily hand-offs.
  let one = rotationPanel(page, 1);
  await one.getByLabel("Rotation name").fill(first);
  one = rotationPanel(page, 1);
  const browserZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  await expect(one.getByLabel("Time zone")).toHaveValue(browserZone);
  for (const p of [ann, ben, cy]) await addMember(page, 1, p);
  const members = one.getByRole("list", { name: `Members of ${first}` });
  await expect(members.getByRole("listitem")).toHaveText([new RegExp(ann.name), new RegExp(ben.name), new RegExp(cy.name)]);

  // The preview: one shift a day, taking turns.
  const shifts = one.getByRole("region", { name: `Preview of ${first}` }).getByRole("list", { name: `Shifts of ${first}` }).getByRole("listitem");
  await expect(shifts).toHaveCount(14);
  await expect(one.getByText(/and \d+ more shifts/)).toBeVisible();
  const dailyFirst = await shifts.nth(0).textContent();
  // Weekly hand-offs: a shift a week, so four or five in four weeks, each a week long.
  await one.getByRole("radio", { name: "Weekly" }).check();
  await expect.poll(() => shifts.count()).toBeLessThanOrEqual(5);
  await expect(one.getByText(/and \d+ more shifts/)).toHaveCount(0);
  expect(await shifts.nth(0).textContent()).not.toBe(dailyFirst);
  await one.getByLabel("Day 1").selectOption("Wednesday");

  // A refused rotation shows the model's reasons in the preview: more on call than members.
  await one.getByLabel("People on call at once").fill("4");
  await expect(one.getByRole("region", { name: `Preview of ${first}` })).toContainText("People on call at once: 4 on call at once is more than the 3 member(s).");
  await one.getByLabel("People on call at once").fill("1");
  await expect.poll(() => shifts.count()).toBeGreaterThan(0);

  // Reorder by keyboard: Ann moves one place down (Space picks up, ArrowDown, Space drops), announced.
  await one.getByRole("button", { name: `Move ${ann.name}`, exact: true }).focus();
  await page.keyboard.press("Space");
  // "Picked up …", at once followed by where it is over (its own place).
  await expect(page.locator('[id^="DndLiveRegion"]').first()).toContainText(`${ann.name}`);
  await expect(page.locator('[id^="DndLiveRegion"]').first()).toContainText("position 1 of 3");
  await page.keyboard.press("ArrowDown");
  // Drop once the move is measured and announced (a drop before it lands where it started).
  await expect(page.locator('[id^="DndLiveRegion"]').first()).toContainText(`${ann.name} is over position 2 of 3`);
  await page.keyboard.press("Space");
  await expect(members.getByRole("listitem")).toHaveText([new RegExp(ben.name), new RegExp(ann.name), new RegExp(cy.name)]);
  await expect(page.locator('[id^="DndLiveRegion"]').first()).toContainText(`${ann.name} dropped at position 2 of 3`);

  // Rotation 2: one member, Europe/Berlin, daily at 08:00 and 20:00.
  await page.getByRole("button", { name: "Add rotation" }).click();
  let two = rotationPanel(page, 2);
  await two.getByLabel("Rotation name").fill(second);
  two = rotationPanel(page, 2);
  await addMember(page, 2, cy);
  await two.getByLabel("Time zone").fill("Europe/Berlin");
  await two.getByLabel("Hand-off time 1").fill("08:00");
  await two.getByRole("button", { name: "Add hand-off" }).click();
  await two.getByLabel("Hand-off time 2").fill("20:00");
  await expect(two.getByRole("region", { name: `Preview of ${second}` })).toContainText("Times in Europe/Berlin.");
  await expect(two.getByRole("list", { name: `Shifts of ${second}` }).getByRole("listitem").first()).toContainText(cy.name);

  await page.getByRole("button", { name: "Create schedule" }).click();
  await expect(page).toHaveURL(new RegExp(`/schedules/${alias}$`));
  const saved = await scheduleThroughApi(alias);
  expect(saved.contact.DisplayName).toBe(`Schedule ${alias}`);
  expect(saved.rotations.map((r) => r.Name)).toEqual([first, second]);
  expect(saved.rotations[0].ContactIds).toEqual([ben.arn, ann.arn, cy.arn]);
  expect(saved.rotations[0].TimeZoneId).toBe(browserZone);
  expect(saved.rotations[0].Recurrence).toMatchObject({ WeeklySettings: [{ DayOfWeek: "WED", HandOffTime: { HourOfDay: 9, MinuteOfHour: 0 } }], NumberOfOnCalls: 1, RecurrenceMultiplier: 1 });
  expect(saved.rotations[1]).toMatchObject({ ContactIds: [cy.arn], TimeZoneId: "Europe/Berlin" });
  expect(saved.rotations[1].Recurrence?.DailySettings).toEqual([
    { HourOfDay: 8, MinuteOfHour: 0 },
    { HourOfDay: 20, MinuteOfHour: 0 },
  ]);

  // Edit: remove the second rotation, move the first to New York.
  await page.goto(`/schedules/${alias}/edit`);
  one = rotationPanel(page, 1);
  await expect(one.getByLabel("Rotation name")).toHaveValue(first);
  await expect(one.getByRole("radio", { name: "Weekly" })).toBeChecked();
  await expect(one.getByRole("list", { name: `Members of ${first}` }).getByRole("listitem")).toHaveText([new RegExp(ben.name), new RegExp(ann.name), new RegExp(cy.name)]);
  await rotationPanel(page, 2).getByRole("button", { name: `Remove rotation ${second}` }).click();
  await expect(page.getByText("Saving deletes the rotations you removed")).toBeVisible();
  await one.getByLabel("Time zone").fill("America/New_York");
  await expect(one.getByRole("region", { name: `Preview of ${first}` })).toContainText("Times in America/New_York.");
  const actionRequest = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await page.getByRole("button", { name: "Save changes" }).click();
  const captured = await actionRequest;
  await expect(page).toHaveURL(new RegExp(`/schedules/${alias}$`));
  const edited = await scheduleThroughApi(alias);
  expect(edited.rotations.map((r) => [r.Name, r.TimeZoneId])).toEqual([[first, "America/New_York"]]);
  await expect(contactsApi().getRotation({ RotationId: saved.rotations[1].RotationArn })).rejects.toMatchObject({ name: "ResourceNotFoundException" });

  // A viewer: the pages say no, and the server refuses the same save posted with their session.
  const viewer = await pageAs("viewer");
  await viewer.goto("/schedules/create");
  await expect(viewer.getByText("AccessDeniedException")).toBeVisible();
  await expect(viewer.getByText("Your role (viewer) cannot create on-call schedules.")).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Create schedule" })).toHaveCount(0);
  await viewer.goto(`/schedules/${alias}/edit`);
  await expect(viewer.getByText("Your role (viewer) cannot edit on-call schedules.")).toBeVisible();
  const forced = await replayAction(viewer, captured, (captured.postData() ?? "").replace(`Schedule ${alias}`, "Changed by a viewer"));
  expect(forced).toContain("AccessDeniedException");
  expect((await scheduleThroughApi(alias)).contact.DisplayName).toBe(`Schedule ${alias}`);
});

test("a save refused halfway deletes the rotations it created and says so", async ({ pageAs }) => {
  const ann = await person("ann");
  const taken = uniqueName("taken").toLowerCase();
  await contactsApi().createContact({ Alias: taken, Type: "PERSONAL", Plan: { Stages: [] } });
  const name = uniqueName("orphan").toLowerCase();
  const page = await pageAs("responder");
  await page.goto("/schedules/create");
  await page.getByLabel("Alias", { exact: true }).fill(taken);
  await rotationPanel(page, 1).getByLabel("Rotation name").fill(name);
  await addMember(page, 1, ann);
  await page.getByRole("button", { name: "Create schedule" }).click();
  await expect(page.getByText(`The rotation this save had created (${name}) was deleted again; nothing was saved.`)).toBeVisible();
  const { Rotations } = await contactsApi().listRotations({ RotationNamePrefix: name });
  expect(Rotations ?? []).toEqual([]);
});

test("the builder at phone width", async ({ pageAs }, testInfo) => {
  const ann = await person("ann");
  const page = await pageAs("responder");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/schedules/create");
  await rotationPanel(page, 1).getByLabel("Rotation name").fill("phone");
  await addMember(page, 1, ann);
  await expect(page.getByRole("list", { name: "Shifts of phone" }).getByRole("listitem").first()).toContainText(ann.name);
  await page.screenshot({ path: testInfo.outputPath("schedule-builder-phone.png"), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

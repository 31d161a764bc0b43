// Calendar feeds and "who is on call" (issue 14): a user of its own links their contact on My
// pages and sees their next shifts; makes a calendar feed (the URL shown once), which a calendar
// app reads without a session, and whose use the list shows; revokes it, after which the URL
// answers 404. An engagement of an escalation plan whose stage targets a schedule shows each
// page's path by name: escalation plan → schedule → person.
import type { Browser, Page } from "@playwright/test";
import ical, { type VEvent } from "node-ical";
import { contactsApi, createPersonalContact, createPlanThroughApi, incidentsApi } from "./support/aws-api";
import { createUserInSettings, expect, signInAs, test, uniqueName } from "./support/fixtures";

/** A responder of its own (the shared e2e users' contact links belong to other specs). */
async function newResponder(admin: Page, browser: Browser, baseURL: string | undefined): Promise<Page> {
  const user = await createUserInSettings(admin, { prefix: "feeds", name: "Feed Reader", role: "responder", password: "a-feeds-responder-password" });
  const context = await browser.newContext({ baseURL });
  await signInAs(context, user);
  return context.newPage();
}

/** A UTC rotation of `members` handing off every day within the next hour, in a schedule. */
async function scheduleOf(members: string[]) {
  const api = contactsApi();
  const name = uniqueName("feed-rotation");
  const { RotationArn } = await api.createRotation({
    Name: name,
    ContactIds: members,
    StartTime: new Date(Date.now() - 2 * 86_400_000),
    TimeZoneId: "UTC",
    Recurrence: { DailySettings: [{ HourOfDay: (new Date().getUTCHours() + 1) % 24, MinuteOfHour: 0 }], NumberOfOnCalls: 1, RecurrenceMultiplier: 1 },
  });
  const alias = uniqueName("feed-schedule").toLowerCase();
  const { ContactArn } = await api.createContact({ Alias: alias, DisplayName: `Schedule ${alias}`, Type: "ONCALL_SCHEDULE", Plan: { Stages: [], RotationIds: [RotationArn!] } });
  return { rotationName: name, arn: ContactArn!, name: `Schedule ${alias}` };
}

test("a user sees their next shifts, makes a calendar feed that reads without a session, and revokes it", async ({ pageAs, browser, baseURL, playwright }) => {
  const me = await createPersonalContact("feed-me");
  const other = await createPersonalContact("feed-other");
  const schedule = await scheduleOf([me.arn, other.arn]);
  const page = await newResponder(await pageAs("admin"), browser, baseURL);

  // Link my contact: My pages then lists my next shifts.
  await page.goto("/pages");
  await page.getByLabel("Your contact").selectOption({ label: `Contact ${me.alias} (${me.alias}) · contact` });
  await page.getByRole("button", { name: "Save contact" }).click();
  await expect(page.getByText(`You are ${me.alias}`)).toBeVisible();
  const shifts = page.getByRole("list", { name: "Your next shifts" });
  await expect(shifts.getByRole("listitem").first()).toContainText(`${schedule.name} / ${schedule.rotationName}`);
  await expect(shifts.getByRole("listitem").first()).toContainText("(UTC)");

  // A feed: its URL once, with a copy button.
  await expect(page.getByText("No calendar feeds yet.")).toBeVisible();
  await page.getByRole("button", { name: "Create calendar feed" }).click();
  await expect(page.getByText("Calendar feed created")).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy feed URL" })).toBeVisible();
  const url = (await page.getByTestId("new-feed-url").textContent())!;
  expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  const feeds = page.getByRole("table", { name: "Calendar feeds" });
  await expect(feeds.getByRole("row")).toHaveCount(2);
  await expect(feeds).toContainText("Never");

  // A calendar app reads it with no session.
  const app = await playwright.request.newContext();
  try {
    const res = await app.get(url);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toMatch(/^text\/calendar/);
    // Lines are folded at 75 octets (RFC 5545): read it as a calendar app does.
    const events = Object.values(ical.sync.parseICS(await res.text())).filter((c): c is VEvent => c?.type === "VEVENT");
    expect(events.length).toBeGreaterThan(50);
    for (const e of events) expect(String(e.summary)).toBe(`On call: ${schedule.name} / ${schedule.rotationName} — Contact ${me.alias}`);

    // The URL isn't shown again; the list shows the feed's use.
    await page.reload();
    await expect(page.getByTestId("new-feed-url")).toHaveCount(0);
    await expect(feeds).not.toContainText("Never");
    await feeds.getByRole("button", { name: /^Revoke the feed created/ }).click();
    const dialog = page.getByRole("dialog", { name: "Revoke calendar feed" });
    await dialog.getByRole("button", { name: "Revoke", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(feeds).toContainText("Revoked");
    expect((await app.get(url)).status()).toBe(404);
    expect((await app.get(url.replace(/[A-Za-z0-9_-]{43}\.ics$/, `${"A".repeat(43)}.ics`))).status()).toBe(404);
  } finally {
    await app.dispose();
  }

  // The export form links to the CSV of my shifts.
  const exportLink = page.getByRole("form", { name: "Export shifts as CSV" }).getByRole("link", { name: "Export CSV" });
  await expect(exportLink).toHaveAttribute("href", /^\/api\/schedules\/export\/mine\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  const csv = await page.request.get((await exportLink.getAttribute("href"))!);
  expect(csv.status()).toBe(200);
  expect((await csv.text()).split("\r\n")[0]).toBe("schedule,rotation,person,start,end,timeZone,hours,type");

  // The contact's page lists the same next shifts.
  await page.goto(`/contacts/${me.alias}`);
  await expect(page.getByRole("list", { name: "Next on-call shifts" }).getByRole("listitem").first()).toContainText(`${schedule.name} / ${schedule.rotationName}`);
  await page.goto("/pages");

  // At phone width, My pages' shifts, feeds and export fit.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(shifts).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.context().close();
});

test("an engagement's page shows the path of each page by name: escalation plan → schedule → person", async ({ pageAs }) => {
  const ann = await createPersonalContact("path-ann");
  const ben = await createPersonalContact("path-ben");
  const schedule = await scheduleOf([ann.arn, ben.arn]);
  const api = contactsApi();
  const escalation = uniqueName("path-escalation").toLowerCase();
  const { ContactArn: planArn } = await api.createContact({
    Alias: escalation,
    DisplayName: `Escalation ${escalation}`,
    Type: "ESCALATION",
    Plan: { Stages: [{ DurationInMinutes: 5, Targets: [{ ContactTargetInfo: { ContactId: schedule.arn, IsEssential: false } }] }] },
  });
  const { EngagementArn } = await api.startEngagement({ ContactId: planArn!, Sender: "e2e", Subject: `Paths ${escalation}`, Content: "Who was reached?" });
  // The engine pages whoever is on call in the schedule when the stage starts.
  let paged = "";
  await expect
    .poll(async () => {
      paged = (await api.listPagesByEngagement({ EngagementId: EngagementArn! })).Pages?.[0]?.ContactArn ?? "";
      return paged;
    })
    .not.toBe("");
  const person = paged === ann.arn ? ann : ben;

  const page = await pageAs("viewer");
  await page.goto(`/engagements/detail?arn=${encodeURIComponent(EngagementArn!)}`);
  const paths = page.getByRole("list", { name: "Resolution paths" });
  await expect(paths.getByRole("listitem")).toHaveCount(1);
  await expect(paths.getByRole("listitem")).toContainText(new RegExp(`^Escalation ${escalation} → ${schedule.name}( \\(stage 1\\))? → Contact ${person.alias}( \\(stage 1\\))?$`));
  await expect(paths).not.toContainText("arn:aws");
});

test("the open incidents list and a response plan's page say who is on call now in the schedules engaged", async ({ pageAs }) => {
  const ann = await createPersonalContact("now-ann");
  const schedule = await scheduleOf([ann.arn]);
  // Through an escalation plan whose stage targets the schedule (the local engine engages people
  // and escalation plans from a response plan).
  const escalation = uniqueName("now-escalation").toLowerCase();
  const { ContactArn: escalationArn } = await contactsApi().createContact({
    Alias: escalation,
    Type: "ESCALATION",
    Plan: { Stages: [{ DurationInMinutes: 5, Targets: [{ ContactTargetInfo: { ContactId: schedule.arn, IsEssential: false } }] }] },
  });
  const planName = uniqueName("on-call-plan");
  const planArn = await createPlanThroughApi(planName, "On call now", 3, [escalationArn!]);
  const { incidentRecordArn } = await incidentsApi().startIncident({ responsePlanArn: planArn, title: `On call ${planName}` });
  // The plan's engagement starts in the engine's job, just after the incident.
  await expect.poll(async () => (await contactsApi().listEngagements({ IncidentId: incidentRecordArn })).Engagements?.length ?? 0).toBe(1);

  const page = await pageAs("viewer");
  await page.goto("/incidents");
  const list = page.getByRole("list", { name: "On call now for open incidents" });
  await expect(list.getByRole("listitem").filter({ hasText: schedule.name })).toContainText(`Contact ${ann.alias}`);
  await expect(list.getByRole("link", { name: schedule.name })).toHaveAttribute("href", /^\/schedules\//);

  await page.goto(`/response-plans/${encodeURIComponent(planName)}`);
  const onCall = page.getByRole("list", { name: "On call now" }).getByRole("listitem");
  await expect(onCall).toContainText(schedule.name);
  await expect(onCall).toContainText(`Contact ${ann.alias}`);
});

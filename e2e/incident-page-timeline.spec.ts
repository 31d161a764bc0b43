// The responder's timeline: custom events and notes at chosen times (entered in the browser's
// time zone, stored in UTC), edited and deleted, in time order; automatic events in words;
// filter by type; jump to now; exports of every event; the "n" and "?" shortcuts; rollback.
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import type { Browser, Page } from "@playwright/test";
import { incidentPath } from "../lib/console/incidents/paths";
import { USERS, type E2eRole } from "./support/env";
import { expect, signInThroughApi, test, uniqueName } from "./support/fixtures";
import { incidentsApi, startIncidentViaApi } from "./support/incidents-api";

/** A signed-in page whose browser runs in New York time: entered times must be converted to UTC. */
async function pageInNewYork(browser: Browser, baseURL: string | undefined, role: E2eRole): Promise<Page> {
  const context = await browser.newContext({ baseURL, timezoneId: "America/New_York" });
  await signInThroughApi(context, role);
  return context.newPage();
}

const events = (page: Page) => page.getByRole("list", { name: "Timeline events" }).getByRole("listitem");
const eventItem = (page: Page, text: string) => events(page).filter({ hasText: text });

async function download(page: Page, label: string): Promise<string> {
  const pending = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export" }).click();
  await page.getByRole("menuitem", { name: label }).click();
  const file = await pending;
  return readFileSync((await file.path())!, "utf8");
}

test("a responder adds, edits and deletes a custom event and a note at chosen times, in time order", async ({ browser, baseURL }) => {
  const incident = await startIncidentViaApi({ title: `Timeline ${uniqueName("t")}` });
  const page = await pageInNewYork(browser, baseURL, "responder");
  await page.goto(incidentPath(incident.arn, "timeline"));
  await expect(page.getByRole("tab", { name: "Timeline" })).toHaveAttribute("aria-selected", "true");
  await expect(eventItem(page, "Incident started")).toHaveCount(1);

  // A custom event through the button, at 09:15 New York time on 1 Feb 2024 (14:15 UTC).
  await page.getByRole("button", { name: "Add event" }).click();
  let dialog = page.getByRole("dialog", { name: "Add timeline event" });
  await expect(dialog.getByText("America/New_York")).toBeVisible();
  await dialog.getByLabel("Type").selectOption({ label: "Custom event" });
  await dialog.getByLabel("Date and time").fill("2024-02-01T09:15");
  await dialog.getByRole("button", { name: "Add event" }).click();
  await expect(dialog.getByLabel("Description")).toHaveAccessibleErrorMessage("Required.");
  await dialog.getByLabel("Description").fill("Rolled back deploy 42");
  await dialog.getByRole("button", { name: "Add event" }).click();
  await expect(dialog).toBeHidden();
  await expect(eventItem(page, "Rolled back deploy 42")).toContainText("Feb 1, 2024, 9:15:00 AM");

  // A note through the "n" shortcut, earlier the same morning.
  await page.getByRole("heading", { name: "Timeline", exact: true }).click();
  await page.keyboard.press("n");
  dialog = page.getByRole("dialog", { name: "Add timeline event" });
  await dialog.getByLabel("Type").selectOption({ label: "Note" });
  await dialog.getByLabel("Date and time").fill("2024-02-01T08:00");
  await dialog.getByLabel("Description").fill("Customers report errors");
  await dialog.getByRole("button", { name: "Add event" }).click();
  await expect(dialog).toBeHidden();
  await expect(eventItem(page, "Customers report errors")).toContainText("Note");
  // Oldest first: the note, the custom event, then the incident's own start (today).
  await expect(events(page)).toHaveText([/Customers report errors/, /Rolled back deploy 42/, /Incident started/]);

  // Automatic events are read-only.
  await expect(eventItem(page, "Incident started").getByRole("button", { name: "Edit" })).toHaveCount(0);

  // Edit the custom event: new text, moved before the note (07:30 New York = 12:30 UTC).
  await eventItem(page, "Rolled back deploy 42").getByRole("button", { name: "Edit" }).click();
  dialog = page.getByRole("dialog", { name: "Edit timeline event" });
  await expect(dialog.getByLabel("Date and time")).toHaveValue("2024-02-01T09:15");
  await dialog.getByLabel("Description").fill("Rolled back deploy 43");
  await dialog.getByLabel("Date and time").fill("2024-02-01T07:30");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(events(page)).toHaveText([/Rolled back deploy 43/, /Customers report errors/, /Incident started/]);

  // Delete the note, after a confirmation.
  await eventItem(page, "Customers report errors").getByRole("button", { name: "Delete" }).click();
  await page.getByRole("dialog", { name: "Delete timeline event" }).getByRole("button", { name: "Delete" }).click();
  await expect(eventItem(page, "Customers report errors")).toHaveCount(0);

  // Stored, in UTC: after a reload, and in the exported JSON.
  await page.reload();
  await expect(events(page)).toHaveText([/Rolled back deploy 43/, /Incident started/]);
  const json = JSON.parse(await download(page, "JSON (.json)"));
  const custom = json.events.find((e: { eventType: string }) => e.eventType === "Custom Event");
  expect(custom).toMatchObject({ eventTime: "2024-02-01T12:30:00.000Z", description: "Rolled back deploy 43", eventData: JSON.stringify("Rolled back deploy 43") });
  await page.context().close();
});

test("automatic events read as sentences, filter by type, and the ? dialog lists the shortcuts", async ({ pageAs }, testInfo) => {
  // aws mode: the AWS API's caller, the bootstrap key, which acts as the first admin.
  const actor = testInfo.project.name === "aws-mode" ? USERS.admin.email : USERS.responder.email;
  const incident = await startIncidentViaApi({ title: `Readable ${uniqueName("t")}`, impact: 3 });
  const page = await pageAs("responder");
  await page.goto(incidentPath(incident.arn));
  await page.getByRole("button", { name: "Edit" }).click();
  const edit = page.getByRole("dialog", { name: "Edit incident" });
  await edit.getByLabel("Impact").selectOption({ label: "1 Critical" });
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();

  // The Overview's latest events already say it...
  await expect(page.getByRole("list", { name: "Latest timeline events" })).toContainText("Impact changed from 3 Medium to 1 Critical");
  // ...and so does the Timeline, naming who did it, with no JSON in sight.
  await page.getByRole("tab", { name: "Timeline" }).click();
  const update = eventItem(page, "Incident updated");
  await expect(update).toContainText(`Incident updated by ${actor}`);
  await expect(update).toContainText("Impact changed from 3 Medium to 1 Critical");
  await expect(update).not.toContainText("{");
  await expect(eventItem(page, "Incident started")).toContainText(`Response plan: ${incident.planName}`);

  // "n" works from any tab: it opens the Timeline with the new-event dialog.
  await page.getByRole("tab", { name: "Overview" }).click();
  await expect(page.getByRole("tab", { name: "Overview" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("n");
  const dialog = page.getByRole("dialog", { name: "Add timeline event" });
  await expect(dialog).toBeVisible();
  // (The modal hides the page from the accessibility tree: the URL says which tab is behind it.)
  await expect(page).toHaveURL(/[?&]tab=timeline/);
  await dialog.getByLabel("Type").selectOption({ label: "Note" });
  await dialog.getByLabel("Description").fill("Paging the database team");
  await dialog.getByRole("button", { name: "Add event" }).click();
  await expect(eventItem(page, "Paging the database team")).toHaveCount(1);

  const filter = page.getByLabel("Event type");
  await expect(page.getByRole("tab", { name: "Timeline" })).toHaveAttribute("aria-selected", "true");
  await expect(page).not.toHaveURL(/[?&]new=1/);
  await filter.selectOption({ label: "Note" });
  await expect(events(page)).toHaveText([/Paging the database team/]);
  await filter.selectOption({ label: "Incident updated" });
  await expect(events(page)).toHaveText([/Impact changed from 3 Medium to 1 Critical/]);
  await filter.selectOption({ label: "All event types" });
  await expect(events(page)).toHaveCount(3);

  await page.getByRole("heading", { name: "Timeline", exact: true }).click();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help.getByRole("row", { name: /n New timeline event/ })).toBeVisible();
  await expect(help.getByRole("row", { name: /\? Show keyboard shortcuts/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
});

test("exports hold every event, not just the page on screen; jump to now goes to the newest", async ({ pageAs }) => {
  const incident = await startIncidentViaApi({ title: `Export ${uniqueName("t")}` });
  // 30 notes through the API (one an hour, a year ago), with text that CSV must quote.
  const im = incidentsApi();
  const base = Date.now() - 365 * 24 * 3600 * 1000;
  for (let i = 0; i < 30; i++) {
    await im.createTimelineEvent({
      incidentRecordArn: incident.arn,
      eventType: "Note",
      eventTime: new Date(base + i * 3600 * 1000),
      eventData: JSON.stringify(`note ${String(i).padStart(2, "0")}, "quoted"\nline two`),
    });
  }
  const page = await pageAs("responder");
  await page.goto(incidentPath(incident.arn, "timeline"));
  await expect(page.getByText("Page 1 of 2")).toBeVisible();
  await expect(events(page)).toHaveCount(25);
  await expect(eventItem(page, "Incident started")).toHaveCount(0);

  await page.getByRole("button", { name: "Jump to now" }).click();
  await expect(page.getByText("Page 2 of 2")).toBeVisible();
  await expect(page.getByText("Now", { exact: true })).toBeFocused();
  await expect(events(page).last()).toContainText("Incident started");

  const csv = await download(page, "CSV (.csv)");
  // Rows end in CRLF; a newline inside a quoted cell is a bare LF.
  const rows = csv.trim().split("\r\n");
  expect(rows[0]).toBe("eventTime,eventType,description,eventId,eventUpdatedTime,eventData,author,editedBy,editedAt");
  expect(rows).toHaveLength(1 + 31);
  expect(csv).toContain('"note 00, ""quoted""\nline two"');
  expect(csv).toContain("SSM Incident Trigger");

  const md = await download(page, "Markdown (.md)");
  expect(md).toContain("31 events, times in UTC.");
  expect(md).toContain("> note 29, \"quoted\"");
  expect(md).toContain("Incident started by");

  const json = JSON.parse(await download(page, "JSON (.json)"));
  expect(json.events).toHaveLength(31);
  expect(json.events[0].description).toBe('note 00, "quoted"\nline two');
});

test("notes written one after another list in the order written, after the incident's start, with their authors, on screen and in the exports", async ({ pageAs }, testInfo) => {
  const awsMode = testInfo.project.name === "aws-mode";
  const incident = await startIncidentViaApi({ title: `Order ${uniqueName("t")}` });
  const im = incidentsApi();
  // Five notes through the API at the very time the incident started: equal times, so only the
  // order they were written in can place them (random ids used to shuffle them).
  const { incidentRecord } = await im.getIncidentRecord({ arn: incident.arn });
  for (let i = 1; i <= 5; i++) {
    await im.createTimelineEvent({ incidentRecordArn: incident.arn, eventType: "Note", eventTime: incidentRecord!.creationTime!, eventData: JSON.stringify(`api note ${i}`) });
  }

  // Five more through the dialog, its time left at "now": each is stamped when the server gets it.
  const page = await pageAs("responder");
  await page.goto(`${incidentPath(incident.arn)}&tab=timeline`);
  await expect(eventItem(page, "api note 5")).toHaveCount(1);
  for (let i = 1; i <= 5; i++) {
    await page.getByRole("button", { name: "Add event" }).click();
    const dialog = page.getByRole("dialog", { name: "Add timeline event" });
    // "Now", to the second.
    await expect(dialog.getByLabel("Date and time")).toHaveValue(/T\d{2}:\d{2}:\d{2}$|T\d{2}:\d{2}$/);
    await expect(dialog.getByLabel("Date and time")).toHaveAttribute("step", "1");
    await dialog.getByLabel("Type").selectOption({ label: "Note" });
    await dialog.getByLabel("Description").fill(`ui note ${i}`);
    await dialog.getByRole("button", { name: "Add event" }).click();
    await expect(dialog).toBeHidden();
    await expect(eventItem(page, `ui note ${i}`)).toContainText("Added by responder@example.com");
  }

  const written = [/Incident started/, ...[1, 2, 3, 4, 5].map((i) => new RegExp(`api note ${i}`)), ...[1, 2, 3, 4, 5].map((i) => new RegExp(`ui note ${i}`))];
  await page.reload();
  await expect(events(page)).toHaveText(written);
  // The API's notes: in local mode the key's user wrote them; an aws-mode console knows only what was written through it.
  await expect(eventItem(page, "api note 1")).toContainText(awsMode ? "Author not recorded" : `Added by ${USERS.admin.email}`);

  // An edit by someone else names them and keeps the note's place (its time untouched).
  const admin = await pageAs("admin");
  await admin.goto(`${incidentPath(incident.arn)}&tab=timeline`);
  await eventItem(admin, "ui note 3").getByRole("button", { name: "Edit" }).click();
  const edit = admin.getByRole("dialog", { name: "Edit timeline event" });
  await edit.getByLabel("Description").fill("ui note 3, corrected");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(edit).toBeHidden();
  await expect(eventItem(admin, "ui note 3, corrected")).toContainText(/Added by responder@example\.com · Edited by admin@example\.com, /);
  await page.reload();
  await expect(events(page)).toHaveText(written);
  await expect(eventItem(page, "ui note 3, corrected")).toContainText("Edited by admin@example.com");

  // The exports read the same sequence, with the authors.
  const csv = Papa.parse<string[]>(await download(page, "CSV (.csv)"), { skipEmptyLines: true }).data;
  const [header, ...rows] = csv;
  expect(rows.map((r) => r[2].split("\n")[0])).toEqual([
    expect.stringMatching(/^Incident started/),
    ...[1, 2, 3, 4, 5].map((i) => `api note ${i}`),
    ...["ui note 1", "ui note 2", "ui note 3, corrected", "ui note 4", "ui note 5"],
  ]);
  const col = (name: string) => header.indexOf(name);
  expect(rows.slice(6).map((r) => r[col("author")])).toEqual(Array(5).fill(USERS.responder.email));
  expect(rows[8][col("editedBy")]).toBe(USERS.admin.email);
  const md = await download(page, "Markdown (.md)");
  const places = ["Incident started", ...[1, 2, 3, 4, 5].map((i) => `> api note ${i}`), ...["> ui note 1", "> ui note 2", "> ui note 3", "> ui note 4", "> ui note 5"]].map((t) => md.indexOf(t));
  expect(places.every((p, k) => p >= 0 && (k === 0 || p > places[k - 1])), `in order in:\n${md}`).toBe(true);
  expect(md).toMatch(/Added by responder@example\\?\.com/);
});

test("an edit the server refuses is rolled back and explained", async ({ pageAs }) => {
  const incident = await startIncidentViaApi({ title: `Rollback ${uniqueName("t")}` });
  const im = incidentsApi();
  const { eventId } = await im.createTimelineEvent({ incidentRecordArn: incident.arn, eventType: "Custom Event", eventTime: new Date(), eventData: JSON.stringify("Original text") });
  const page = await pageAs("responder");
  await page.goto(incidentPath(incident.arn, "timeline"));
  await eventItem(page, "Original text").getByRole("button", { name: "Edit" }).click();
  // Someone else deletes the event while the dialog is open.
  await im.deleteTimelineEvent({ incidentRecordArn: incident.arn, eventId });
  const dialog = page.getByRole("dialog", { name: "Edit timeline event" });
  await dialog.getByLabel("Description").fill("My edit");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "ResourceNotFoundException" })).toBeVisible();
  await expect(eventItem(page, "My edit")).toHaveCount(0);
  await expect(eventItem(page, "Original text")).toHaveCount(0);
});

test("an edit shows at once, before the server answers, and is rolled back when the request fails", async ({ pageAs }) => {
  const incident = await startIncidentViaApi({ title: `Optimistic ${uniqueName("t")}` });
  const im = incidentsApi();
  const { eventId } = await im.createTimelineEvent({ incidentRecordArn: incident.arn, eventType: "Custom Event", eventTime: new Date(), eventData: JSON.stringify("Before the edit") });
  const page = await pageAs("responder");
  await page.goto(incidentPath(incident.arn, "timeline"));
  await expect(eventItem(page, "Before the edit")).toBeVisible();

  // The save's server-action request is held, then dropped as a lost connection would be.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let saw!: () => void;
  const seen = new Promise<void>((resolve) => (saw = resolve));
  await page.route("**/*", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || request.headers()["next-action"] === undefined) return route.fallback();
    saw();
    await held;
    await route.abort("connectionreset");
  });

  await eventItem(page, "Before the edit").getByRole("button", { name: "Edit" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit timeline event" });
  await dialog.getByLabel("Description").fill("Optimistic edit");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await seen;
  // While the request is in flight the timeline already shows the edit, in place of the old text.
  await expect(eventItem(page, "Optimistic edit")).toBeVisible();
  await expect(eventItem(page, "Before the edit")).toHaveCount(0);

  release();
  // The request fails: the edit is taken back, the old text returns, and the failure is explained.
  await expect(page.getByRole("alert").filter({ hasText: "could not be reached" })).toBeVisible();
  await expect(eventItem(page, "Before the edit")).toBeVisible();
  await expect(eventItem(page, "Optimistic edit")).toHaveCount(0);
  await page.unroute("**/*");
  // The server never had the edit.
  const { event } = await im.getTimelineEvent({ incidentRecordArn: incident.arn, eventId });
  expect(JSON.parse(event!.eventData!)).toBe("Before the edit");
});

test("the timeline fits a phone's width", async ({ browser, baseURL }) => {
  const incident = await startIncidentViaApi({ title: `Phone ${uniqueName("t")}` });
  const context = await browser.newContext({ baseURL, viewport: { width: 375, height: 740 } });
  await signInThroughApi(context, "responder");
  const page = await context.newPage();
  await page.goto(incidentPath(incident.arn, "timeline"));
  await expect(eventItem(page, "Incident started")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add event" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

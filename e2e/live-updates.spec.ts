// Live: what one responder changes appears on another's open console without a reload — pushed by
// the /api/live stream in local mode (within a second), polled every few seconds in aws mode.
import { createResponsePlan, createUserInSettings, expect, planOptionLabel, signInAs, test, uniqueName } from "./support/fixtures";
import { startIncidentViaApi } from "./support/incidents-api";
import type { Page } from "@playwright/test";

/** Marks the page's JavaScript context: if the page reloads, the mark is gone. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);

test("a change by one responder appears on another's open console without a reload", async ({ pageAs }, testInfo) => {
  const live = testInfo.project.name === "local";
  // Pushed within a second locally (allowing for a loaded test machine); aws mode polls every 10 s.
  const bound = live ? 3_000 : 14_000;
  const writer = await pageAs("responder");
  const watcher = await pageAs("admin");
  const plan = { name: uniqueName("live"), title: `Live ${uniqueName("t")}`, impact: "3 Medium" };
  await createResponsePlan(writer, plan);

  await watcher.goto("/incidents");
  await expect(watcher.getByRole("table", { name: "Open incidents" })).toBeVisible();
  if (live) await expect(watcher.locator("html[data-live=open]")).toHaveCount(1);
  await mark(watcher);

  // A new incident shows up in the other responder's list.
  await writer.goto("/incidents");
  await writer.getByRole("button", { name: "Start incident" }).click();
  const start = writer.getByRole("dialog", { name: "Start incident" });
  await start.getByLabel("Response plan").selectOption({ label: planOptionLabel(plan) });
  await start.getByRole("button", { name: "Start", exact: true }).click();
  await expect(writer.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
  let since = Date.now();
  await expect(watcher.getByRole("table", { name: "Open incidents" }).getByRole("link", { name: plan.title })).toBeVisible({ timeout: bound });
  const listMs = Date.now() - since;

  // Both on the incident page: an edit shows up on the other one.
  await watcher.getByRole("table", { name: "Open incidents" }).getByRole("link", { name: plan.title }).click();
  await expect(watcher.getByRole("heading", { level: 1, name: plan.title })).toBeVisible();
  await mark(watcher);
  const edited = `${plan.title} (edited)`;
  await writer.getByRole("button", { name: "Edit" }).click();
  const edit = writer.getByRole("dialog", { name: "Edit incident" });
  await edit.getByLabel("Title").fill(edited);
  await edit.getByLabel("Impact").selectOption({ label: "1 Critical" });
  since = Date.now();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(watcher.getByRole("heading", { level: 1, name: edited })).toBeVisible({ timeout: bound });
  const detailMs = Date.now() - since;
  await expect(watcher.getByRole("main").getByText("1 Critical").first()).toBeVisible();
  expect(await stillMarked(watcher), "the watching page was not reloaded").toBe(true);

  // Both on the Timeline tab: an event one adds appears on the other's timeline.
  await writer.getByRole("tab", { name: "Timeline" }).click();
  await watcher.getByRole("tab", { name: "Timeline" }).click();
  const timeline = (page: Page) => page.getByRole("list", { name: "Timeline events" }).getByRole("listitem");
  await expect(timeline(watcher).first()).toBeVisible();
  await mark(watcher);
  const note = `Failover started ${uniqueName("e")}`;
  await writer.getByRole("button", { name: "Add event" }).click();
  const dialog = writer.getByRole("dialog", { name: "Add timeline event" });
  await dialog.getByLabel("Type").selectOption({ label: "Custom event" });
  await dialog.getByLabel("Description").fill(note);
  since = Date.now();
  await dialog.getByRole("button", { name: "Add event" }).click();
  await expect(timeline(watcher).filter({ hasText: note })).toHaveCount(1, { timeout: bound });
  const eventMs = Date.now() - since;
  expect(await stillMarked(watcher), "the watching page was not reloaded").toBe(true);

  console.log(
    `[live/${testInfo.project.name}] new incident in the other list after ${listMs} ms; edit on the other incident page after ${detailMs} ms; timeline event on the other timeline after ${eventMs} ms`,
  );
  expect(listMs).toBeLessThan(bound);
  expect(detailMs).toBeLessThan(bound);
  expect(eventMs).toBeLessThan(bound);
});

test("a console turned away for too many streams polls instead, and still shows changes", async ({ pageAs, browser, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== "local", "aws mode has no stream to limit");
  // A user of its own, so no other test's console loses its stream to this one's.
  const admin = await pageAs("admin");
  const user = await createUserInSettings(admin, { prefix: "streams", name: "Many Tabs", role: "viewer", password: "a-streams-viewer-password" });
  const context = await browser.newContext({ baseURL });
  const held = new AbortController();
  try {
    await signInAs(context, user);
    // Ten streams held open for the user, as ten tabs would.
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const open = () => fetch(`${baseURL}/api/live`, { headers: { cookie }, signal: held.signal });
    for (const res of await Promise.all(Array.from({ length: 10 }, open))) expect(res.status).toBe(200);
    const refused = await open();
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { name: string }).name).toBe("TooManyStreams");

    // The eleventh tab: no stream, so it polls, and a change still shows up without a reload.
    const watcher = await context.newPage();
    await watcher.goto("/incidents");
    await expect(watcher.getByRole("table", { name: "Open incidents" })).toBeVisible();
    await expect(watcher.locator("html[data-live=poll]")).toHaveCount(1);
    await mark(watcher);
    const { title } = await startIncidentViaApi({ title: `Polled ${uniqueName("t")}` });
    // Polled every 5 s, allowing for a loaded test machine.
    await expect(watcher.getByRole("table", { name: "Open incidents" }).getByRole("link", { name: title })).toBeVisible({ timeout: 10_000 });
    expect(await stillMarked(watcher), "the watching page was not reloaded").toBe(true);
  } finally {
    held.abort();
    await context.close();
  }
});

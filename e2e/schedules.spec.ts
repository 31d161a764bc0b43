// On-call schedules (issue 14): a schedule of two rotations seeded through the SDK; who is on call
// on the list and the schedule page; day / week / month views with the view and date in the URL;
// cover a shift (the gap and overlap warnings before saving), see it marked with who made it,
// delete it; a viewer sees no editing controls and the server refuses the overrides they force
// (made or deleted); desktop and 390 px screenshots.
import type { Page, TestInfo } from "@playwright/test";
import { contactsApi } from "./support/aws-api";
import { expect, replayAction, test, uniqueName } from "./support/fixtures";

type Seeded = {
  schedule: string;
  displayName: string;
  primary: string;
  primaryArn: string;
  daytime: string;
  cyArn: string;
  names: { ann: string; ben: string; cy: string };
  cyOption: string;
};

/**
 * Three people; "primary" hands off daily at 09:00 Tokyo time between Ann and Ben, all day;
 * "daytime" has Cy on weekdays 09:00–17:00 New York time. The schedule lists both. (The browser's
 * zone is the machine's, UTC here: both rotations' hand-offs show "your time".)
 */
async function seedSchedule(): Promise<Seeded> {
  const api = contactsApi();
  const tag = uniqueName("sch").toLowerCase();
  const person = async (who: string) => {
    const alias = `${tag}-${who.toLowerCase()}`;
    const name = `${who} ${tag.slice(-6)}`;
    const { ContactArn } = await api.createContact({ Alias: alias, DisplayName: name, Type: "PERSONAL", Plan: { Stages: [] } });
    return { arn: ContactArn!, name };
  };
  const [ann, ben, cy] = [await person("Ann"), await person("Ben"), await person("Cy")];
  const start = new Date(Date.now() - 14 * 86_400_000);
  const primary = `primary-${tag.slice(-6)}`;
  const daytime = `daytime-${tag.slice(-6)}`;
  const { RotationArn: primaryArn } = await api.createRotation({
    Name: primary,
    ContactIds: [ann.arn, ben.arn],
    StartTime: start,
    TimeZoneId: "Asia/Tokyo",
    Recurrence: { NumberOfOnCalls: 1, RecurrenceMultiplier: 1, DailySettings: [{ HourOfDay: 9, MinuteOfHour: 0 }] },
  });
  const weekday = [{ Start: { HourOfDay: 9, MinuteOfHour: 0 }, End: { HourOfDay: 17, MinuteOfHour: 0 } }];
  const { RotationArn: daytimeArn } = await api.createRotation({
    Name: daytime,
    ContactIds: [cy.arn],
    StartTime: start,
    TimeZoneId: "America/New_York",
    Recurrence: {
      NumberOfOnCalls: 1,
      RecurrenceMultiplier: 1,
      WeeklySettings: [{ DayOfWeek: "MON", HandOffTime: { HourOfDay: 9, MinuteOfHour: 0 } }],
      ShiftCoverages: { MON: weekday, TUE: weekday, WED: weekday, THU: weekday, FRI: weekday },
    },
  });
  const schedule = `${tag}-oncall`;
  const displayName = `On call ${tag.slice(-6)}`;
  await api.createContact({ Alias: schedule, DisplayName: displayName, Type: "ONCALL_SCHEDULE", Plan: { Stages: [], RotationIds: [primaryArn!, daytimeArn!] } });
  return { schedule, displayName, primary, primaryArn: primaryArn!, daytime, cyArn: cy.arn, names: { ann: ann.name, ben: ben.name, cy: cy.name }, cyOption: `${cy.name} (${tag}-cy)` };
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  // The calendar's shifts for what is shown, not the last range's while this one loads.
  if (await page.getByTestId("calendar").count()) await expect(page.getByTestId("calendar")).toHaveAttribute("aria-busy", "false");
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

test("a responder sees who is on call, moves through the calendar, covers a shift and deletes the override", async ({ pageAs }, testInfo) => {
  const seeded = await seedSchedule();
  const page = await pageAs("responder");
  await page.setViewportSize({ width: 1280, height: 900 });

  // The list: who is on call now and next, with the hand-off in Tokyo time and the viewer's.
  await page.goto("/incidents");
  await page.getByRole("navigation", { name: "Side navigation" }).getByRole("link", { name: "On-call schedules" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "On-call schedules" })).toBeVisible();
  await expect(page.getByRole("link", { name: "New schedule" })).toHaveAttribute("href", "/schedules/create");
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: seeded.displayName }) });
  await expect(card).toContainText("On call now");
  await expect(card).toContainText(new RegExp(`(${seeded.names.ann}|${seeded.names.ben})`));
  await expect(card).toContainText(/from \w{3} \d\d:\d\d \(your time \d\d:\d\d\) · (Asia\/Tokyo|America\/New_York)/);
  await card.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/schedules/${seeded.schedule}$`));
  await expect(page.getByRole("heading", { level: 1, name: seeded.displayName })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveAttribute("href", `/schedules/${seeded.schedule}/edit`);

  // The week view by default, with the current time marked and both rotations' shifts.
  await expect(page.getByRole("button", { name: "Week", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("now-marker")).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`^${seeded.names.cy}, ${seeded.daytime}, `) }).first()).toBeVisible();
  // The primary rotation covers all day: no gaps until someone makes one.
  await expect(page.getByRole("img", { name: /^Coverage gap/ })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Legend" })).toContainText(seeded.names.ann);
  await shoot(page, testInfo, "schedule-week-desktop");

  // Day and month views; the URL keeps the view and the date; Next and Today move through time.
  await page.getByRole("button", { name: "Day", exact: true }).click();
  await expect(page).toHaveURL(/view=day/);
  await expect(page.getByRole("button", { name: "Day", exact: true })).toHaveAttribute("aria-pressed", "true");
  await page.getByRole("button", { name: "Month", exact: true }).click();
  await expect(page).toHaveURL(/view=month/);
  await expect(page.getByTestId("now-marker")).toBeVisible();
  await shoot(page, testInfo, "schedule-month-desktop");
  const thisMonth = await page.locator("#calendar-heading").textContent();
  await page.getByRole("button", { name: "Next month" }).click();
  await expect(page.locator("#calendar-heading")).not.toHaveText(thisMonth!);
  await expect(page.getByTestId("now-marker")).toHaveCount(0);
  await page.reload();
  await expect(page.locator("#calendar-heading")).not.toHaveText(thisMonth!);
  await page.getByRole("button", { name: "Today" }).click();
  await expect(page.locator("#calendar-heading")).toHaveText(thisMonth!);

  // Next week's first Primary shift: cover it. Nobody → a gap warning; Cy → none.
  await page.getByRole("button", { name: "Week", exact: true }).click();
  await expect(page).toHaveURL(/view=week&date=/);
  const thisWeek = await page.locator("#calendar-heading").textContent();
  await page.getByRole("button", { name: "Next week" }).click();
  await expect(page.locator("#calendar-heading")).not.toHaveText(thisWeek!);
  await expect(page.getByTestId("calendar")).toHaveAttribute("aria-busy", "false");
  const primaryShift = page.getByRole("button", { name: new RegExp(`^(${seeded.names.ann}|${seeded.names.ben}), ${seeded.primary}, `) });
  await primaryShift.nth(2).click();
  const details = page.getByRole("dialog");
  await expect(details).toContainText(seeded.primary);
  await expect(details).toContainText("Asia/Tokyo");
  await details.getByRole("button", { name: "Cover this shift" }).click();
  const cover = page.getByRole("dialog", { name: "Cover this shift" });
  await expect(cover.getByText("This leaves a coverage gap")).toBeVisible();
  await cover.getByLabel("Who covers").selectOption({ label: seeded.cyOption });
  await expect(cover.getByText("This leaves a coverage gap")).toHaveCount(0);
  await cover.getByRole("button", { name: "Save override" }).click();
  await expect(cover).toHaveCount(0);
  const overrides = page.getByRole("list", { name: "Overrides" });
  await expect(overrides).toContainText(`⇄ ${seeded.names.cy} covers ${seeded.primary}`);
  await expect(overrides).toContainText("Made by responder@example.com");
  await expect(page.getByRole("button", { name: new RegExp(`^${seeded.names.cy}, ${seeded.primary}, .*, override$`) }).first()).toBeVisible();
  await shoot(page, testInfo, "schedule-override-desktop");

  // Covering the same shift again, part of it: the overlap is named before saving.
  await page.getByRole("button", { name: new RegExp(`^${seeded.names.cy}, ${seeded.primary}, .*, override$`) }).first().click();
  await page.getByRole("dialog").getByRole("button", { name: "Cover this shift" }).click();
  await page.getByRole("dialog", { name: "Cover this shift" }).getByLabel("Part of it").check();
  await expect(page.getByRole("dialog", { name: "Cover this shift" })).toContainText("This overlaps another override");
  await page.getByRole("dialog", { name: "Cover this shift" }).getByRole("button", { name: "Cancel" }).click();

  // Delete it: the list empties and the shift is the rotation's again.
  await overrides.getByRole("button", { name: new RegExp(`^Delete the override of ${seeded.names.cy}`) }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete override" }).click();
  await expect(page.getByRole("list", { name: "Overrides" })).toHaveCount(0);
  await expect(page.getByText("No overrides in this range")).toBeVisible();
  await expect(page.getByRole("button", { name: new RegExp(`, ${seeded.primary}, .*, override$`) })).toHaveCount(0);

  // Phone width: the list and the schedule.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/schedules");
  await shoot(page, testInfo, "schedules-list-phone");
  await page.goto(`/schedules/${seeded.schedule}?view=month`);
  await expect(page.getByTestId("now-marker")).toBeVisible();
  await shoot(page, testInfo, "schedule-month-phone");
  await page.goto(`/schedules/${seeded.schedule}?view=day`);
  await expect(page.getByTestId("now-marker")).toBeVisible();
  await shoot(page, testInfo, "schedule-day-phone");
});

test("a viewer sees no editing controls, and the server refuses the overrides they force, made or deleted", async ({ pageAs }) => {
  const seeded = await seedSchedule();
  const responder = await pageAs("responder");
  await responder.goto(`/schedules/${seeded.schedule}?view=week`);
  // Capture the responder's createOverride request, then delete what it made.
  await responder.getByRole("button", { name: new RegExp(`^(${seeded.names.ann}|${seeded.names.ben}), ${seeded.primary}, `) }).first().click();
  await responder.getByRole("dialog").getByRole("button", { name: "Cover this shift" }).click();
  const actionRequest = responder.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await responder.getByRole("dialog", { name: "Cover this shift" }).getByRole("button", { name: "Save override" }).click();
  const captured = await actionRequest;
  await expect(responder.getByRole("list", { name: "Overrides" }).getByRole("listitem")).toHaveCount(1);
  // An override of nobody on an all-day rotation: the calendar shows the coverage gap it makes.
  await expect(responder.getByRole("img", { name: /^Coverage gap: nobody on call/ }).first()).toBeVisible();

  const viewer = await pageAs("viewer");
  await viewer.goto("/schedules");
  await expect(viewer.getByRole("heading", { level: 1, name: "On-call schedules" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "New schedule" })).toHaveCount(0);
  await viewer.goto(`/schedules/${seeded.schedule}?view=week`);
  await expect(viewer.getByRole("list", { name: "Overrides" })).toBeVisible();
  await expect(viewer.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await viewer.getByRole("button", { name: new RegExp(`, ${seeded.primary}, `) }).first().click();
  await expect(viewer.getByRole("dialog")).toContainText(seeded.primary);
  await expect(viewer.getByRole("button", { name: "Cover this shift" })).toHaveCount(0);

  // The responder's request, replayed with the viewer's session and a fresh request id.
  const forced = await replayAction(viewer, captured, (captured.postData() ?? "").replace(/"requestId":"[^"]+"/, `"requestId":"${crypto.randomUUID()}"`));
  expect(forced).toContain("AccessDeniedException");
  await viewer.reload();
  await expect(viewer.getByRole("list", { name: "Overrides" }).getByRole("listitem")).toHaveCount(1);

  // A delete too: a second override (Cy, over the first's time, through the API) deleted by the
  // responder; that request replayed by the viewer for the first override is refused, and it stays.
  const api = contactsApi();
  const [first] = (await api.listRotationOverrides({ RotationId: seeded.primaryArn, StartTime: new Date(Date.now() - 30 * 86_400_000), EndTime: new Date(Date.now() + 30 * 86_400_000) })).RotationOverrides!;
  const { RotationOverrideId: secondId } = await api.createRotationOverride({ RotationId: seeded.primaryArn, NewContactIds: [seeded.cyArn], StartTime: first.StartTime!, EndTime: first.EndTime! });
  await responder.reload();
  const overrides = responder.getByRole("list", { name: "Overrides" });
  await expect(overrides.getByRole("listitem")).toHaveCount(2);
  await overrides.getByRole("button", { name: new RegExp(`^Delete the override of ${seeded.names.cy}`) }).click();
  const deleteRequest = responder.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await responder.getByRole("dialog").getByRole("button", { name: "Delete override" }).click();
  const capturedDelete = await deleteRequest;
  expect(capturedDelete.postData()).toContain(secondId!);
  await expect(overrides.getByRole("listitem")).toHaveCount(1);
  const forcedDelete = await replayAction(viewer, capturedDelete, (capturedDelete.postData() ?? "").replaceAll(secondId!, first.RotationOverrideId!));
  expect(forcedDelete).toContain("AccessDeniedException");
  await expect(api.getRotationOverride({ RotationId: seeded.primaryArn, RotationOverrideId: first.RotationOverrideId! })).resolves.toMatchObject({ RotationOverrideId: first.RotationOverrideId });
  await viewer.reload();
  await expect(viewer.getByRole("list", { name: "Overrides" }).getByRole("listitem")).toHaveCount(1);
});

// The incident page's header and Properties: chat channel, notification targets, trigger, tags
// (edit), the summary as safe Markdown, delete with confirmation; user-written HTML stays inert;
// a viewer sees no mutating control and the server refuses a forced timeline write.
import type { Page } from "@playwright/test";
import { incidentPath } from "../lib/console/incidents/paths";
import { expect, test, uniqueName, replayAction } from "./support/fixtures";
import { incidentsApi, startIncidentViaApi } from "./support/incidents-api";

const XSS = "<img src=x onerror=alert(1)>";

/** Fails the test if any script-triggered dialog opens on the page. */
function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on("dialog", (d) => {
    seen.push(d.message());
    void d.dismiss();
  });
  return seen;
}

test("properties show source, targets and chat channel; a responder edits the tags", async ({ pageAs }) => {
  const incident = await startIncidentViaApi({ title: `Props ${uniqueName("t")}`, tags: { team: "payments" } });
  const page = await pageAs("responder");
  await page.goto(incidentPath(incident.arn));
  const chatName = incident.chatTopic.split(":").pop()!;
  await expect(page.getByRole("main").getByText(`Chat channel ${chatName}`)).toBeVisible();

  await page.getByRole("tab", { name: "Properties" }).click();
  const props = page.getByRole("region", { name: "Properties" });
  await expect(props.getByText(incident.arn)).toBeVisible();
  await expect(props.getByText(incident.notifyTopic)).toBeVisible();
  await expect(props.getByRole("link", { name: incident.planName })).toBeVisible();

  const tags = page.getByRole("table", { name: "Tags" });
  await expect(tags.getByRole("row", { name: "team payments" })).toBeVisible();
  await page.getByRole("button", { name: "Edit tags" }).click();
  let dialog = page.getByRole("dialog", { name: "Edit tags" });
  await dialog.getByLabel("Value 1").fill("billing");
  await dialog.getByRole("button", { name: "Add tag" }).click();
  await dialog.getByLabel("Key 2").fill("aws:reserved");
  await dialog.getByRole("button", { name: "Save tags" }).click();
  // The model's TagKey pattern refuses the aws: prefix: a named error, nothing saved.
  await expect(dialog.getByRole("alert")).toContainText("pattern");
  await dialog.getByLabel("Key 2").fill("env");
  await dialog.getByLabel("Value 2").fill("prod");
  await dialog.getByRole("button", { name: "Save tags" }).click();
  await expect(dialog).toBeHidden();
  await expect(tags.getByRole("row", { name: "team billing" })).toBeVisible();
  await expect(tags.getByRole("row", { name: "env prod" })).toBeVisible();

  // Removing a tag untags it; a reload reads the stored tags.
  await page.getByRole("button", { name: "Edit tags" }).click();
  dialog = page.getByRole("dialog", { name: "Edit tags" });
  // Rows come sorted by key: env, then team.
  await expect(dialog.getByLabel("Key 2")).toHaveValue("team");
  await dialog.getByRole("button", { name: "Remove tag 2" }).click();
  const save = page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await dialog.getByRole("button", { name: "Save tags" }).click();
  const captured = await save;
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(tags.getByRole("row", { name: "env prod" })).toBeVisible();
  await expect(tags.getByRole("row", { name: /team/ })).toHaveCount(0);

  // The same save aimed at the replication set (tagging it is an admin's, in Settings): refused.
  const api = incidentsApi();
  const [setArn] = (await api.listReplicationSets({})).replicationSetArns ?? [];
  const before = (await api.listTagsForResource({ resourceArn: setArn })).tags;
  const forced = await replayAction(page, captured, (captured.postData() ?? "").replace(incident.arn, setArn));
  expect(forced).toContain("is not an incident");
  expect((await api.listTagsForResource({ resourceArn: setArn })).tags).toEqual(before);
});

test("a responder deletes an incident after confirming, and is back at the list", async ({ pageAs }) => {
  const incident = await startIncidentViaApi({ title: `Delete me ${uniqueName("t")}` });
  const page = await pageAs("responder");
  await page.goto(incidentPath(incident.arn));
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete incident" });
  const confirm = dialog.getByRole("button", { name: "Delete" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel('To confirm, type "delete"').fill("delete");
  await confirm.click();
  await expect(page).toHaveURL(/\/incidents$/);
  await expect(page.getByRole("link", { name: incident.title })).toHaveCount(0);
  await page.goto(incidentPath(incident.arn));
  await expect(page.getByRole("heading", { level: 1, name: incident.title })).toHaveCount(0);
});

test("HTML in a title, a summary and an event stays text; the summary's Markdown is rendered", async ({ pageAs }) => {
  const summary = `**Database** is down.\n\n<script>alert(2)</script>\n\n${XSS}\n\n[details](javascript:alert(3))`;
  const incident = await startIncidentViaApi({ title: `${XSS} ${uniqueName("t")}`, summary });
  const page = await pageAs("responder");
  const dialogs = watchDialogs(page);
  await page.goto(incidentPath(incident.arn));
  const main = page.getByRole("main");
  await expect(page.getByRole("heading", { level: 1, name: incident.title })).toBeVisible();
  const summaryRegion = page.getByRole("region", { name: "Summary" });
  await expect(summaryRegion.locator("strong")).toHaveText("Database");
  await expect(summaryRegion.locator("script")).toHaveCount(0);
  // The link's javascript: URL is neutralised.
  await expect(summaryRegion.getByRole("link", { name: "details" })).not.toHaveAttribute("href", /javascript:/);

  await page.getByRole("tab", { name: "Timeline" }).click();
  await page.getByRole("button", { name: "Add event" }).click();
  const add = page.getByRole("dialog", { name: "Add timeline event" });
  await add.getByLabel("Description").fill(`${XSS}<script>alert(4)</script>`);
  await add.getByRole("button", { name: "Add event" }).click();
  await expect(page.getByRole("list", { name: "Timeline events" }).getByText(`${XSS}<script>alert(4)</script>`)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("list", { name: "Timeline events" }).getByText(`${XSS}<script>alert(4)</script>`)).toBeVisible();

  await expect(main.locator("img[src='x']")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("a viewer sees no mutating control, and the server refuses a forced timeline write", async ({ pageAs }) => {
  const incident = await startIncidentViaApi({ title: `Viewer ${uniqueName("t")}` });
  const responder = await pageAs("responder");
  await responder.goto(incidentPath(incident.arn, "timeline"));
  await responder.getByRole("button", { name: "Add event" }).click();
  const add = responder.getByRole("dialog", { name: "Add timeline event" });
  await add.getByLabel("Description").fill("Written by the responder");
  const actionRequest = responder.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await add.getByRole("button", { name: "Add event" }).click();
  const captured = await actionRequest;
  await expect(responder.getByRole("list", { name: "Timeline events" }).getByText("Written by the responder")).toBeVisible();

  const viewer = await pageAs("viewer");
  await viewer.goto(incidentPath(incident.arn));
  await expect(viewer.getByRole("heading", { level: 1, name: incident.title })).toBeVisible();
  for (const name of ["Edit", "Resolve", "Reopen", "Delete"]) await expect(viewer.getByRole("button", { name })).toHaveCount(0);
  await viewer.getByRole("tab", { name: "Timeline" }).click();
  await expect(viewer.getByRole("list", { name: "Timeline events" }).getByText("Written by the responder")).toBeVisible();
  for (const name of ["Add event", "Edit", "Delete"]) await expect(viewer.getByRole("button", { name })).toHaveCount(0);
  await viewer.getByRole("heading", { name: "Timeline", exact: true }).click();
  await viewer.keyboard.press("n");
  await expect(viewer.getByRole("dialog")).toHaveCount(0);
  await viewer.getByRole("tab", { name: "Properties" }).click();
  await expect(viewer.getByRole("table", { name: "Tags" }).or(viewer.getByText("No tags."))).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Edit tags" })).toHaveCount(0);

  // The responder's create-event request, replayed with the viewer's session.
  const forcedText = await replayAction(viewer, captured);
  expect(forcedText).toContain("AccessDeniedException");
  await responder.reload();
  await expect(responder.getByRole("list", { name: "Timeline events" }).getByText("Written by the responder")).toHaveCount(1);
});

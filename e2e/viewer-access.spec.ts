// (b) A viewer reads but cannot change: no Start incident button, and — the real check — the
// server refuses the start-incident server action when a viewer posts it anyway.
import { createResponsePlan, expect, planOptionLabel, test, uniqueName, replayAction } from "./support/fixtures";

test("a viewer sees no Start incident button and the server refuses a forced start", async ({ pageAs }) => {
  // A responder starts an incident through the dialog; we keep the server action request it sent.
  const responder = await pageAs("responder");
  const plan = { name: uniqueName("viewer-check"), title: "Template title", impact: "4 Low" };
  await createResponsePlan(responder, plan);
  await responder.goto("/incidents");
  await responder.getByRole("button", { name: "Start incident" }).click();
  const dialog = responder.getByRole("dialog", { name: "Start incident" });
  await dialog.getByLabel("Response plan").selectOption({ label: planOptionLabel(plan) });
  const title = `Viewer check ${uniqueName("t")}`;
  await dialog.getByLabel("Title").fill(title);
  const actionRequest = responder.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await dialog.getByRole("button", { name: "Start", exact: true }).click();
  const captured = await actionRequest;
  await expect(responder.getByRole("heading", { level: 1, name: title })).toBeVisible();

  const viewer = await pageAs("viewer");
  await viewer.goto("/incidents");
  await expect(viewer.getByRole("heading", { level: 1, name: "Incidents" })).toBeVisible();
  await expect(viewer.getByRole("table", { name: "Open incidents" }).getByRole("link", { name: title })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Start incident" })).toHaveCount(0);

  await viewer.getByRole("link", { name: title }).click();
  await expect(viewer.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Resolve" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Edit" })).toHaveCount(0);

  // The same server action, posted with the viewer's session.
  const body = await replayAction(viewer, captured);
  expect(body).toContain("AccessDeniedException");
  expect(body).not.toContain("incident-record/");

  // Nothing was started: the title is still listed once.
  await responder.goto("/incidents");
  await expect(responder.getByRole("table", { name: "Open incidents" }).getByRole("link", { name: title })).toHaveCount(1);
});

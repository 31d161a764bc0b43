// Settings → Replication set, on a console of the spec's own (deleting the set deletes all
// Incident Manager data, so it never runs against the consoles the other specs share): Regions
// added and removed with their status following the backend, the last Region kept, deletion
// protection, the typed delete that empties Incident Manager, the empty state that creates a new
// set, and every one of those changes refused to responders and viewers by the server.
import type { Page, Request } from "@playwright/test";
import { startIsolatedConsole, type IsolatedConsole } from "./support/isolated-console";
import { expect, replayAction, test, uniqueName } from "./support/fixtures";

test.describe.configure({ mode: "serial" });

let iso: IsolatedConsole;
/** The admin's server-action requests, replayed by a responder and a viewer at the end. */
const captured: Record<string, Request> = {};

test.beforeAll(async ({}, testInfo) => {
  // One or two production servers to start on a machine that runs other builds.
  testInfo.setTimeout(180_000);
  iso = await startIsolatedConsole(testInfo.project.name === "aws-mode");
});

test.afterAll(async () => {
  await iso?.stop();
});

const isAction = (r: Request) => r.method() === "POST" && r.headers()["next-action"] !== undefined;

/** Clicks, and keeps the server-action request the click sent under `name`. */
async function clickAction(page: Page, name: string, click: () => Promise<void>) {
  const request = page.waitForRequest(isAction);
  await click();
  captured[name] = await request;
}

async function currentSet() {
  const { replicationSetArns } = await iso.incidents.listReplicationSets({});
  if (!replicationSetArns?.length) return null;
  return (await iso.incidents.getReplicationSet({ arn: replicationSetArns[0] })).replicationSet!;
}

test("an admin adds a Region that turns ACTIVE and removes it; the last Region stays, and deletion protection keeps the set", async ({ browser }) => {
  test.slow();
  const page = await iso.pageAs(browser, "admin");
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Replication set" });
  const regions = section.getByRole("table", { name: "Regions" });
  const home = regions.getByRole("row").filter({ hasText: "us-east-1" });
  await expect(home).toContainText("ACTIVE");
  await expect(home).toContainText("AWS owned key");

  // The only Region can't be removed, and the page says why.
  await expect(home.getByRole("button", { name: "Remove Region us-east-1" })).toBeDisabled();
  await expect(section.getByText("us-east-1 is the only Region of the replication set, so it can't be removed. To remove it, delete the replication set.")).toBeVisible();

  // Add a Region: its field is checked first, then it is CREATING, then ACTIVE without a reload.
  const add = section.getByRole("form", { name: "Add Region" });
  await add.getByRole("button", { name: "Add Region" }).click();
  await expect(add.getByText("Choose a Region.")).toBeVisible();
  await add.getByLabel("Region", { exact: true }).selectOption("eu-west-1");
  await add.getByLabel(/^KMS key/).fill("alias/incident-manager");
  await clickAction(page, "addRegion", () => add.getByRole("button", { name: "Add Region" }).click());
  const added = regions.getByRole("row").filter({ hasText: "eu-west-1" });
  await expect(added).toContainText("CREATING");
  await expect(section.getByRole("status").filter({ hasText: "A Region is being added or removed" })).toBeVisible();
  await expect(added).toContainText("ACTIVE", { timeout: 20_000 });
  await expect(added).toContainText("alias/incident-manager");
  expect((await currentSet())?.regionMap?.["eu-west-1"]).toMatchObject({ status: "ACTIVE", sseKmsKeyId: "alias/incident-manager" });

  // Remove it again, after a confirmation.
  await added.getByRole("button", { name: "Remove Region eu-west-1" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove Region eu-west-1" });
  await expect(confirm).toContainText("deletes its data there");
  await clickAction(page, "removeRegion", () => confirm.getByRole("button", { name: "Remove Region" }).click());
  await expect(confirm).toBeHidden();
  await expect(added).toContainText("DELETING");
  await expect(added).toHaveCount(0, { timeout: 20_000 });
  expect(Object.keys((await currentSet())?.regionMap ?? {})).toEqual(["us-east-1"]);

  // Deletion protection on: the set can't be deleted, and the backend's named error says so.
  const protection = section.getByRole("switch", { name: "Deletion protection" });
  await expect(protection).toHaveAttribute("aria-checked", "false");
  await clickAction(page, "protect", () => protection.click());
  await expect(protection).toHaveAttribute("aria-checked", "true");
  expect((await currentSet())?.deletionProtected).toBe(true);
  await expect(section.getByText("Deletion protection is on as well: the replication set can't be deleted until it is turned off.")).toBeVisible();

  // The delete is in the danger zone, the last section of Settings, not in the replication set's header.
  await expect(section.getByRole("button", { name: "Delete replication set" })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("heading", { level: 2 }).last()).toHaveText("Danger zone");
  await page.getByRole("region", { name: "Danger zone" }).getByRole("button", { name: "Delete replication set" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete replication set" });
  await expect(dialog).toContainText("Deleting the replication set deletes all Incident Manager data.");
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(dialog.getByText("Type delete to confirm.")).toBeVisible();
  await dialog.getByLabel("To confirm, type delete").fill("delete");
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(dialog.getByRole("alert")).toContainText("ValidationException");
  await expect(dialog.getByRole("alert")).toContainText("Deletion protection is on");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect((await currentSet())?.status).toBe("ACTIVE");

  await protection.click();
  await expect(protection).toHaveAttribute("aria-checked", "false");
  expect((await currentSet())?.deletionProtected).toBe(false);
});

test("deleting the replication set (typed confirmation) deletes all Incident Manager data; the empty state creates a new set", async ({ browser }) => {
  test.slow();
  // Data of both services that must go with the set.
  const plan = uniqueName("doomed");
  const { arn: planArn } = await iso.incidents.createResponsePlan({ name: plan, incidentTemplate: { title: "Doomed", impact: 3 } });
  await iso.incidents.startIncident({ responsePlanArn: planArn });
  await iso.contacts.createContact({ Alias: uniqueName("doomed").toLowerCase(), Type: "PERSONAL", Plan: { Stages: [] } });

  const page = await iso.pageAs(browser, "admin");
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Replication set" });
  await page.getByRole("region", { name: "Danger zone" }).getByRole("button", { name: "Delete replication set" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete replication set" });
  await expect(dialog).toContainText(/every contact and escalation plan|contacts, escalation plans/);
  await dialog.getByLabel("To confirm, type delete").fill("delete it");
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(dialog.getByText("Type delete to confirm.")).toBeVisible();
  await dialog.getByLabel("To confirm, type delete").fill("delete");
  await clickAction(page, "deleteSet", () => dialog.getByRole("button", { name: "Delete", exact: true }).click());
  await expect(dialog).toBeHidden();

  // The empty state, and nothing left behind.
  const create = section.getByRole("form", { name: "Create replication set" });
  await expect(create.getByRole("status")).toContainText("Incident Manager isn't set up in this account");
  await expect(create.getByRole("status")).toContainText("StartIncident");
  expect(await currentSet()).toBeNull();
  expect((await iso.incidents.listResponsePlans({})).responsePlanSummaries).toEqual([]);
  expect((await iso.incidents.listIncidentRecords({})).incidentRecordSummaries).toEqual([]);
  expect((await iso.contacts.listContacts({})).Contacts).toEqual([]);
  const { arn: again } = await iso.incidents.createResponsePlan({ name: plan, incidentTemplate: { title: "Again", impact: 3 } });
  const refused = await iso.incidents.startIncident({ responsePlanArn: again }).then(
    () => null,
    (e: Error) => e,
  );
  expect(refused?.name).toBe("ConflictException");

  // Create a new set over two Regions: the console's own is chosen already.
  await expect(create.getByRole("checkbox", { name: "us-east-1" })).toBeChecked();
  await create.getByRole("checkbox", { name: "eu-central-1" }).check();
  await create.getByLabel(/^KMS key for eu-central-1/).fill("k".repeat(2049));
  await create.getByRole("button", { name: "Create replication set" }).click();
  await expect(create.getByText("Must have length less than or equal to 2048.")).toBeVisible();
  await create.getByLabel(/^KMS key for eu-central-1/).fill("alias/eu-key");
  await clickAction(page, "createSet", () => create.getByRole("button", { name: "Create replication set" }).click());
  const regions = section.getByRole("table", { name: "Regions" });
  await expect(regions.getByRole("row").filter({ hasText: "eu-central-1" })).toContainText("alias/eu-key");
  await expect(regions.getByRole("row").filter({ hasText: "us-east-1" })).toContainText("ACTIVE");
  expect(Object.keys((await currentSet())?.regionMap ?? {}).sort()).toEqual(["eu-central-1", "us-east-1"]);
  expect((await iso.incidents.startIncident({ responsePlanArn: again })).incidentRecordArn).toContain(`incident-record/${plan}/`);
});

test("responders and viewers are refused Settings and every replication set change, by the server", async ({ browser }) => {
  const before = await currentSet();
  const setArn = before!.arn!;
  for (const role of ["responder", "viewer"] as const) {
    const page = await iso.pageAs(browser, role);
    await page.goto("/settings");
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    const settingsRead = await page.request.get("/api/settings/replication-set");
    expect(settingsRead.status()).toBe(403);
    for (const [name, request] of Object.entries(captured)) {
      // Each request as it would succeed now: aimed at the current set (the first ones named the old one).
      const body = (request.postData() ?? "").replace(/arn:aws:ssm-incidents::\d{12}:replication-set\/[A-Za-z0-9-]+/g, setArn);
      expect(await replayAction(page, request, body), `${role} replaying ${name}`).toContain("AccessDeniedException");
    }
  }
  expect(Object.keys(captured).sort()).toEqual(["addRegion", "createSet", "deleteSet", "protect", "removeRegion"]);
  // Nothing changed: still the same set, Regions and protection.
  const after = await currentSet();
  expect(after?.arn).toBe(setArn);
  expect(Object.keys(after?.regionMap ?? {}).sort()).toEqual(Object.keys(before!.regionMap ?? {}).sort());
  expect(after?.deletionProtected).toBe(before!.deletionProtected);
});

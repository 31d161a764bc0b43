// Related items: add, refuse a duplicate with a clear message on the field, remove; a title
// carrying HTML stays text; a viewer sees no controls and the server refuses a forced add.
import { createPlanThroughApi, incidentsApi } from "./support/aws-api";
import { expect, test, uniqueName, replayAction } from "./support/fixtures";
import { incidentPath } from "../lib/console/incidents/paths";

async function newIncident(title: string): Promise<string> {
  const planArn = await createPlanThroughApi(uniqueName("items-plan"), "Items template", 4);
  const { incidentRecordArn } = await incidentsApi().startIncident({ responsePlanArn: planArn, title });
  return incidentRecordArn!;
}

test("a responder adds, is refused a duplicate of, and removes related items; HTML in a title stays inert", async ({ pageAs }) => {
  const arn = await newIncident(`Related items ${uniqueName("t")}`);
  const page = await pageAs("responder");
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(incidentPath(arn, "related-items"));
  const table = page.getByRole("table", { name: "Related items" });
  await expect(table.getByText("No related items.")).toBeVisible();
  // The form opens from its button (its code loads then) with the focus on its first field.
  await page.getByRole("button", { name: "Add related item" }).click();
  const form = page.getByRole("form", { name: "Add related item" });
  await expect(form.getByLabel("Type")).toBeFocused();

  await form.getByLabel("Type").selectOption({ label: "Metric" });
  await form.getByLabel("URL or ARN").fill("https://metrics.example.com/latency");
  await form.getByLabel("Title").fill("Latency p99");
  await form.getByRole("button", { name: "Add" }).click();
  await expect(table.getByRole("link", { name: "Latency p99" })).toBeVisible();
  await expect(table.getByRole("cell", { name: "Metric", exact: true })).toBeVisible();
  await expect(form.getByLabel("URL or ARN")).toHaveValue("");

  // The same type and value again: a ConflictException, on the value field.
  await form.getByLabel("Type").selectOption({ label: "Metric" });
  await form.getByLabel("URL or ARN").fill("https://metrics.example.com/latency");
  await form.getByRole("button", { name: "Add" }).click();
  await expect(form.getByLabel("URL or ARN")).toHaveAccessibleErrorMessage(/already on incident record/);
  await expect(table.getByRole("link", { name: "Latency p99" })).toHaveCount(1);

  // A title that is HTML is shown as text: no element, no script.
  const xss = `<img src=x onerror="window.__xss=1">`;
  await form.getByLabel("Type").selectOption({ label: "Other" });
  await form.getByLabel("URL or ARN").fill("https://example.com/notes");
  await form.getByLabel("Title").fill(xss);
  await form.getByRole("button", { name: "Add" }).click();
  await expect(table.getByRole("link", { name: xss })).toBeVisible();
  await expect(table.locator("img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  await table.getByRole("button", { name: "Remove Latency p99" }).click();
  await expect(table.getByRole("link", { name: "Latency p99" })).toHaveCount(0);
  await expect(table.getByRole("link", { name: xss })).toBeVisible();
  // Still there after a reload: the server has it.
  await page.reload();
  await expect(page.getByRole("table", { name: "Related items" }).getByRole("link", { name: xss })).toBeVisible();
  await expect(page.getByRole("table", { name: "Related items" }).getByRole("link", { name: "Latency p99" })).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test("a viewer sees related items without controls, and the server refuses a forced add", async ({ pageAs }) => {
  const arn = await newIncident(`Viewer items ${uniqueName("t")}`);
  const responder = await pageAs("responder");
  await responder.goto(incidentPath(arn, "related-items"));
  await responder.getByRole("button", { name: "Add related item" }).click();
  const form = responder.getByRole("form", { name: "Add related item" });
  await form.getByLabel("URL or ARN").fill("https://runbooks.example.com/first");
  await form.getByLabel("Title").fill("First runbook");
  const actionRequest = responder.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await form.getByRole("button", { name: "Add" }).click();
  const captured = await actionRequest;
  await expect(responder.getByRole("table", { name: "Related items" }).getByRole("link", { name: "First runbook" })).toBeVisible();

  const viewer = await pageAs("viewer");
  await viewer.goto(incidentPath(arn, "related-items"));
  await expect(viewer.getByRole("table", { name: "Related items" }).getByRole("link", { name: "First runbook" })).toBeVisible();
  await expect(viewer.getByRole("form", { name: "Add related item" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: "Add related item" })).toHaveCount(0);
  await expect(viewer.getByRole("button", { name: /^Remove/ })).toHaveCount(0);

  // The responder's add, replayed with the viewer's session and another value.
  const forcedText = await replayAction(viewer, captured, (captured.postData() ?? "").replace("https://runbooks.example.com/first", "https://runbooks.example.com/forced"));
  expect(forcedText).toContain("AccessDeniedException");
  const { relatedItems } = await incidentsApi().listRelatedItems({ incidentRecordArn: arn });
  expect(relatedItems!.map((i) => i.identifier?.value?.url)).toEqual(["https://runbooks.example.com/first"]);
});

test("the Runbook tab shows the plan's automation and the executions it started for the incident", async ({ pageAs }) => {
  const api = incidentsApi();
  const { arn: planArn } = await api.createResponsePlan({
    name: uniqueName("runbook-plan"),
    incidentTemplate: { title: "Runbook template", impact: 3 },
    actions: [
      {
        ssmAutomation: {
          documentName: "Restart-Web-Tier",
          documentVersion: "2",
          roleArn: "arn:aws:iam::000000000000:role/incident-automation",
          targetAccount: "RESPONSE_PLAN_OWNER_ACCOUNT",
          parameters: { Cluster: ["web-prod"] },
          dynamicParameters: { IncidentArn: { variable: "INCIDENT_RECORD_ARN" } },
        },
      },
    ],
  });
  const { incidentRecordArn } = await api.startIncident({ responsePlanArn: planArn!, title: `Runbook ${uniqueName("t")}` });
  const { incidentRecord } = await api.getIncidentRecord({ arn: incidentRecordArn! });
  const execution = incidentRecord!.automationExecutions![0].ssmExecutionArn!;

  const page = await pageAs("viewer");
  await page.goto(incidentPath(incidentRecordArn!, "runbook"));
  const automation = page.getByRole("region", { name: "Runbook automation" });
  await expect(automation).toContainText("Restart-Web-Tier");
  await expect(automation).toContainText("Cluster: web-prod");
  await expect(automation).toContainText("IncidentArn: INCIDENT_RECORD_ARN");
  await expect(page.getByRole("list", { name: "Automation executions" })).toContainText(execution);
});

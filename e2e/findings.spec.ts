// The Findings tab shows what ListIncidentFindings / BatchGetIncidentFindings answer for the
// incident: the local model has no deployment sources, so it says in words that there are none
// (the same in the aws-mode console, which reads the local model through the AWS SDK).
import { createPlanThroughApi, incidentsApi } from "./support/aws-api";
import { expect, test, uniqueName } from "./support/fixtures";
import { incidentPath } from "../lib/console/incidents/paths";

test("the Findings tab says the incident has no findings, as the API answers, at desktop and phone width", async ({ pageAs }, testInfo) => {
  const planArn = await createPlanThroughApi(uniqueName("findings-plan"), "Findings template", 3);
  const { incidentRecordArn } = await incidentsApi().startIncident({ responsePlanArn: planArn, title: `Findings ${uniqueName("t")}` });
  const { findings } = await incidentsApi().listIncidentFindings({ incidentRecordArn });
  expect(findings).toEqual([]);

  const page = await pageAs("viewer");
  await page.goto(incidentPath(incidentRecordArn!));
  await page.getByRole("tab", { name: "Findings" }).click();
  await expect(page).toHaveURL(/[?&]tab=findings/);
  const panel = page.getByRole("region", { name: "Findings" });
  await expect(panel).toContainText("CodeDeploy deployments and CloudFormation stack updates");
  const table = panel.getByRole("table", { name: "Findings" });
  await expect(table.getByRole("columnheader")).toHaveText(["Change", "What changed", "Deployment", "Started", "Ended", "Last updated"]);
  await expect(table.getByText("No findings. Incident Manager found no deployments or stack updates around the time this incident started.")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("findings-desktop.png"), fullPage: true });

  // A reload (or a shared link) opens the same tab; at phone width the page doesn't scroll sideways.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  await expect(page.getByRole("tab", { name: "Findings", selected: true })).toBeVisible();
  await expect(table.getByText(/^No findings\./)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("findings-phone.png"), fullPage: true });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

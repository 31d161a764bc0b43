// At phone width (375 px) the responder's screens fit: the page itself never scrolls sideways
// (wide tables scroll inside their own box).
import { createPersonalContact, createPlanThroughApi, incidentsApi } from "./support/aws-api";
import { expect, test, uniqueName } from "./support/fixtures";
import { incidentPath } from "../lib/console/incidents/paths";

test("the incidents list, the incident's tabs and My pages fit a 375 px screen", async ({ pageAs }, testInfo) => {
  const contact = await createPersonalContact("phone");
  const planArn = await createPlanThroughApi(uniqueName("phone-plan"), "Phone template", 2, [contact.arn]);
  const { incidentRecordArn } = await incidentsApi().startIncident({ responsePlanArn: planArn, title: `Phone ${uniqueName("t")}` });
  const page = await pageAs("responder");
  await page.setViewportSize({ width: 375, height: 800 });
  const fits = async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(375);
  };
  await page.goto("/incidents?impact=2");
  await expect(page.getByRole("searchbox", { name: "Search by title" })).toBeVisible();
  await fits("incidents");
  for (const tab of ["related-items", "engagements", "runbook"]) {
    await page.goto(incidentPath(incidentRecordArn!, tab));
    await expect(page.getByRole("tabpanel")).toBeVisible();
    if (tab === "engagements") await expect(page.getByRole("heading", { name: `Engagement of ${contact.alias}` })).toBeVisible();
    await fits(tab);
  }
  await page.goto("/pages");
  await expect(page.getByRole("heading", { level: 1, name: "My pages" })).toBeVisible();
  await fits("pages");
});

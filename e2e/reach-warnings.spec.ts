// Warn before paging fails (issue 16): a contact whose channels are all unactivated is named, in
// words, in the escalation-plan and response-plan builders and on their pages — before an
// incident finds out. Runs on both consoles.
import { contactsApi, createPersonalContact, createPlanThroughApi } from "./support/aws-api";
import { expect, pickEngagement, test, uniqueName } from "./support/fixtures";

test("planners are told which contacts will not be reached, in the builders and on the plans' pages", async ({ pageAs }) => {
  // createPersonalContact's only channel is left unactivated.
  const bob = await createPersonalContact("bob-backup");
  const bobName = `Contact ${bob.alias}`;
  const escalation = uniqueName("warn-esc").toLowerCase();
  const { ContactArn: escalationArn } = await contactsApi().createContact({
    Alias: escalation,
    DisplayName: `Escalation ${escalation}`,
    Type: "ESCALATION",
    Plan: { Stages: [{ DurationInMinutes: 5, Targets: [{ ContactTargetInfo: { ContactId: bob.arn, IsEssential: true } }] }] },
  });
  const planName = uniqueName("warn-plan");
  await createPlanThroughApi(planName, "Warn template", 3, [escalationArn!]);
  const page = await pageAs("admin");
  const warning = `${bobName} has no activated channel: they will not be reached`;

  // The escalation plan's page, and the response plan's (which says through which plan).
  await page.goto(`/escalation-plans/${escalation}`);
  await expect(page.getByRole("list", { name: "Contacts that will not be reached" })).toContainText(warning);
  await page.goto(`/response-plans/${planName}`);
  await expect(page.getByRole("list", { name: "Contacts that will not be reached" })).toContainText(
    `${bobName} (in Escalation ${escalation}) has no activated channel: they will not be reached`,
  );

  // The escalation plan builder: the warning appears as the contact is chosen.
  await page.goto("/escalation-plans/create");
  await page.getByRole("button", { name: "Add stage" }).click();
  await page.getByRole("group", { name: "Stage 1", exact: true }).getByRole("button", { name: "Add contact" }).click();
  const target = page.getByRole("group", { name: "Stage 1 target 1" });
  await expect(target).not.toContainText("will not be reached");
  await target.getByLabel("Contact").selectOption({ label: `${bobName} (${bob.alias})` });
  await expect(target.getByLabel("Contact")).toHaveAccessibleDescription(new RegExp(warning));

  // The response plan builder: the same, as the contact is picked.
  await page.goto("/response-plans/create");
  await pickEngagement(page, bob.alias, `${bobName} (${bob.alias}) · contact`);
  await expect(page.getByRole("list", { name: "Contacts that will not be reached" })).toContainText(warning);
});

// The planner's chain, end to end through the console (issue 6): an admin builds a contact with
// an e-mail and an SMS channel and a two-stage engagement plan, activates the e-mail channel with
// the code from the outbox, builds an escalation plan over the contact and a response plan that
// names the escalation plan (picked in the form), and starts an incident from the plan. The
// engine pages the contact: the page is on the incident's Engagements tab and in Engagements.
// A responder user made in Settings and linked to the contact acknowledges it from My pages.
// Runs on both consoles: in aws mode the activation code is read from the first (local) console's
// outbox, since the AWS API keeps no copy of codes.
import { incidentPath } from "../lib/console/incidents/paths";
import { BASE_URL } from "./support/env";
import { ACCOUNT } from "./support/incidents-api";
import { expect, newestActivationCode, pickEngagement, signInAs, signInThroughApi, test, uniqueName } from "./support/fixtures";

test("contact → escalation plan → response plan → incident → page, acknowledged by the linked responder", async ({ pageAs, browser, baseURL }, testInfo) => {
  // Six screens and two users; in aws mode every call crosses two consoles.
  test.slow();
  const awsMode = testInfo.project.name === "aws-mode";
  const admin = await pageAs("admin");
  const alias = uniqueName("chain").toLowerCase();
  const person = `Chain Responder ${alias.slice(-6)}`;

  // 1. A contact with two channels and a two-stage engagement plan: e-mail first, then SMS.
  await admin.goto("/contacts/create");
  await admin.getByLabel("Alias", { exact: true }).fill(alias);
  await admin.getByLabel(/^Display name/).fill(person);
  for (const [i, type, name, address] of [
    [1, "Email", "mail", `${alias}@example.com`],
    [2, "SMS", "phone", "+15005550142"],
  ] as const) {
    await admin.getByRole("button", { name: "Add contact channel" }).click();
    const channel = admin.getByRole("group", { name: `Channel ${i}` });
    await channel.getByLabel("Type").selectOption({ label: type });
    await channel.getByLabel("Channel name").fill(name);
    await channel.getByLabel("Address", { exact: true }).fill(address);
  }
  for (const [i, channel] of [
    [1, "mail (Email)"],
    [2, "phone (SMS)"],
  ] as const) {
    await admin.getByRole("button", { name: "Add stage" }).click();
    const stage = admin.getByRole("group", { name: `Stage ${i}`, exact: true });
    await stage.getByLabel("Duration (minutes)").fill("10");
    await stage.getByRole("button", { name: "Add channel target" }).click();
    await admin.getByRole("group", { name: `Stage ${i} target 1` }).getByLabel("Channel").selectOption({ label: channel });
  }
  await admin.getByRole("button", { name: "Create contact" }).click();
  await expect(admin).toHaveURL(new RegExp(`/contacts/${alias}$`));
  const channels = admin.getByRole("table", { name: "Contact channels" });

  // 2. The e-mail channel activated with the code the outbox shows (the first console's in aws mode).
  await channels.getByRole("button", { name: "Activate mail" }).click();
  const activate = admin.getByRole("dialog", { name: "Activate contact channel" });
  let code: string;
  if (!awsMode) {
    code = await newestActivationCode(activate);
  } else {
    const context = await browser.newContext({ baseURL: BASE_URL });
    await signInThroughApi(context, "admin");
    const local = await context.newPage();
    await local.goto(`/contacts/${alias}`);
    await local.getByRole("button", { name: "Activate mail" }).click();
    code = await newestActivationCode(local.getByRole("dialog", { name: "Activate contact channel" }));
    await context.close();
  }
  await activate.getByLabel("Activation code").fill(code);
  await activate.getByRole("button", { name: "Activate", exact: true }).click();
  await expect(activate).toBeHidden();
  await expect(channels.getByRole("row", { name: /mail/ })).toContainText("Activated");
  await expect(channels.getByRole("row", { name: /phone/ })).toContainText("Not activated");

  // 3. An escalation plan over the contact, whose acknowledgement stops it.
  const escalation = uniqueName("chain-esc").toLowerCase();
  await admin.goto("/escalation-plans/create");
  await admin.getByLabel("Alias", { exact: true }).fill(escalation);
  await admin.getByRole("button", { name: "Add stage" }).click();
  const stage = admin.getByRole("group", { name: "Stage 1", exact: true });
  await stage.getByLabel("Duration (minutes)").fill("15");
  await stage.getByRole("button", { name: "Add contact" }).click();
  const target = admin.getByRole("group", { name: "Stage 1 target 1" });
  await target.getByLabel("Contact").selectOption({ label: `${person} (${alias})` });
  await target.getByRole("switch", { name: "Acknowledgement stops plan progression" }).check();
  await admin.getByRole("button", { name: "Create escalation plan" }).click();
  await expect(admin).toHaveURL(new RegExp(`/escalation-plans/${escalation}$`));

  // 4. A response plan that engages the escalation plan, chosen in the picker by its alias.
  const planName = uniqueName("chain-plan");
  const title = `Checkout down ${uniqueName("t")}`;
  await admin.goto("/response-plans/create");
  await admin.getByLabel("Name", { exact: true }).fill(planName);
  await admin.getByLabel("Title", { exact: true }).fill(title);
  await admin.getByLabel("Impact", { exact: true }).selectOption({ label: "1 Critical" });
  await pickEngagement(admin, escalation, `${escalation} · escalation plan`);
  await admin.getByRole("button", { name: "Create response plan" }).click();
  await expect(admin).toHaveURL(new RegExp(`/response-plans/${planName}$`));
  await expect(admin.getByRole("table", { name: "Engagements" }).getByRole("row", { name: new RegExp(escalation) })).toContainText("Escalation plan");

  // 5. The incident, started from the plan's page.
  await admin.getByRole("button", { name: "Start incident from this plan" }).click();
  const start = admin.getByRole("dialog", { name: "Start incident" });
  await expect(start.getByRole("region", { name: "Template preview" })).toContainText(`Engages: ${escalation}`);
  await start.getByRole("button", { name: "Start", exact: true }).click();
  await expect(admin.getByRole("heading", { level: 1, name: title })).toBeVisible();
  // The short URL names the plan and the id; the account is the local model's.
  const [, urlPlan, urlId] = /\/incidents\/([^/?]+)\/([^/?]+)/.exec(new URL(admin.url()).pathname) ?? [];
  expect(urlPlan).toBe(planName);
  const incidentArn = `arn:aws:ssm-incidents::${ACCOUNT}:incident-record/${urlPlan}/${urlId}`;

  // 6. The engagement of the escalation plan, and the engine's page to the contact (a tick later),
  // delivered to the activated e-mail channel.
  await admin.getByRole("tab", { name: "Engagements" }).click();
  await expect(admin.getByRole("heading", { name: `Engagement of ${escalation}` })).toBeVisible();
  const pages = admin.getByRole("table", { name: `Pages of ${escalation}` });
  await expect(pages.getByRole("cell", { name: alias, exact: true })).toBeVisible({ timeout: 30_000 });
  const receipts = pages.getByRole("list", { name: `Receipts of the page to ${alias}` });
  await expect(receipts).toContainText("Sent", { timeout: 30_000 });

  // 7. The same engagement in Engagements, found by its incident.
  await admin.goto(`/engagements?incident=${encodeURIComponent(incidentArn)}`);
  const list = admin.getByRole("table", { name: "Engagements" });
  const row = list.getByRole("row").filter({ has: admin.getByRole("link", { name: title, exact: true }) });
  await expect(row).toContainText(escalation);

  // 8. A responder user, made in Settings and linked to the contact.
  const email = `${uniqueName("chain-user")}@example.com`;
  const password = "a-chain-responder-password";
  await admin.goto("/settings");
  const create = admin.getByRole("form", { name: "Create user" });
  await create.getByLabel("Email").fill(email);
  await create.getByLabel("Name").fill(person);
  await create.getByLabel("Role").selectOption("responder");
  await create.getByLabel("Initial password").fill(password);
  await create.getByRole("button", { name: "Create user" }).click();
  await expect(create.getByRole("status")).toContainText(`User ${email} created`);
  const user = admin.getByRole("table", { name: "Users" }).getByRole("row").filter({ hasText: email });
  await user.getByRole("button", { name: `Link contact for ${email}` }).click();
  const link = admin.getByRole("dialog", { name: `Contact for ${email}` });
  await link.getByLabel("Contact").selectOption({ label: `${person} (${alias}) · contact` });
  await link.getByRole("button", { name: "Save contact" }).click();
  await expect(link).toBeHidden();
  await expect(user).toContainText(alias);

  // 9. Signed in as that user: the page is in My pages, and they acknowledge it there.
  const context = await browser.newContext({ baseURL });
  try {
    await signInAs(context, { email, password });
    const responder = await context.newPage();
    await responder.goto("/pages");
    await expect(responder.getByText(`You are ${alias}`)).toBeVisible();
    const inbox = responder.getByRole("table", { name: "My pages" });
    const mine = inbox.getByRole("row").filter({ has: responder.getByRole("link", { name: title, exact: true }) });
    await mine.getByRole("button", { name: `Acknowledge ${title}` }).click();
    await expect(mine).toContainText("Acknowledged");
    await expect(mine.getByRole("button", { name: /^Acknowledge/ })).toHaveCount(0);
  } finally {
    await context.close();
  }

  // 10. The incident shows the page acknowledged (a READ receipt) to everyone.
  await admin.goto(incidentPath(incidentArn, "engagements"));
  await expect(admin.getByRole("table", { name: `Pages of ${escalation}` }).getByRole("list", { name: `Receipts of the page to ${alias}` })).toContainText("Read");
});

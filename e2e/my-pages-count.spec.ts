// The navigation counts my unacknowledged pages beside "My pages", live (issue 16): a page that
// arrives while the console is open shows up in the count without a reload (the live stream in
// local mode, the poll in aws mode), and acknowledging one takes it off. Runs on both consoles.
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import { hashPassword } from "../lib/auth/password";
import { contactsApi, createPersonalContact } from "./support/aws-api";
import { awsModeDatabaseFile, e2eDatabaseFile } from "./support/env";
import { expect, signInAs, test, uniqueName } from "./support/fixtures";

/** A responder of this test alone, linked to `contactArn` (test-only: straight into the console's database, as global-setup adds users). */
async function addLinkedResponder(file: string, contactArn: string) {
  const user = { email: `${uniqueName("counted")}@example.com`, password: "a-counted-responder-password" };
  const db = new Database(file);
  try {
    const now = new Date().toISOString().replace("Z", "+00:00");
    db.prepare(
      `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "active", "contactArn", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, 'responder', 1, ?, ?, ?)`,
    ).run(randomUUID(), user.email, "Counted", await hashPassword(user.password), contactArn, now, now);
  } finally {
    db.close();
  }
  return user;
}

test("the navigation counts my unacknowledged pages, live", async ({ browser, baseURL }, testInfo) => {
  const me = await createPersonalContact("counted");
  const user = await addLinkedResponder(testInfo.project.name === "aws-mode" ? awsModeDatabaseFile() : e2eDatabaseFile(), me.arn);
  const context = await browser.newContext({ baseURL });
  try {
    await signInAs(context, user);
    const page = await context.newPage();
    await page.goto("/incidents");
    const myPages = page.getByRole("navigation", { name: "Side navigation" }).getByRole("link", { name: /^My pages/ });
    await expect(myPages).toHaveAccessibleName("My pages");

    // Two pages arrive from elsewhere (the API) while the console is open: counted without a reload.
    const engage = (subject: string) =>
      contactsApi().startEngagement({ ContactId: me.arn, Sender: "e2e", Subject: subject, Content: `${subject}: please look.` });
    const first = `Disk full ${uniqueName("s")}`;
    await engage(first);
    await expect(myPages).toHaveAccessibleName("My pages 1 unacknowledged");
    await engage(`Queue backed up ${uniqueName("s")}`);
    await expect(myPages).toHaveAccessibleName("My pages 2 unacknowledged");

    // Acknowledging one takes it off the count.
    await myPages.click();
    await page.getByRole("table", { name: "My pages" }).getByRole("button", { name: `Acknowledge ${first}` }).click();
    await expect(myPages).toHaveAccessibleName("My pages 1 unacknowledged");
  } finally {
    await context.close();
  }
});

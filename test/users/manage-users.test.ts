// The user-management rules on each database: the last active admin can be neither demoted nor
// deactivated, an admin cannot deactivate themself, and concurrent demotions of the last two
// admins leave one admin standing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser, listUsers, updateUser } from "@/lib/users/manage-users";
import { setUserContactArn } from "@/lib/auth/my-contact";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

describe.each(PROVIDERS)("user management on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => t.cleanup());

  const password = "a-long-enough-password";

  it("refuses to demote or deactivate the last active admin, and self-deactivation", async () => {
    const a = await createUser(t.db, { email: "A@Example.com", name: "A", role: "admin", password });
    expect(a.email).toBe("a@example.com");
    await expect(updateUser(t.db, a.id, a.id, { role: "viewer" })).rejects.toMatchObject({ code: "ConflictException", message: expect.stringContaining("last active admin") });
    await expect(updateUser(t.db, a.id, a.id, { active: false })).rejects.toMatchObject({ code: "ConflictException", message: expect.stringContaining("yourself") });

    const b = await createUser(t.db, { email: "b@example.com", name: "B", role: "responder", password });
    // B, not an admin, deactivated by A: fine, and B does not count as an admin.
    await updateUser(t.db, a.id, b.id, { active: false });
    await updateUser(t.db, a.id, b.id, { role: "admin" });
    // B is an admin but inactive: A is still the last active admin.
    await expect(updateUser(t.db, b.id, a.id, { active: false })).rejects.toMatchObject({ code: "ConflictException", message: expect.stringContaining("last active admin") });
    await updateUser(t.db, a.id, b.id, { active: true });
    // Now there are two: A may be demoted (by B), and then B is the last.
    expect((await updateUser(t.db, b.id, a.id, { role: "responder" })).role).toBe("responder");
    await expect(updateUser(t.db, a.id, b.id, { role: "viewer" })).rejects.toMatchObject({ code: "ConflictException" });
    const admins = (await listUsers(t.db)).filter((u) => u.role === "admin" && u.active);
    expect(admins.map((u) => u.email)).toEqual(["b@example.com"]);
  });

  it("lets only one of two concurrent demotions of the last two admins through", async () => {
    const x = await createUser(t.db, { email: `x-${provider}@example.com`, name: "X", role: "admin", password });
    const y = await createUser(t.db, { email: `y-${provider}@example.com`, name: "Y", role: "admin", password });
    // Leave x and y as the only active admins.
    for (const u of await listUsers(t.db)) if (u.role === "admin" && u.id !== x.id && u.id !== y.id) await updateUser(t.db, x.id, u.id, { role: "viewer" });
    const results = await Promise.allSettled([updateUser(t.db, y.id, x.id, { role: "viewer" }), updateUser(t.db, x.id, y.id, { role: "viewer" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const admins = (await listUsers(t.db)).filter((u) => u.role === "admin" && u.active);
    expect(admins).toHaveLength(1);
  });

  it("validates new users and refuses a duplicate e-mail", async () => {
    await expect(createUser(t.db, { email: "nope", name: "", role: "viewer", password: "short" })).rejects.toMatchObject({
      code: "ValidationException",
      details: { fields: [{ name: "email" }, { name: "name" }, { name: "password" }].map((f) => expect.objectContaining(f)) },
    });
    await createUser(t.db, { email: "dup@example.com", name: "D", role: "viewer", password });
    await expect(createUser(t.db, { email: "DUP@example.com", name: "D2", role: "viewer", password })).rejects.toMatchObject({ code: "ConflictException" });
  });

  it("links one contact to one user", async () => {
    const [u1, u2] = await Promise.all([
      createUser(t.db, { email: "c1@example.com", name: "C1", role: "viewer", password }),
      createUser(t.db, { email: "c2@example.com", name: "C2", role: "viewer", password }),
    ]);
    const arn = "arn:aws:ssm-contacts:us-east-1:000000000000:contact/someone";
    await setUserContactArn(t.db, u1.id, arn);
    await expect(setUserContactArn(t.db, u2.id, arn)).rejects.toMatchObject({ code: "ConflictException" });
  });
});

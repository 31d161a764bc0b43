// Two consoles (`npm start`'s server) starting at once on one fresh database, as a team's two
// instances do after an upgrade: both come up, and the database holds one replication set and one
// first admin — the singleton key and the unique e-mail decide the races their bootstraps run.
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { startConsoleServer, type ConsoleServer } from "../support/console-server";
import { createTestDatabaseUrl, PROVIDERS } from "../support/databases";

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe.each(PROVIDERS)("two consoles starting together on one fresh %s database", (provider) => {
  it("both come up, with one replication set and one first admin", async () => {
    const { url: databaseUrl, drop } = await createTestDatabaseUrl(provider);
    cleanups.push(drop);
    const env = { IM_ADMIN_EMAIL: "first-admin@example.com", IM_ADMIN_PASSWORD: "a-long-enough-password" };
    const started = await Promise.allSettled([startConsoleServer({ databaseUrl, env }), startConsoleServer({ databaseUrl, env })]);
    for (const s of started) if (s.status === "fulfilled") cleanups.push(() => s.value.stop());
    expect(started.map((s) => (s.status === "rejected" ? String(s.reason) : "up"))).toEqual(["up", "up"]);
    const servers = started.map((s) => (s as PromiseFulfilledResult<ConsoleServer>).value);
    for (const server of servers) expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    const db = createDb(databaseUrl);
    try {
      expect(await db.replicationSet.count()).toBe(1);
      expect(await db.user.findMany({ select: { email: true, role: true } })).toEqual([{ email: "first-admin@example.com", role: "admin" }]);
    } finally {
      await db.$disconnect();
    }
  });
});

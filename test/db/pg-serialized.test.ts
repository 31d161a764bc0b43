// Prisma loads a query's relations with Promise.all; inside an interactive transaction on
// PostgreSQL they all reach the transaction's one pg.Client, which pg 9 refuses (pg 8 prints a
// deprecation). lib/db/pg-serialized.ts runs a transaction's queries one at a time: no query is
// ever sent to a client that is still busy with another.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../support/databases";

describe.runIf(PROVIDERS.includes("postgresql"))("transactions on PostgreSQL", () => {
  let t: TestDatabase;
  const overlaps: string[] = [];
  const busy = new WeakMap<object, number>();

  beforeAll(async () => {
    t = await createTestDatabase("postgresql");
    const query = pg.Client.prototype.query;
    // Count, per client, the queries sent while another is still running.
    vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      const n = busy.get(this) ?? 0;
      const text = (args[0] as { text?: string } | string | undefined) ?? "";
      if (n > 0) overlaps.push(typeof text === "string" ? text : (text.text ?? ""));
      busy.set(this, n + 1);
      const result = (query as (...a: unknown[]) => unknown).apply(this, args);
      if (result instanceof Promise) void result.finally(() => busy.set(this, (busy.get(this) ?? 1) - 1)).catch(() => undefined);
      else busy.set(this, n);
      return result as never;
    });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await t.cleanup();
  });

  it("sends a transaction's relation loads one after another", async () => {
    await t.db.responsePlan.create({
      data: {
        id: "p1",
        arn: "arn:aws:ssm-incidents::000000000000:response-plan/p1",
        name: "p1",
        title: "t",
        impact: 3,
        engagements: { create: [{ id: "e1", position: 0, contactArn: "arn:aws:ssm-contacts:us-east-1:000000000000:contact/a" }] },
        actions: { create: [{ id: "a1", position: 0, type: "ssmAutomation", documentName: "d", roleArn: "arn:aws:iam::000000000000:role/r" }] },
      },
    });
    overlaps.length = 0;
    const plans = await Promise.all(
      Array.from({ length: 4 }, () =>
        t.db.$transaction((tx) =>
          tx.responsePlan.findUnique({ where: { name: "p1" }, include: { engagements: true, actions: true, integrations: true, incidents: true } }),
        ),
      ),
    );
    expect(plans.map((p) => [p?.engagements.length, p?.actions.length])).toEqual(Array(4).fill([1, 1]));
    expect(overlaps).toEqual([]);
  });
});

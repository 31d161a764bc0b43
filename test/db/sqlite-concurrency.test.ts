// One SQLite connection, many requests: a write outside a transaction must not be swallowed by
// another request's transaction that rolls back (lib/db/sqlite-serialized.ts).
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/databases";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase("sqlite");
});
afterAll(async () => t.cleanup());

it("keeps a write made while another transaction is open and then rolled back", async () => {
  let inside!: () => void;
  const opened = new Promise<void>((r) => (inside = r));
  const failing = t.db
    .$transaction(async (tx) => {
      await tx.tag.create({ data: { id: "in-tx", resourceArn: "arn:x", key: "a", value: "1" } });
      inside();
      await new Promise((r) => setTimeout(r, 50));
      throw new Error("roll back");
    })
    .catch((e: Error) => e.message);
  await opened;
  await t.db.tag.create({ data: { id: "outside", resourceArn: "arn:x", key: "b", value: "2" } });
  expect(await failing).toBe("roll back");
  expect((await t.db.tag.findMany({ orderBy: { id: "asc" } })).map((r) => r.id)).toEqual(["outside"]);
});

it("still runs many concurrent transactions and reads to completion", async () => {
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      i % 2
        ? t.db.$transaction(async (tx) => {
            await tx.tag.create({ data: { id: `c${i}`, resourceArn: "arn:y", key: `k${i}`, value: "v" } });
          })
        : t.db.tag.count(),
    ),
  );
  expect(await t.db.tag.count({ where: { resourceArn: "arn:y" } })).toBe(10);
});

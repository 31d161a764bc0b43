// One SQLite connection, many requests: a write outside a transaction must not be swallowed by
// another request's transaction that rolls back (lib/db/sqlite-serialized.ts). And two processes
// on one file: a transaction holds the write lock from its start, so another process's write waits
// for it instead of the transaction's own write failing later with SQLITE_BUSY_SNAPSHOT.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
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

/** Another process on the same file (plain better-sqlite3): each line on stdin asks it to write once, without waiting for a lock. */
function otherProcess(file: string) {
  const script = `
    const db = new (require("better-sqlite3"))(${JSON.stringify(file)}, { timeout: 0 });
    require("readline").createInterface({ input: process.stdin }).on("line", (id) => {
      try {
        db.prepare("INSERT INTO \\"Tag\\" (id, resourceArn, key, value) VALUES (?, 'arn:other', ?, 'x')").run(id, id);
        console.log("committed");
      } catch (e) {
        console.log(e.code);
      }
    });`;
  const child = spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  return {
    async write(id: string): Promise<string> {
      child.stdin!.write(`${id}\n`);
      return (await lines.next()).value as string;
    },
    stop: () => child.kill(),
  };
}

it("makes another process's write wait for a transaction that read, instead of failing the transaction", async () => {
  const other = otherProcess(t.url.replace(/^file:/, ""));
  try {
    let meanwhile = "";
    // Check-then-insert, as a console bootstrapping while another one does.
    await t.db.$transaction(async (tx) => {
      const n = await tx.tag.count({ where: { resourceArn: "arn:other" } });
      meanwhile = await other.write("while-open");
      await tx.tag.create({ data: { id: "after-read", resourceArn: "arn:mine", key: "k", value: String(n) } });
    });
    // The transaction held the write lock from its start: the other process was told to wait (it
    // retries), rather than committing under the transaction's snapshot and failing its write
    // with SQLITE_BUSY_SNAPSHOT.
    expect(meanwhile).toBe("SQLITE_BUSY");
    expect(await other.write("after")).toBe("committed");
    expect(await t.db.tag.count({ where: { resourceArn: { in: ["arn:other", "arn:mine"] } } })).toBe(2);
  } finally {
    other.stop();
  }
});

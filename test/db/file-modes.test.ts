// The data directory and the SQLite files (database, WAL, SHM) are the owner's only, also when
// they already existed with wider modes (issue 12).
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";

const mode = (p: string) => (statSync(p).mode & 0o777).toString(8);

describe("SQLite file modes", () => {
  const saved = process.env.IM_DATA_DIR;
  let root: string;
  afterEach(() => {
    process.env.IM_DATA_DIR = saved;
    rmSync(root, { recursive: true, force: true });
  });

  it("a new data directory is 0700 and the database, WAL and SHM files 0600", async () => {
    root = mkdtempSync(path.join(tmpdir(), "im-modes-"));
    const dir = path.join(root, "data");
    process.env.IM_DATA_DIR = dir;
    const file = path.join(dir, "incident-manager.db");
    await migrate(`file:${file}`);
    const db = createDb(`file:${file}`);
    await db.user.count();
    expect(mode(dir)).toBe("700");
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f)]).toEqual([f, "600"]);
    await db.$disconnect();
  });

  it("an existing 0755 data directory and 0644 files are narrowed", async () => {
    root = mkdtempSync(path.join(tmpdir(), "im-modes-"));
    const dir = path.join(root, "data");
    process.env.IM_DATA_DIR = dir;
    const file = path.join(dir, "incident-manager.db");
    await migrate(`file:${file}`);
    chmodSync(dir, 0o755);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) {
      writeFileSync(f, "", { flag: "a" });
      chmodSync(f, 0o644);
    }
    const db = createDb(`file:${file}`);
    await db.user.count();
    expect(mode(dir)).toBe("700");
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect([f, mode(f)]).toEqual([f, "600"]);
    await db.$disconnect();
  });

  it("a database in a directory the console didn't make, outside the data directory, leaves that directory's mode alone", async () => {
    root = mkdtempSync(path.join(tmpdir(), "im-modes-"));
    chmodSync(root, 0o755);
    process.env.IM_DATA_DIR = path.join(root, "elsewhere");
    const file = path.join(root, "custom.db");
    await migrate(`file:${file}`);
    expect(mode(root)).toBe("755");
    expect(mode(file)).toBe("600");
  });
});

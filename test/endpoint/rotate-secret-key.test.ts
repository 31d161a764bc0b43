// `npm run secrets:rotate` as an operator runs it (the bundle `npm run build` makes), on a stopped
// console's SQLite database: with the data directory's key file, and with IM_SECRET_KEY.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { openSigningKey, sealSigningKey } from "@/lib/api-keys/secrets";
import { keyFile, writeKeyFile } from "@/lib/secrets/server-key";
import { startConsoleServer } from "../support/console-server";
import { createTestDatabase, createTestDatabaseUrl, PROVIDERS, type TestDatabase } from "../support/databases";
import { createTestKey } from "../support/api-keys";

const root = path.resolve(__dirname, "../..");

function rotate(env: Record<string, string>) {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("IM_SECRET_KEY"))) as NodeJS.ProcessEnv;
  return spawnSync(process.execPath, [path.join(root, "scripts/rotate-secret-key.mjs")], { cwd: root, env: { ...base, ...env }, encoding: "utf8", timeout: 60_000 });
}

describe("npm run secrets:rotate", () => {
  let t: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    t = await createTestDatabase("sqlite");
    dir = mkdtempSync(path.join(tmpdir(), "im-rotate-"));
  });
  afterAll(async () => {
    await t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("makes a new key file, seals every API key under it, and drops the old key", async () => {
    const old = randomBytes(32);
    writeKeyFile(keyFile(dir), [old.toString("base64")], false);
    const key = await createTestKey(t.db, { name: "rotated", role: "viewer" });
    const hash = Buffer.from(openSigningKey((await t.db.apiKey.findUniqueOrThrow({ where: { accessKeyId: key.accessKeyId } })).signingKeyHash, key.accessKeyId)!);
    // As the console with the old file key stored it.
    await t.db.apiKey.update({ where: { accessKeyId: key.accessKeyId }, data: { signingKeyHash: sealSigningKey(hash.toString("hex"), key.accessKeyId, { current: old, previous: [] }) } });

    const run = rotate({ DATABASE_URL: t.url, IM_DATA_DIR: dir });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toMatch(/sealed \d+ API keys? under the new key/);
    const lines = readFileSync(keyFile(dir), "utf8").trim().split("\n");
    expect(lines).toHaveLength(1);
    const next = Buffer.from(lines[0], "base64");
    expect(next.equals(old)).toBe(false);
    const stored = (await t.db.apiKey.findUniqueOrThrow({ where: { accessKeyId: key.accessKeyId } })).signingKeyHash;
    expect(Buffer.from(openSigningKey(stored, key.accessKeyId, { current: next, previous: [] })!).equals(hash)).toBe(true);
    expect(openSigningKey(stored, key.accessKeyId, { current: old, previous: [] })).toBeNull();
  });

  it("with IM_SECRET_KEY: seals under it what IM_SECRET_KEY_PREVIOUS opens, and says what it couldn't", async () => {
    const fileKey = Buffer.from(readFileSync(keyFile(dir), "utf8").trim(), "base64");
    const next = randomBytes(32);
    const without = rotate({ DATABASE_URL: t.url, IM_DATA_DIR: dir, IM_SECRET_KEY: next.toString("base64") });
    expect(without.status).toBe(1);
    expect(without.stderr).toMatch(/could not be opened/);
    const run = rotate({ DATABASE_URL: t.url, IM_DATA_DIR: dir, IM_SECRET_KEY: next.toString("base64"), IM_SECRET_KEY_PREVIOUS: fileKey.toString("base64") });
    expect(run.status, run.stderr + run.stdout).toBe(0);
    for (const row of await t.db.apiKey.findMany()) expect(openSigningKey(row.signingKeyHash, row.accessKeyId, { current: next, previous: [] })).not.toBeNull();
  });
});

describe.skipIf(!PROVIDERS.includes("postgresql"))("a console on PostgreSQL without IM_SECRET_KEY", () => {
  it("refuses to start, saying why (every instance must share the key)", async () => {
    const database = await createTestDatabaseUrl("postgresql");
    try {
      await expect(startConsoleServer({ databaseUrl: database.url, env: { IM_SECRET_KEY: "" } })).rejects.toThrow(/exited with 1[\s\S]*IM_SECRET_KEY is required with PostgreSQL/);
    } finally {
      await database.drop();
    }
  });
});

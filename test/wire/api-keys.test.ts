// API keys at rest: the secret is returned once and never stored; revocation and last use.
import { createHash, randomBytes } from "node:crypto";
import { sealApiKeys } from "@/lib/api-keys/seal-keys";
import { openSigningKey } from "@/lib/api-keys/secrets";
import { serverKeys } from "@/lib/secrets/server-key";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, dbKeyStore, listApiKeys, revokeApiKey, touchLastUsed } from "@/lib/api-keys";
import { bootstrapKey, KEY_CACHE_MS } from "@/lib/api-keys/key-store";
import { PROVIDERS, createTestDatabase, type TestDatabase } from "../support/databases";
import { createTestKey } from "../support/api-keys";

describe.each(PROVIDERS)("API keys on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => t.cleanup());

  it("issues an AWS-shaped key pair and stores only SHA-256(AWS4 + secret), sealed with the server key", async () => {
    const key = await createTestKey(t.db, { name: "ci", role: "responder" });
    expect(key.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(key.secretAccessKey).toMatch(/^[A-Za-z0-9/+]{64}$/);
    const row = await t.db.apiKey.findUnique({ where: { accessKeyId: key.accessKeyId } });
    const hash = createHash("sha256").update(`AWS4${key.secretAccessKey}`).digest("hex");
    // Neither the secret nor the hash (as good as the secret for signing) is readable in the row.
    expect(row?.signingKeyHash).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(key.secretAccessKey);
    expect(JSON.stringify(row)).not.toContain(hash);
    expect(Buffer.from(openSigningKey(row!.signingKeyHash, key.accessKeyId)!).toString("hex")).toBe(hash);
    // Bound to its own key id: copied onto another key's row, it opens nothing.
    expect(openSigningKey(row!.signingKeyHash, "AKIAOTHEROTHEROTHER0")).toBeNull();
    const listed = await listApiKeys(t.db);
    const mine = listed.find((k) => k.accessKeyId === key.accessKeyId)!;
    expect(mine).toMatchObject({ name: "ci", role: "responder", revokedAt: null, lastUsedAt: null });
    expect(mine).not.toHaveProperty("signingKeyHash");
    expect(mine).not.toHaveProperty("secretAccessKey");
    const second = await createTestKey(t.db, { name: "ci", role: "viewer" });
    expect(second.accessKeyId).not.toBe(key.accessKeyId);
    expect(second.secretAccessKey).not.toBe(key.secretAccessKey);
  });

  it("a key stored before sealing keeps working, and start-up seals it; a rotation seals every key again", async () => {
    const created = await createTestKey(t.db, { name: "legacy", role: "viewer" });
    const hash = createHash("sha256").update(`AWS4${created.secretAccessKey}`).digest("hex");
    // As an older console stored it: the bare hash.
    await t.db.apiKey.update({ where: { accessKeyId: created.accessKeyId }, data: { signingKeyHash: hash } });
    const store = () => dbKeyStore(t.db, { cacheMs: 0 });
    expect((await store().find(created.accessKeyId))?.signing).toEqual({ kind: "hashed", signingKeyHash: Uint8Array.from(Buffer.from(hash, "hex")) });
    const first = await sealApiKeys(t.db);
    expect(first.sealed).toBeGreaterThanOrEqual(1);
    expect(first.unreadable).toEqual([]);
    const sealedRow = await t.db.apiKey.findUniqueOrThrow({ where: { accessKeyId: created.accessKeyId } });
    expect(sealedRow.signingKeyHash).toMatch(/^v1\./);
    expect((await sealApiKeys(t.db)).sealed).toBe(0);

    // Rotation: a new current key, the old one kept as previous: every row is sealed again.
    const old = serverKeys();
    const next = { current: randomBytes(32), previous: [old.current] };
    const rotated = await sealApiKeys(t.db, next);
    expect(rotated.sealed).toBe(await t.db.apiKey.count());
    const row = await t.db.apiKey.findUniqueOrThrow({ where: { accessKeyId: created.accessKeyId } });
    expect(Buffer.from(openSigningKey(row.signingKeyHash, created.accessKeyId, { current: next.current, previous: [] })!).toString("hex")).toBe(hash);
    // The old key alone opens nothing any more: a stolen old key is worthless.
    expect(openSigningKey(row.signingKeyHash, created.accessKeyId, { current: old.current, previous: [] })).toBeNull();
    // Back under the process's key, for the other tests.
    await sealApiKeys(t.db, { current: old.current, previous: [next.current] });
  });

  it("a key acts as the user it belongs to: under their name, never above their role, and not once they are deactivated", async () => {
    const key = await createTestKey(t.db, { name: "jane@example.com", role: "admin" });
    const owner = await t.db.user.findUniqueOrThrow({ where: { email: key.ownerEmail } });
    const store = () => dbKeyStore(t.db, { cacheMs: 0 });
    // The key's free-text name (here someone else's e-mail) is never who it acts as.
    expect(await store().find(key.accessKeyId)).toMatchObject({ name: key.ownerEmail, role: "admin", disabled: undefined });
    await t.db.user.update({ where: { id: owner.id }, data: { role: "viewer" } });
    expect((await store().find(key.accessKeyId))?.role).toBe("viewer");
    await t.db.user.update({ where: { id: owner.id }, data: { active: false } });
    expect((await store().find(key.accessKeyId))?.disabled).toBe(`belongs to ${key.ownerEmail}, who is deactivated`);
    await t.db.user.update({ where: { id: owner.id }, data: { active: true, role: "admin" } });
    expect((await store().find(key.accessKeyId))?.disabled).toBeUndefined();
    // A key whose user is gone does nothing.
    await t.db.apiKey.update({ where: { accessKeyId: key.accessKeyId }, data: { userId: null } });
    expect((await store().find(key.accessKeyId))?.disabled).toBe("belongs to no console user");
    // And one can't be made without a user.
    await expect(createApiKey(t.db, { name: "nobody's", role: "viewer", userId: "" })).rejects.toMatchObject({ code: "ResourceNotFoundException" });
  });

  it("the bootstrap key acts as the first admin when IM_ADMIN_EMAIL names one", async () => {
    const bootstrap = bootstrapKey({ apiAccessKeyId: "AKIABOOTSTRAPKEY0000", apiSecretAccessKey: "s", adminEmail: " Admin@Example.com " })!;
    expect((await dbKeyStore(t.db, { bootstrap }).find(bootstrap.accessKeyId))?.name).toBe("admin@example.com");
    const anonymous = bootstrapKey({ apiAccessKeyId: "AKIABOOTSTRAPKEY0000", apiSecretAccessKey: "s" })!;
    expect((await dbKeyStore(t.db, { bootstrap: anonymous }).find(anonymous.accessKeyId))?.name).toBe("bootstrap");
  });

  it("rejects bad names, roles and users", async () => {
    await expect(createTestKey(t.db, { name: " ", role: "admin" })).rejects.toMatchObject({ code: "ValidationException" });
    await expect(createTestKey(t.db, { name: "x".repeat(65), role: "admin" })).rejects.toMatchObject({ code: "ValidationException" });
    // @ts-expect-error: a role from untyped input
    await expect(createTestKey(t.db, { name: "x", role: "root" })).rejects.toMatchObject({ code: "ValidationException" });
    await expect(createApiKey(t.db, { name: "x", role: "admin", userId: "nobody" })).rejects.toMatchObject({ code: "ResourceNotFoundException" });
  });

  it("revokes once, and the key store reports it", async () => {
    const key = await createTestKey(t.db, { name: "temp", role: "viewer" });
    const first = await revokeApiKey(t.db, key.accessKeyId, { now: new Date("2026-01-01T00:00:00Z") });
    expect(first.revokedAt).toEqual(new Date("2026-01-01T00:00:00Z"));
    const again = await revokeApiKey(t.db, key.accessKeyId);
    expect(again.revokedAt).toEqual(first.revokedAt);
    expect((await dbKeyStore(t.db).find(key.accessKeyId))?.revoked).toBe(true);
    expect((await listApiKeys(t.db, { includeRevoked: false })).map((k) => k.accessKeyId)).not.toContain(key.accessKeyId);
    await expect(revokeApiKey(t.db, "AKIANOSUCHKEY0000000")).rejects.toMatchObject({ code: "ResourceNotFoundException" });
  });

  it("touches lastUsedAt at most once a minute", async () => {
    const key = await createTestKey(t.db, { name: "busy", role: "viewer" });
    const t0 = new Date("2026-02-01T00:00:00Z");
    await touchLastUsed(t.db, key.accessKeyId, t0);
    await touchLastUsed(t.db, key.accessKeyId, new Date(t0.getTime() + 30_000));
    const lastUsed = async () => (await t.db.apiKey.findUnique({ where: { accessKeyId: key.accessKeyId } }))?.lastUsedAt;
    expect(await lastUsed()).toEqual(t0);
    await touchLastUsed(t.db, key.accessKeyId, new Date(t0.getTime() + 61_000));
    expect(await lastUsed()).toEqual(new Date(t0.getTime() + 61_000));
  });

  it("serves the bootstrap key from memory as an admin", async () => {
    const store = dbKeyStore(t.db, { bootstrap: { accessKeyId: "BOOT", secretAccessKey: "s" } });
    expect(await store.find("BOOT")).toMatchObject({ name: "bootstrap", role: "admin", signing: { kind: "secret", secretAccessKey: "s" }, revoked: false });
    expect(await store.find("NOPE")).toBeNull();
    expect(await t.db.apiKey.count({ where: { accessKeyId: "BOOT" } })).toBe(0);
  });
  it("trusts a looked-up key for KEY_CACHE_MS, and forgets it at once when this process revokes it", async () => {
    let now = 1_000_000;
    const store = dbKeyStore(t.db, { now: () => now });
    const key = await createTestKey(t.db, { name: "cache", role: "viewer" });
    expect((await store.find(key.accessKeyId))?.revoked).toBe(false);

    // Revoked behind the store's back (another console instance): still trusted until the entry expires.
    await t.db.apiKey.update({ where: { accessKeyId: key.accessKeyId }, data: { revokedAt: new Date() } });
    now += KEY_CACHE_MS - 1;
    expect((await store.find(key.accessKeyId))?.revoked).toBe(false);
    now += 2;
    expect((await store.find(key.accessKeyId))?.revoked).toBe(true);

    // Revoked through revokeApiKey in this process: every store of the process forgets it now.
    const other = await createTestKey(t.db, { name: "cache-2", role: "viewer" });
    expect((await store.find(other.accessKeyId))?.revoked).toBe(false);
    await revokeApiKey(t.db, other.accessKeyId);
    expect((await store.find(other.accessKeyId))?.revoked).toBe(true);
  });

  it("does not remember unknown keys, so a new key works at once", async () => {
    const store = dbKeyStore(t.db);
    expect(await store.find("AKIANOTYETCREATED000")).toBeNull();
    const key = await createTestKey(t.db, { name: "fresh", role: "viewer" });
    expect(await store.find(key.accessKeyId)).toMatchObject({ name: key.ownerEmail, role: "viewer", revoked: false });
  });
});

// The server key: where it comes from, sealing bound to a context, rotation, keyed hashes.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config";
import { keyedHash, loadServerKeys, seal, sealedWithCurrent, unseal } from "./server-key";

const keys = () => ({ current: randomBytes(32), previous: [] as Buffer[] });

describe("sealing", () => {
  it("opens what it sealed, only for the same context and only unchanged", () => {
    const k = keys();
    const sealed = seal(Buffer.from("signing key hash"), "api-key:AKIA1", k);
    expect(sealed).toMatch(/^v1\.[0-9a-f]{8}\./);
    expect(unseal(sealed, "api-key:AKIA1", k)?.toString()).toBe("signing key hash");
    expect(unseal(sealed, "api-key:AKIA2", k)).toBeNull();
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(unseal(parts.join("."), "api-key:AKIA1", k)).toBeNull();
    expect(unseal(sealed, "api-key:AKIA1", keys())).toBeNull();
    expect(unseal("not sealed", "x", k)).toBeNull();
    // Twice the same plaintext: two different sealed values (a fresh IV each time).
    expect(seal(Buffer.from("x"), "c", k)).not.toBe(seal(Buffer.from("x"), "c", k));
  });

  it("a previous key still opens what it sealed; the current one seals", () => {
    const old = keys();
    const sealed = seal(Buffer.from("x"), "c", old);
    const rotated = { current: randomBytes(32), previous: [old.current] };
    expect(unseal(sealed, "c", rotated)?.toString()).toBe("x");
    expect(sealedWithCurrent(sealed, rotated)).toBe(false);
    expect(sealedWithCurrent(seal(Buffer.from("x"), "c", rotated), rotated)).toBe(true);
  });

  it("keyed hashes depend on the key and the purpose", () => {
    const a = keys();
    expect(keyedHash("activation-code", "ch:123456", a)).toBe(keyedHash("activation-code", "ch:123456", a));
    expect(keyedHash("activation-code", "ch:123456", a)).not.toBe(keyedHash("activation-code", "ch:123456", keys()));
    expect(keyedHash("activation-code", "ch:123456", a)).not.toBe(keyedHash("other", "ch:123456", a));
  });
});

describe("where the key comes from", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("IM_SECRET_KEY (base64 or hex, 32 bytes) and IM_SECRET_KEY_PREVIOUS", () => {
    const k = randomBytes(32);
    const old = randomBytes(32);
    const loaded = loadServerKeys({ IM_SECRET_KEY: k.toString("base64"), IM_SECRET_KEY_PREVIOUS: old.toString("hex") }, true);
    expect(loaded.current.equals(k)).toBe(true);
    expect(loaded.previous.map((p) => p.toString("hex"))).toEqual([old.toString("hex")]);
    expect(() => loadServerKeys({ IM_SECRET_KEY: "too-short" }, false)).toThrow(ConfigError);
  });

  it("is required with PostgreSQL, where every instance must share it", () => {
    expect(() => loadServerKeys({}, true)).toThrow(/IM_SECRET_KEY is required with PostgreSQL/);
  });

  it("otherwise a 0600 file in the data directory, made once and read again", () => {
    dir = mkdtempSync(path.join(tmpdir(), "im-key-"));
    const env = { IM_DATA_DIR: path.join(dir, "data") };
    const first = loadServerKeys(env, false);
    const file = path.join(dir, "data", "secret-key");
    expect((statSync(file).mode & 0o777).toString(8)).toBe("600");
    expect(loadServerKeys(env, false).current.equals(first.current)).toBe(true);
    expect(readFileSync(file, "utf8").trim()).toBe(first.current.toString("base64"));
  });
});

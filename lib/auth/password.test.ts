// Password hashes: OWASP's scrypt cost for new ones, older ones still verify and are rehashed at
// the next successful sign-in, and a stored hash can't make the server spend unbounded memory.
import { afterEach, describe, expect, it, vi } from "vitest";
import { hashPassword, needsRehash, verifyPassword } from "./password";

const users = new Map<string, { id: string; email: string; name: string; role: string; active: boolean; passwordHash: string }>();
vi.mock("@/lib/db/client", () => ({
  db: () => ({
    // No throttling in this test (lib/auth/throttle.test.ts has it).
    signInThrottle: { findUnique: async () => null, create: async () => ({}), deleteMany: async () => ({ count: 0 }) },
    user: {
      findUnique: async ({ where }: { where: { email: string } }) => users.get(where.email) ?? null,
      update: async ({ where, data }: { where: { id: string }; data: { passwordHash?: string } }) => {
        for (const u of users.values()) if (u.id === where.id && data.passwordHash) u.passwordHash = data.passwordHash;
        return { id: where.id };
      },
    },
  }),
}));

describe("password hashes", () => {
  const saved = process.env.IM_PASSWORD_SCRYPT_LOG2N;
  afterEach(() => {
    process.env.IM_PASSWORD_SCRYPT_LOG2N = saved;
  });

  it("new hashes take OWASP's cost: N=2^17, r=8, p=1", async () => {
    delete process.env.IM_PASSWORD_SCRYPT_LOG2N;
    const stored = await hashPassword("correct horse");
    expect(stored.split("$").slice(0, 4)).toEqual(["scrypt", "131072", "8", "1"]);
    expect(await verifyPassword("correct horse", stored)).toBe(true);
    expect(await verifyPassword("wrong horse", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it("an older, cheaper hash still verifies and is marked for rehashing", async () => {
    const old = await hashPassword("pw", { N: 16384, r: 8, p: 1 });
    expect(await verifyPassword("pw", old)).toBe(true);
    delete process.env.IM_PASSWORD_SCRYPT_LOG2N;
    expect(needsRehash(old)).toBe(true);
  });

  it("a stored hash asking for absurd memory is refused, not computed", async () => {
    const huge = ["scrypt", 2 ** 30, 8, 1, "c2FsdA==", "aGFzaA=="].join("$");
    expect(await verifyPassword("pw", huge)).toBe(false);
    expect(await verifyPassword("pw", "plain-text")).toBe(false);
  });

  it("a successful sign-in replaces a cheaper hash with one at the current cost", async () => {
    process.env.IM_PASSWORD_SCRYPT_LOG2N = "12";
    users.set("ana@example.com", { id: "u1", email: "ana@example.com", name: "Ana", role: "responder", active: true, passwordHash: await hashPassword("pw", { N: 1024, r: 8, p: 1 }) });
    const { authorizeCredentials } = await import("./options");
    expect(await authorizeCredentials("ana@example.com", "wrong")).toBeNull();
    expect(users.get("ana@example.com")!.passwordHash.split("$")[1]).toBe("1024");
    expect(await authorizeCredentials("ana@example.com", "pw")).toMatchObject({ id: "u1" });
    const rehashed = users.get("ana@example.com")!.passwordHash;
    expect(rehashed.split("$")[1]).toBe("4096");
    expect(await verifyPassword("pw", rehashed)).toBe(true);
  });
});

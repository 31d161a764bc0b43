// Sign-in throttling on each database: free tries, then a doubling wait (never a lock), shared
// through the table; concurrent guesses can't outrun the count; the client address is ours to say.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimAttempt, clientAddress, delaySeconds, FREE_FAILURES, MAX_DELAY_SECONDS, throttleKey } from "./throttle";
import { createTestDatabase, PROVIDERS, type TestDatabase } from "../../test/support/databases";

describe("the wait", () => {
  it("is free for a few failures, then doubles up to a minute", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20].map(delaySeconds)).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, MAX_DELAY_SECONDS, MAX_DELAY_SECONDS]);
    expect(FREE_FAILURES).toBe(3);
  });

  it("keys on the e-mail (any case) and the client, hashed", () => {
    expect(throttleKey("Ana@Example.com ", "10.0.0.1")).toBe(throttleKey("ana@example.com", "10.0.0.1"));
    expect(throttleKey("ana@example.com", "10.0.0.1")).not.toBe(throttleKey("ana@example.com", "10.0.0.2"));
    expect(throttleKey("ana@example.com", "10.0.0.1")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("takes the client address from our server, or from a trusted proxy's last X-Forwarded-For entry", () => {
    const headers = { "x-forwarded-for": "6.6.6.6, 203.0.113.9", "x-im-remote-address": "10.0.0.5" };
    expect(clientAddress(headers, false)).toBe("10.0.0.5");
    expect(clientAddress(headers, true)).toBe("203.0.113.9");
    expect(clientAddress({}, false)).toBe("unknown");
  });
});

describe.each(PROVIDERS)("sign-in throttling on %s", (provider) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(provider);
  });
  afterAll(async () => t.cleanup());

  const at = (ms: number) => new Date(Date.UTC(2026, 11, 7, 3, 0, 0) + ms);

  it("twenty wrong passwords in a row make the next attempt wait, and a success resets the count", async () => {
    const key = throttleKey("admin@example.com", "198.51.100.7");
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < 20; i++) {
      let a = await claimAttempt(t.db, key, at(now));
      if (!a.allowed) {
        waits.push(a.retryAfterSeconds);
        now += a.retryAfterSeconds * 1000;
        a = await claimAttempt(t.db, key, at(now));
      }
      expect(a.allowed).toBe(true);
    }
    // Refused at once after the 4th failure on, each wait doubling to the cap.
    expect(waits.slice(0, 7)).toEqual([1, 2, 4, 8, 16, 32, 60]);
    const right = await claimAttempt(t.db, key, at(now));
    expect(right).toEqual({ allowed: false, retryAfterSeconds: 60 });
    // Never a lock: after the wait, the right password gets its try, and the slate is clean.
    const later = await claimAttempt(t.db, key, at(now + 60_000));
    expect(later.allowed).toBe(true);
    if (later.allowed) await later.succeeded();
    expect(await t.db.signInThrottle.count({ where: { key } })).toBe(0);
  });

  it("another client address, or the same one an hour later, starts afresh", async () => {
    const attacker = throttleKey("oncall@example.com", "203.0.113.66");
    for (let i = 0; i <= FREE_FAILURES; i++) expect((await claimAttempt(t.db, attacker, at(0))).allowed).toBe(true);
    expect((await claimAttempt(t.db, attacker, at(0))).allowed).toBe(false);
    // The on-call admin, from their own address, is not kept out.
    expect((await claimAttempt(t.db, throttleKey("oncall@example.com", "192.0.2.10"), at(0))).allowed).toBe(true);
    const next = await claimAttempt(t.db, attacker, at(2 * 60 * 60_000));
    expect(next.allowed).toBe(true);
    expect((await t.db.signInThrottle.findUniqueOrThrow({ where: { key: attacker } })).failures).toBe(1);
  });

  it("thirty concurrent guesses: only the free tries and the first that waits get through", async () => {
    const key = throttleKey("burst@example.com", "203.0.113.77");
    const results = await Promise.all(Array.from({ length: 30 }, () => claimAttempt(t.db, key, at(0))));
    const allowed = results.filter((r) => r.allowed).length;
    expect(allowed).toBeGreaterThanOrEqual(1);
    expect(allowed).toBeLessThanOrEqual(FREE_FAILURES + 1);
    expect((await t.db.signInThrottle.findUniqueOrThrow({ where: { key } })).failures).toBe(allowed);
  });
});

import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("the intake's token bucket", () => {
  it("allows the burst at once, then the rate, and says how long to wait", () => {
    const limiter = createRateLimiter();
    const limit = { ratePerSecond: 1, rateBurst: 2 };
    expect(limiter.take("a", limit, 0)).toEqual({ allowed: true });
    expect(limiter.take("a", limit, 0)).toEqual({ allowed: true });
    expect(limiter.take("a", limit, 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take("a", limit, 500)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(limiter.take("a", limit, 1000)).toEqual({ allowed: true });
    // Another integration has its own bucket.
    expect(limiter.take("b", limit, 1000)).toEqual({ allowed: true });
  });

  it("refills up to the burst only, and rounds Retry-After up to whole seconds", () => {
    const limiter = createRateLimiter();
    const limit = { ratePerSecond: 0.25, rateBurst: 3 };
    for (let i = 0; i < 3; i++) expect(limiter.take("a", limit, 0).allowed).toBe(true);
    expect(limiter.take("a", limit, 0)).toEqual({ allowed: false, retryAfterSeconds: 4 });
    // An hour idle refills three tokens, not 900.
    for (let i = 0; i < 3; i++) expect(limiter.take("a", limit, 3_600_000).allowed).toBe(true);
    expect(limiter.take("a", limit, 3_600_000).allowed).toBe(false);
  });

  it("never refills from a clock that steps back, and caps the wait of a zero rate", () => {
    const limiter = createRateLimiter();
    expect(limiter.take("a", { ratePerSecond: 1, rateBurst: 1 }, 10_000).allowed).toBe(true);
    expect(limiter.take("a", { ratePerSecond: 1, rateBurst: 1 }, 5_000).allowed).toBe(false);
    expect(limiter.take("z", { ratePerSecond: 0, rateBurst: 0 }, 0)).toEqual({ allowed: false, retryAfterSeconds: 3600 });
  });
});

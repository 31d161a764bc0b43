// The intake's per-integration rate limit: a token bucket per integration, in this process's
// memory, refilled at the integration's ratePerSecond up to its rateBurst (AlertIntegration's
// columns; 600/s and 1,200 by default). A sender past it is answered 429 with Retry-After, so a
// flapping alert rule cannot flood the database; the limit is per console instance (two instances
// behind a load balancer each allow the rate). Only authenticated requests take a token, so a
// stranger cannot spend an integration's budget.
import "server-only";

export type RateLimit = { ratePerSecond: number; rateBurst: number };

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Bucket = { tokens: number; at: number };

/** Buckets kept before they are all dropped (one per integration that sent since). */
const MAX_BUCKETS = 10_000;
/** Retry-After is a whole number of seconds, at least 1 (RFC 9110 §10.2.3), and never absurd. */
const MAX_RETRY_AFTER_SECONDS = 3_600;

export type RateLimiter = {
  /** Takes one token from `key`'s bucket (created full), or says how long until one is there. */
  take(key: string, limit: RateLimit, nowMs?: number): RateDecision;
  /** Forgets a bucket (its integration was deleted or its limits changed). */
  reset(key: string): void;
};

export function createRateLimiter(clock: () => number = Date.now): RateLimiter {
  const buckets = new Map<string, Bucket>();

  return {
    take(key, limit, nowMs = clock()) {
      const rate = Math.max(0, limit.ratePerSecond);
      const burst = Math.max(0, limit.rateBurst);
      let bucket = buckets.get(key);
      if (!bucket) {
        // Integrations are few; so many buckets means ids that no longer exist. Starting over
        // only gives each sender a full bucket once.
        if (buckets.size >= MAX_BUCKETS) buckets.clear();
        bucket = { tokens: burst, at: nowMs };
        buckets.set(key, bucket);
      } else {
        // A clock that steps back refills nothing (and takes nothing back).
        const elapsed = Math.max(0, nowMs - bucket.at) / 1000;
        bucket.tokens = Math.min(burst, bucket.tokens + elapsed * rate);
        bucket.at = Math.max(bucket.at, nowMs);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      const wait = rate > 0 ? Math.ceil((1 - bucket.tokens) / rate) : MAX_RETRY_AFTER_SECONDS;
      return { allowed: false, retryAfterSeconds: Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, wait)) };
    },
    reset(key) {
      buckets.delete(key);
    },
  };
}

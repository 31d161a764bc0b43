// The bounds of one /api/live stream (lib/live/stream): so many per user, a reader that stops
// reading dropped rather than buffered, and the session checked again while the stream lasts.
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig } from "@/lib/config";
import { memoryBus } from "@/lib/live/bus";
import type { LiveEvent } from "@/lib/live/events";
import { liveStream, streamSlots, type StreamEnd } from "@/lib/live/stream";

const event = (operation: string): LiveEvent => ({ service: "ssm-incidents", operation, arn: `arn:aws:ssm-incidents::000000000000:incident-record/p/${"x".repeat(60)}`, at: Date.now() });

describe("stream slots", () => {
  it("gives a user at most `max` streams, and a slot back once per release", () => {
    const slots = streamSlots(10);
    const releases = Array.from({ length: 10 }, () => slots.acquire("u1"));
    expect(releases.every(Boolean)).toBe(true);
    expect(slots.acquire("u1")).toBeUndefined();
    // Another user's streams are counted apart.
    expect(slots.acquire("u2")).toBeDefined();
    releases[0]!();
    releases[0]!();
    expect(slots.count("u1")).toBe(9);
    expect(slots.acquire("u1")).toBeDefined();
    expect(slots.acquire("u1")).toBeUndefined();
  });
});

/** A stream on a fresh bus, recording how it ended. */
function open(options: { recheck?: () => Promise<boolean>; recheckMs?: number; maxQueuedBytes?: number; signal?: AbortSignal } = {}) {
  const bus = memoryBus();
  let listeners = 0;
  let ended: StreamEnd | undefined;
  let onEnd: (why: StreamEnd) => void = () => {};
  const done = new Promise<StreamEnd>((resolve) => (onEnd = resolve));
  const stream = liveStream({
    subscribe(listener) {
      listeners++;
      const stop = bus.subscribe(listener);
      return () => {
        listeners--;
        stop();
      };
    },
    recheck: options.recheck ?? (async () => true),
    recheckMs: options.recheckMs ?? 60_000,
    maxQueuedBytes: options.maxQueuedBytes,
    signal: options.signal,
    onEnd(why) {
      ended = why;
      onEnd(why);
    },
  });
  return { bus, stream, done, listeners: () => listeners, ended: () => ended };
}

describe("liveStream", () => {
  it("carries the bus's events to a reader that reads", async () => {
    const s = open();
    const reader = s.stream.getReader();
    const text = async () => new TextDecoder().decode((await reader.read()).value);
    expect(await text()).toContain(": connected");
    s.bus.publish(event("StartIncident"));
    expect(await text()).toContain('"operation":"StartIncident"');
    await reader.cancel();
    expect(s.ended()).toBe("closed");
    expect(s.listeners()).toBe(0);
  });

  it("drops a reader that stopped reading once its queue passes the bound, instead of buffering every event", async () => {
    const s = open({ maxQueuedBytes: 64 * 1024 });
    // Nobody reads: every event stays queued until the bound is passed.
    for (let i = 0; i < 10_000 && !s.ended(); i++) s.bus.publish(event(`Update${i}`));
    expect(s.ended()).toBe("slow");
    expect(s.listeners()).toBe(0);
    // Dropped: what it held is discarded, and a late reader learns it failed.
    await expect(s.stream.getReader().read()).rejects.toThrow(/behind/);
  });

  it("keeps a reader that keeps up, however many events pass", async () => {
    const s = open({ maxQueuedBytes: 4 * 1024 });
    const reader = s.stream.getReader();
    for (let i = 0; i < 2_000; i++) {
      s.bus.publish(event(`Update${i}`));
      await reader.read();
    }
    expect(s.ended()).toBeUndefined();
    await reader.cancel();
  });

  it("ends the stream when the session check fails, or throws", async () => {
    let allowed = true;
    const s = open({ recheck: async () => allowed, recheckMs: 20 });
    const reader = s.stream.getReader();
    await reader.read();
    allowed = false;
    expect(await s.done).toBe("session");
    expect(s.listeners()).toBe(0);
    // Closed, not errored: the reader reads to its end.
    while (!(await reader.read()).done);

    const failing = open({ recheck: () => Promise.reject(new Error("database down")), recheckMs: 20 });
    expect(await failing.done).toBe("session");
  });

  it("ends the stream when the request is aborted", async () => {
    const abort = new AbortController();
    const s = open({ signal: abort.signal });
    abort.abort();
    expect(await s.done).toBe("closed");
    expect(s.listeners()).toBe(0);
  });
});

describe("IM_LIVE_RECHECK_MS", () => {
  it("is a minute unless set, and refuses what isn't a sensible number of milliseconds", () => {
    expect(readConfig({ NODE_ENV: "test" }).liveRecheckMs).toBe(60_000);
    expect(readConfig({ NODE_ENV: "test", IM_LIVE_RECHECK_MS: "300" }).liveRecheckMs).toBe(300);
    for (const bad of ["soon", "-1", "1.5", "0", "99999999"]) expect(() => readConfig({ NODE_ENV: "test", IM_LIVE_RECHECK_MS: bad })).toThrow(ConfigError);
  });
});

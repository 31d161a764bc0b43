import { describe, expect, it } from "vitest";
import { describeEngagementState, engagementState, isStillPaging, shortTime, type EngagementFacts } from "./state";

const START = "2026-12-07T19:30:00.000Z";
const at = (minutes: number) => Date.parse(START) + minutes * 60_000;
const iso = (minutes: number) => new Date(at(minutes)).toISOString();
const ALICE = "arn:aws:ssm-contacts:us-east-1:000000000000:contact/alice";
const BOB = "arn:aws:ssm-contacts:us-east-1:000000000000:contact/bob";
const CAROL = "arn:aws:ssm-contacts:us-east-1:000000000000:contact/carol";

/** An escalation plan of three 5-minute stages: Alice (essential), then Bob, then Carol; each target's own plan lasts 5 min. */
const plan = (over: Partial<EngagementFacts> = {}): EngagementFacts => ({
  startTime: START,
  escalation: true,
  stages: [
    { durationMinutes: 5, targets: [{ contactArn: ALICE, essential: true, planMinutes: 5 }] },
    { durationMinutes: 5, targets: [{ contactArn: BOB, essential: false, planMinutes: 5 }] },
    { durationMinutes: 5, targets: [{ contactArn: CAROL, essential: false, planMinutes: 5 }] },
  ],
  pages: [],
  ...over,
});

const words = (facts: EngagementFacts, minutes: number) => describeEngagementState(engagementState(facts, at(minutes)), at(minutes), "UTC");

describe("an engagement's state in words", () => {
  it("says which stage is paging and when the next one starts, rounding up to whole minutes", () => {
    const facts = plan({ pages: [{ contactArn: ALICE, contactName: "Alice" }] });
    expect(words(facts, 0)).toBe("Paging — stage 1 of 3, next stage in 5 min");
    expect(words(facts, 6)).toBe("Paging — stage 2 of 3, next stage in 4 min");
    expect(words(facts, 9.5)).toBe("Paging — stage 2 of 3, next stage in 1 min");
    expect(words(facts, 11)).toBe("Paging — stage 3 of 3");
    expect(isStillPaging(engagementState(facts, at(11)))).toBe(true);
  });

  it("keeps paging after the last stage while a target's own plan still runs", () => {
    const facts = plan();
    facts.stages[2].targets[0].planMinutes = 20; // Carol's plan runs 20 min from minute 10
    expect(words(facts, 16)).toBe("Paging — stage 3 of 3");
    expect(words(facts, 30)).toBe("Finished — nobody acknowledged");
  });

  it("says who acknowledged, by name, at what time — an essential target's acknowledgement ends the paging", () => {
    const facts = plan({ pages: [{ contactArn: ALICE, contactName: "Alice", readTime: iso(13) }] });
    expect(words(facts, 14)).toBe("Acknowledged by Alice at 19:43");
    expect(words(facts, 60)).toBe("Acknowledged by Alice at 19:43");
  });

  it("goes on paging after a non-essential acknowledgement, and names that person once the stages are over", () => {
    const facts = plan({ pages: [{ contactArn: BOB, contactName: "Bob", readTime: iso(6) }] });
    expect(words(facts, 7)).toBe("Paging — stage 2 of 3, next stage in 3 min");
    expect(words(facts, 16)).toBe("Acknowledged by Bob at 19:36");
  });

  it("treats a contact engaged directly as essential", () => {
    const facts: EngagementFacts = {
      startTime: START,
      escalation: false,
      stages: [{ durationMinutes: 10, targets: [] }, { durationMinutes: 10, targets: [] }],
      pages: [{ contactArn: ALICE, contactName: "Alice", readTime: iso(2) }],
    };
    expect(words(facts, 3)).toBe("Acknowledged by Alice at 19:32");
    expect(words({ ...facts, pages: [{ contactArn: ALICE, contactName: "Alice" }] }, 12)).toBe("Paging — stage 2 of 2");
  });

  it("says the stages ran out with nobody acknowledging", () => {
    expect(words(plan({ pages: [{ contactArn: ALICE, contactName: "Alice" }] }), 15)).toBe("Finished — nobody acknowledged");
    expect(isStillPaging(engagementState(plan(), at(15)))).toBe(false);
  });

  it("says who stopped it and why, or only why, or only that it stopped", () => {
    const stopped = plan({ stopTime: iso(3) });
    expect(words({ ...stopped, stoppedBy: "Bob", stopReason: "False alarm" }, 4)).toBe("Stopped by Bob: False alarm");
    expect(words({ ...stopped, stopReason: "Incident resolved" }, 4)).toBe("Stopped: Incident resolved");
    expect(words(stopped, 4)).toBe("Stopped");
    expect(isStillPaging(engagementState(stopped, at(4)))).toBe(false);
  });

  it("keeps an acknowledgement that came before the stop, and ignores one after it", () => {
    const acked = plan({ stopTime: iso(8), stopReason: "Incident resolved", pages: [{ contactArn: ALICE, contactName: "Alice", readTime: iso(2) }] });
    expect(words(acked, 9)).toBe("Acknowledged by Alice at 19:32");
    const late = plan({ stopTime: iso(8), stopReason: "Incident resolved", pages: [{ contactArn: ALICE, contactName: "Alice", readTime: iso(9) }] });
    expect(words(late, 10)).toBe("Stopped: Incident resolved");
  });

  it("counts an acknowledged engagement with pages still going as still paging", () => {
    const facts = plan({
      pages: [
        { contactArn: BOB, contactName: "Bob" },
        { contactArn: ALICE, contactName: "Alice", readTime: iso(6) },
      ],
    });
    const state = engagementState(facts, at(7));
    expect(state).toMatchObject({ kind: "acknowledged", by: "Alice", stillPaging: true });
    expect(isStillPaging(state)).toBe(true);
  });

  it("gives the day with the time when it isn't today", () => {
    expect(shortTime("2026-12-06T08:05:00Z", Date.parse("2026-12-07T10:00:00Z"), "UTC")).toBe("Dec 6, 08:05");
    expect(shortTime("2026-12-07T08:05:00Z", Date.parse("2026-12-07T10:00:00Z"), "UTC")).toBe("08:05");
  });
});

// What the engagement reads gather for engagementState: the engaged plan's stages with each
// target's own plan length, who was paged by name, StopEngagement's reason from the STOP
// receipts, and receipts with their channels by name (an ARN in an error replaced by the name).
import { describe, expect, it } from "vitest";
import type { ServiceContext } from "@/lib/console/core/safe-action";
import { notFound } from "@/lib/im/errors";
import { engagementFacts, lookups, withChannelNames } from "./facts";

const arn = (alias: string) => `arn:aws:ssm-contacts:us-east-1:000000000000:contact/${alias}`;
const CHANNEL = "arn:aws:ssm-contacts:us-east-1:000000000000:contact-channel/ana/c1";
const PLANS: Record<string, { DisplayName?: string; Type: string; Stages: { DurationInMinutes: number; Targets: object[] }[] }> = {
  [arn("oncall")]: {
    DisplayName: "Payments on-call",
    Type: "ESCALATION",
    Stages: [
      { DurationInMinutes: 5, Targets: [{ ContactTargetInfo: { ContactId: arn("ana"), IsEssential: true } }] },
      { DurationInMinutes: 10, Targets: [{ ContactTargetInfo: { ContactId: arn("gone"), IsEssential: false } }] },
    ],
  },
  [arn("ana")]: { DisplayName: "Ana", Type: "PERSONAL", Stages: [{ DurationInMinutes: 20, Targets: [{ ChannelTargetInfo: { ContactChannelId: CHANNEL } }] }] },
  [arn("ben")]: { DisplayName: "Ben", Type: "PERSONAL", Stages: [{ DurationInMinutes: 30, Targets: [{ ChannelTargetInfo: { ContactChannelId: CHANNEL } }] }] },
  [arn("payments-schedule")]: { DisplayName: "Payments schedule", Type: "ONCALL_SCHEDULE", Stages: [] },
  [arn("via-schedule")]: {
    Type: "ESCALATION",
    Stages: [{ DurationInMinutes: 5, Targets: [{ ContactTargetInfo: { ContactId: arn("payments-schedule"), IsEssential: true } }, { ContactTargetInfo: { ContactId: arn("ana"), IsEssential: false } }] }],
  },
};

let getContactCalls = 0;
const ctx = {
  im: {
    contacts: {
      getContact: async ({ ContactId }: { ContactId: string }) => {
        getContactCalls++;
        const c = PLANS[ContactId];
        if (!c) throw notFound("CONTACT", ContactId);
        return { DisplayName: c.DisplayName, Type: c.Type, Plan: { Stages: c.Stages } };
      },
      listContactChannels: async () => ({ ContactChannels: [{ ContactChannelArn: CHANNEL, Name: "work email" }] }),
    },
    incidents: {},
  },
} as unknown as ServiceContext;

describe("the facts an engagement's state is read from", () => {
  it("takes the plan's stages, each target's plan length, the paged contacts' names and the stop reason", async () => {
    getContactCalls = 0;
    const look = lookups(ctx);
    const facts = await engagementFacts(
      look,
      // Not stopped: who stopped one is the console database's (stops.ts, covered by e2e/engagement-state.spec.ts).
      { arn: "e-1", contactArn: arn("oncall"), startTime: "2026-12-07T19:30:00.000Z" },
      [
        { contactArn: arn("ana"), readTime: undefined, receipts: [{ type: "SENT", time: "2026-12-07T19:30:00.000Z" }, { type: "STOP", time: "2026-12-07T19:40:00.000Z", info: "False alarm" }] },
        { contactArn: arn("gone"), readTime: "2026-12-07T19:36:00.000Z", receipts: [] },
      ],
    );
    expect(facts).toMatchObject({
      escalation: true,
      stopReason: "False alarm",
      stages: [
        { durationMinutes: 5, targets: [{ contactArn: arn("ana"), essential: true, planMinutes: 20 }] },
        // A contact deleted since: no plan of its own, named by its alias.
        { durationMinutes: 10, targets: [{ contactArn: arn("gone"), essential: false, planMinutes: 0 }] },
      ],
      pages: [
        { contactArn: arn("ana"), contactName: "Ana" },
        { contactArn: arn("gone"), contactName: "gone", readTime: "2026-12-07T19:36:00.000Z" },
      ],
    });
    // Each contact is read once per request, however often it is asked for.
    expect(getContactCalls).toBe(3);
  });

  it("names a receipt's channel, and puts the name in place of its ARN in an error", async () => {
    const receipts = await withChannelNames(lookups(ctx), arn("ana"), [
      { type: "ERROR", time: "2026-12-07T19:30:00.000Z", channelArn: CHANNEL, info: `The contact channel ${CHANNEL} is not activated` },
    ]);
    expect(receipts).toEqual([
      { type: "ERROR", time: "2026-12-07T19:30:00.000Z", channelArn: CHANNEL, channelName: "work email", info: 'The contact channel "work email" is not activated' },
    ]);
  });

  it("puts whoever an on-call schedule paged in the schedule's place, with their own plans", async () => {
    const look = lookups(ctx);
    const viaEscalation = await engagementFacts(look, { arn: "e-2", contactArn: arn("via-schedule"), startTime: "2026-12-07T19:30:00.000Z" }, [
      { contactArn: arn("ana"), receipts: [] },
      { contactArn: arn("ben"), readTime: "2026-12-07T19:31:00.000Z", receipts: [] },
    ]);
    expect(viaEscalation.stages).toEqual([
      {
        durationMinutes: 5,
        targets: [
          { contactArn: arn("ben"), essential: true, planMinutes: 30 },
          { contactArn: arn("ana"), essential: false, planMinutes: 20 },
        ],
      },
    ]);
    const direct = await engagementFacts(look, { arn: "e-3", contactArn: arn("payments-schedule"), startTime: "2026-12-07T19:30:00.000Z" }, [{ contactArn: arn("ben"), receipts: [] }]);
    expect(direct).toMatchObject({ escalation: false, stages: [{ durationMinutes: 0, targets: [{ contactArn: arn("ben"), essential: true, planMinutes: 30 }] }] });
  });
});

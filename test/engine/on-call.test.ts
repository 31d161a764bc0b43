// Paging on-call schedules with a manual clock, on each database: a stage that targets a schedule
// pages whoever is on call when that stage starts (not when the engagement started), a hand-off
// between the two moves the page to the next person, and a schedule with nobody on call pages no
// one but says so — on the engagement and on the incident's timeline — while the stage's other
// targets are paged. Rotations are made through the API; T0 is 2026-03-01T03:00Z (fixtures).
import { describe, expect, it } from "vitest";
import { PROVIDERS } from "../support/databases";
import { engagementInput, engineSuite, MIN, seedEscalation, seedPersonal, T0 } from "./fixtures";

describe.each(PROVIDERS)("paging on-call schedules on %s", (provider) => {
  const suite = engineSuite(provider);
  const setup = suite.setup;
  const t = { get db() { return suite.db(); } };

  const person = (alias: string) => seedPersonal(t.db, alias, [{ type: "EMAIL", address: `${alias}@example.com` }], [{ minutes: 5, targets: [{ channel: 0 }] }]);

  /** A schedule of one UTC rotation over `members` whose hand-off is at hh:mm every day. */
  async function schedule(h: ReturnType<typeof setup>, members: string[], hour: number, minute: number, name: string) {
    const { RotationArn } = await h.contacts.createRotation({
      Name: `${name}-${provider}`,
      ContactIds: members,
      // The rotation began a day before T0, so at T0 the second member is on call.
      StartTime: new Date(T0.getTime() - 24 * 60 * MIN),
      TimeZoneId: "UTC",
      Recurrence: { DailySettings: [{ HourOfDay: hour, MinuteOfHour: minute }], NumberOfOnCalls: 1, RecurrenceMultiplier: 1 },
    });
    const { ContactArn } = await h.contacts.createContact({ Alias: `${name}-${provider}-schedule`, Type: "ONCALL_SCHEDULE", Plan: { RotationIds: [RotationArn!] } });
    return { rotation: RotationArn!, arn: ContactArn! };
  }

  const pagedContacts = async (h: ReturnType<typeof setup>, engagementArn: string) =>
    (await h.contacts.listPagesByEngagement({ EngagementId: engagementArn })).Pages!.map((p) => p.ContactArn).sort();

  it("pages, in a later stage, whoever took over at a hand-off after the engagement began", async () => {
    const h = setup();
    const [ann, ben, cat] = [await person("ann"), await person("ben"), await person("cat")];
    // Hand-offs at 03:10 UTC: Ben is on call at T0 (03:00), Cat from 03:10.
    const s = await schedule(h, [ann.arn, ben.arn, cat.arn], 3, 10, "handoff");
    const first = await person("first");
    const plan = await seedEscalation(t.db, "escalate", [
      { minutes: 5, targets: [{ contactArn: s.arn, essential: false }, { contactArn: first.arn, essential: false }] },
      { minutes: 5, targets: [{ contactArn: first.arn, essential: false }] },
      { minutes: 5, targets: [{ contactArn: s.arn, essential: true }] },
    ]);
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(plan.arn));
    // Stage 0 at T0: Ben (on call) and the other target.
    expect(await pagedContacts(h, EngagementArn!)).toEqual([ben.arn, first.arn].sort());
    await h.at(5 * 60);
    // Stage 2 starts at T0 + 10 min = 03:10, the hand-off: Cat is paged, not Ben again.
    await h.at(10 * 60);
    const pages = (await h.contacts.listPagesByEngagement({ EngagementId: EngagementArn })).Pages!;
    const catPage = pages.find((p) => p.ContactArn === cat.arn);
    expect(catPage).toBeDefined();
    expect(pages.filter((p) => p.ContactArn === ben.arn)).toHaveLength(1);
    expect((await h.contacts.listPageResolutions({ PageId: catPage!.PageArn })).PageResolutions).toEqual([
      { ContactArn: plan.arn, Type: "ESCALATION" },
      { ContactArn: s.arn, Type: "ONCALL_SCHEDULE", StageIndex: 2 },
      { ContactArn: cat.arn, Type: "PERSONAL", StageIndex: 2 },
    ]);
  });

  it("pages nobody from a schedule in a coverage gap, says so on the engagement and the incident's timeline, and pages the stage's other targets", async () => {
    const h = setup();
    const [ann, other] = [await person("gapann"), await person("gapother")];
    const { RotationArn } = await h.contacts.createRotation({
      Name: `weekdays-${provider}`,
      ContactIds: [ann.arn],
      StartTime: new Date("2026-02-01T00:00:00Z"),
      TimeZoneId: "UTC",
      // Covered on weekdays 09:00–17:00 only; T0 is a Sunday at 03:00.
      Recurrence: {
        DailySettings: [{ HourOfDay: 9, MinuteOfHour: 0 }],
        NumberOfOnCalls: 1,
        RecurrenceMultiplier: 1,
        ShiftCoverages: Object.fromEntries(["MON", "TUE", "WED", "THU", "FRI"].map((d) => [d, [{ Start: { HourOfDay: 9, MinuteOfHour: 0 }, End: { HourOfDay: 17, MinuteOfHour: 0 } }]])),
      },
    });
    const { ContactArn: scheduleArn } = await h.contacts.createContact({ Alias: `weekdays-${provider}-schedule`, Type: "ONCALL_SCHEDULE", Plan: { RotationIds: [RotationArn!] } });
    const plan = await seedEscalation(t.db, "gapplan", [{ minutes: 5, targets: [{ contactArn: scheduleArn!, essential: true }, { contactArn: other.arn, essential: false }] }]);

    const { incidentRecordArn } = await h.incidents.startIncident({ responsePlanArn: await responsePlan(h, plan.arn), title: "Nobody home" });
    const { engagements } = await engagementsOf(h, incidentRecordArn!);
    expect(engagements).toHaveLength(1);
    expect(await pagedContacts(h, engagements[0])).toEqual([other.arn]);
    const row = await t.db.engagement.findUnique({ where: { arn: engagements[0] }, select: { coverageGaps: true } });
    expect(JSON.parse(row!.coverageGaps!)).toEqual([{ time: T0.toISOString(), scheduleArn, stageIndex: 0 }]);
    const { eventSummaries } = await h.incidents.listTimelineEvents({ incidentRecordArn });
    const gap = eventSummaries!.find((e) => e.eventType === "SSM Contacts No One On Call for Incident");
    expect(gap).toBeDefined();
  });

  it("resolves who is on call from overrides in force at the moment, not from earlier ones", async () => {
    const h = setup();
    const [ann, ben, cover] = [await person("ovann"), await person("ovben"), await person("ovcover")];
    const s = await schedule(h, [ann.arn, ben.arn], 3, 10, "override");
    await h.contacts.createRotationOverride({ RotationId: s.rotation, NewContactIds: [cover.arn], StartTime: new Date(T0.getTime() - 60 * MIN), EndTime: new Date(T0.getTime() + MIN) });
    const { EngagementArn } = await h.contacts.startEngagement(engagementInput(s.arn));
    expect(await pagedContacts(h, EngagementArn!)).toEqual([cover.arn]);
    h.clock.set(new Date(T0.getTime() + 2 * MIN));
    const later = await h.contacts.startEngagement(engagementInput(s.arn));
    expect(await pagedContacts(h, later.EngagementArn!)).toEqual([ben.arn]);
  });

  it("pages whoever is on call when a response plan engages a schedule directly", async () => {
    const h = setup();
    const [ann, ben] = [await person("planann"), await person("planben")];
    const s = await schedule(h, [ann.arn, ben.arn], 3, 10, "direct");
    const { incidentRecordArn } = await h.incidents.startIncident({ responsePlanArn: await responsePlan(h, s.arn), title: "Direct" });
    const { engagements } = await engagementsOf(h, incidentRecordArn!);
    expect(engagements).toHaveLength(1);
    // Ben is on call at T0 (see the hand-off test).
    expect(await pagedContacts(h, engagements[0])).toEqual([ben.arn]);
  });

  async function responsePlan(h: ReturnType<typeof setup>, contactArn: string) {
    await h.incidents.createReplicationSet({ regions: { "us-east-1": {} } }).catch(() => undefined);
    const { arn } = await h.incidents.createResponsePlan({
      name: `oncall-plan-${provider}-${Date.now()}`,
      incidentTemplate: { title: "On-call", impact: 3 },
      engagements: [contactArn],
    });
    return arn!;
  }

  async function engagementsOf(h: ReturnType<typeof setup>, incidentArn: string) {
    const { Engagements } = await h.contacts.listEngagements({ IncidentId: incidentArn });
    return { engagements: Engagements!.map((e) => e.EngagementArn!) };
  }
});

// On-call rotations and schedules: CreateRotation, GetRotation, UpdateRotation, DeleteRotation,
// ListRotations, the override operations, ListRotationShifts, ListPreviewRotationShifts, on-call
// schedule contacts (Plan.RotationIds) and engaging them (ListPageResolutions). Shifts are pure
// arithmetic over fixed dates, so the suite checks exact times three ways; who is paged "now" is
// made certain with an override around the moment of the call. The recurrence rules themselves
// (DST, monthly, coverage...) are tested in lib/im/local/contacts/rotation-shifts.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import type * as C from "@aws-sdk/client-ssm-contacts";
import type { ContactsTarget } from "../contacts.contract";
import { expectError } from "../incidents.contract";
import { escalationPlan, message, pagedContact } from "./engagements";
import { expectFields, newPersonalContact, resourceOf, unique } from "./helpers";
import type { ContactsSuite } from "./types";

const ROTATION_ARN = /^arn:aws:ssm-contacts:[a-z0-9-]+:[0-9]{12}:rotation\/[\w.-]+$/;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const daily = (hour: number, minute = 0): C.RecurrenceSettings => ({
  DailySettings: [{ HourOfDay: hour, MinuteOfHour: minute }],
  NumberOfOnCalls: 1,
  RecurrenceMultiplier: 1,
});

async function people(t: ContactsTarget, n: number, tag = "member") {
  const out: { arn: string; alias: string }[] = [];
  for (let i = 0; i < n; i++) out.push(await newPersonalContact(t, `${tag}${i}`));
  return out;
}

async function newRotation(t: ContactsTarget, contactIds: string[], extra: Partial<C.CreateRotationCommandInput> = {}) {
  const Name = `rotation-${unique()}`;
  const { RotationArn } = await t.contacts.createRotation({
    Name,
    ContactIds: contactIds,
    StartTime: new Date("2026-03-01T14:00:00Z"),
    TimeZoneId: "America/New_York",
    Recurrence: daily(9),
    ...extra,
  });
  return { arn: RotationArn!, name: Name };
}

/** Who is on call in each shift, as [start ISO, end ISO, aliases...]. */
const summary = (shifts: C.RotationShift[], alias: (arn: string) => string) =>
  shifts.map((s) => [s.StartTime!.toISOString(), s.EndTime!.toISOString(), s.Type, ...(s.ContactIds ?? []).map(alias)]);

export const rotationsSuite: ContactsSuite = ({ target, ensure }) => {
  describe("on-call rotations", () => {
    beforeAll(async () => {
      await ensure();
    });

    it("creates, reads, lists, updates and deletes a rotation, with its ARN and tags", async () => {
      const t = target();
      const [a, b, c] = await people(t, 3);
      const start = new Date("2026-03-01T14:00:07Z");
      const rotation = await newRotation(t, [a.arn, b.arn], { StartTime: start, Tags: [{ Key: "team", Value: "payments" }] });
      expect(rotation.arn).toMatch(ROTATION_ARN);
      expect(rotation.arn).toContain(`:rotation/${rotation.name}`);

      const got = await t.contacts.getRotation({ RotationId: rotation.arn });
      expect(got).toMatchObject({ RotationArn: rotation.arn, Name: rotation.name, ContactIds: [a.arn, b.arn], TimeZoneId: "America/New_York", Recurrence: daily(9) });
      // Seconds are kept.
      expect(got.StartTime!.toISOString()).toBe(start.toISOString());
      expect((await t.contacts.listTagsForResource({ ResourceARN: rotation.arn })).Tags).toEqual([{ Key: "team", Value: "payments" }]);
      await t.contacts.tagResource({ ResourceARN: rotation.arn, Tags: [{ Key: "tier", Value: "1" }] });
      expect((await t.contacts.listTagsForResource({ ResourceARN: rotation.arn })).Tags).toHaveLength(2);

      const listed = await t.contacts.listRotations({ RotationNamePrefix: rotation.name });
      expect(listed.Rotations).toEqual([expect.objectContaining({ RotationArn: rotation.arn, Name: rotation.name, ContactIds: [a.arn, b.arn] })]);

      await t.contacts.updateRotation({ RotationId: rotation.arn, ContactIds: [c.arn, a.arn], Recurrence: { ...daily(8, 30), NumberOfOnCalls: 2 } });
      const updated = await t.contacts.getRotation({ RotationId: rotation.arn });
      expect(updated).toMatchObject({ ContactIds: [c.arn, a.arn], Recurrence: { ...daily(8, 30), NumberOfOnCalls: 2 }, TimeZoneId: "America/New_York" });
      expect(updated.StartTime!.toISOString()).toBe(start.toISOString());

      await t.contacts.deleteRotation({ RotationId: rotation.arn });
      const gone = await expectError(t.contacts.getRotation({ RotationId: rotation.arn }), "ResourceNotFoundException");
      expect(resourceOf(gone)).toEqual({ id: rotation.arn, type: "ROTATION" });
      await expectError(t.contacts.deleteRotation({ RotationId: rotation.arn }), "ResourceNotFoundException");
    });

    it("keeps names unique, replays an idempotency token, and pages through ListRotations by name", async () => {
      const t = target();
      const [a] = await people(t, 1);
      const prefix = `paged-${unique()}`;
      const input = { Name: `${prefix}-b`, ContactIds: [a.arn], TimeZoneId: "UTC", Recurrence: daily(9), IdempotencyToken: `token-${unique()}` };
      const first = await t.contacts.createRotation(input);
      expect((await t.contacts.createRotation(input)).RotationArn).toBe(first.RotationArn);
      const conflict = await expectError(t.contacts.createRotation({ ...input, IdempotencyToken: undefined }), "ConflictException", /already exists/);
      expect(resourceOf(conflict).id).toBe(first.RotationArn);
      await t.contacts.createRotation({ ...input, Name: `${prefix}-a`, IdempotencyToken: undefined });
      await t.contacts.createRotation({ ...input, Name: `${prefix}-c`, IdempotencyToken: undefined });
      const one = await t.contacts.listRotations({ RotationNamePrefix: prefix, MaxResults: 2 });
      expect(one.Rotations!.map((r) => r.Name)).toEqual([`${prefix}-a`, `${prefix}-b`]);
      const two = await t.contacts.listRotations({ RotationNamePrefix: prefix, MaxResults: 2, NextToken: one.NextToken });
      expect(two.Rotations!.map((r) => r.Name)).toEqual([`${prefix}-c`]);
      expect(two.NextToken).toBeUndefined();
    });

    it("refuses members that can't take shifts and settings that contradict each other, by field", async () => {
      const t = target();
      const [a] = await people(t, 1);
      const plan = await escalationPlan(t, [{ minutes: 5, targets: [{ arn: a.arn, essential: true }] }]);
      const base = { Name: `bad-${unique()}`, ContactIds: [a.arn], TimeZoneId: "UTC", Recurrence: daily(9) };
      expectFields(await expectError(t.contacts.createRotation({ ...base, ContactIds: [a.arn, plan.arn] }), "ValidationException", /personal/), "ContactIds[1]");
      const missing = a.arn.replace(/contact\/.*/, `contact/nobody-${unique()}`);
      expectFields(await expectError(t.contacts.createRotation({ ...base, ContactIds: [missing] }), "ValidationException", /does not exist/), "ContactIds[0]");
      expectFields(await expectError(t.contacts.createRotation({ ...base, Recurrence: { ...daily(9), NumberOfOnCalls: 2 } }), "ValidationException"), "Recurrence.NumberOfOnCalls");
      expectFields(await expectError(t.contacts.createRotation({ ...base, TimeZoneId: "Mars/Olympus_Mons" }), "ValidationException"), "TimeZoneId");
      // The model's own limits, checked before anything else.
      await expectError(t.contacts.createRotation({ ...base, Recurrence: { ...daily(9), RecurrenceMultiplier: 101 } }), "ValidationException");
      await expectError(t.contacts.createRotation({ ...base, ContactIds: [] }), "ValidationException");
      expect((await t.contacts.listRotations({ RotationNamePrefix: base.Name })).Rotations).toEqual([]);
    });

    it("lists shifts in a time range, in the rotation's zone across a daylight-saving change, page by page", async () => {
      const t = target();
      const [a, b, c] = await people(t, 3);
      const alias = (arn: string) => [a, b, c].find((p) => p.arn === arn)?.alias.replace(/-.*/, "") ?? arn;
      // 09:00 New York hand-offs; New York moves to summer time on 2026-03-08.
      const rotation = await newRotation(t, [a.arn, b.arn, c.arn]);
      const { RotationShifts } = await t.contacts.listRotationShifts({
        RotationId: rotation.arn,
        StartTime: new Date("2026-03-06T00:00:00Z"),
        EndTime: new Date("2026-03-10T00:00:00Z"),
      });
      expect(summary(RotationShifts!, alias)).toEqual([
        ["2026-03-05T14:00:00.000Z", "2026-03-06T14:00:00.000Z", "REGULAR", "member1"],
        ["2026-03-06T14:00:00.000Z", "2026-03-07T14:00:00.000Z", "REGULAR", "member2"],
        // The 23-hour shift: 09:00 EST to 09:00 EDT.
        ["2026-03-07T14:00:00.000Z", "2026-03-08T13:00:00.000Z", "REGULAR", "member0"],
        ["2026-03-08T13:00:00.000Z", "2026-03-09T13:00:00.000Z", "REGULAR", "member1"],
        ["2026-03-09T13:00:00.000Z", "2026-03-10T13:00:00.000Z", "REGULAR", "member2"],
      ]);
      const first = await t.contacts.listRotationShifts({ RotationId: rotation.arn, StartTime: new Date("2026-03-06T00:00:00Z"), EndTime: new Date("2026-03-10T00:00:00Z"), MaxResults: 3 });
      const rest = await t.contacts.listRotationShifts({ RotationId: rotation.arn, StartTime: new Date("2026-03-06T00:00:00Z"), EndTime: new Date("2026-03-10T00:00:00Z"), MaxResults: 3, NextToken: first.NextToken });
      expect([...first.RotationShifts!, ...rest.RotationShifts!]).toEqual(RotationShifts);
      expect(rest.NextToken).toBeUndefined();
      // Nothing before the rotation starts; the range is checked.
      expect((await t.contacts.listRotationShifts({ RotationId: rotation.arn, StartTime: new Date("2026-02-01T00:00:00Z"), EndTime: new Date("2026-03-01T14:00:00Z") })).RotationShifts).toEqual([]);
      expectFields(
        await expectError(t.contacts.listRotationShifts({ RotationId: rotation.arn, StartTime: new Date("2026-03-10T00:00:00Z"), EndTime: new Date("2026-03-06T00:00:00Z") }), "ValidationException"),
        "EndTime",
      );
      await expectError(t.contacts.listRotationShifts({ RotationId: `${rotation.arn}-gone`, EndTime: new Date("2027-01-01T00:00:00Z") }), "ResourceNotFoundException");
    });

    it("marks overridden time, splitting a shift, and restores it when the override is deleted", async () => {
      const t = target();
      const [a, b, cover] = await people(t, 3);
      const alias = (arn: string) => [a, b, cover].find((p) => p.arn === arn)?.alias.replace(/-.*/, "") ?? arn;
      const rotation = await newRotation(t, [a.arn, b.arn], { TimeZoneId: "UTC", StartTime: new Date("2026-05-01T09:00:00Z") });
      const range = { RotationId: rotation.arn, StartTime: new Date("2026-05-01T09:00:00Z"), EndTime: new Date("2026-05-02T09:00:00Z") };
      const { RotationOverrideId } = await t.contacts.createRotationOverride({
        RotationId: rotation.arn,
        NewContactIds: [cover.arn],
        StartTime: new Date("2026-05-01T12:00:00Z"),
        EndTime: new Date("2026-05-01T18:00:00Z"),
      });
      const shifts = (await t.contacts.listRotationShifts(range)).RotationShifts!;
      expect(summary(shifts, alias)).toEqual([
        ["2026-05-01T09:00:00.000Z", "2026-05-01T12:00:00.000Z", "REGULAR", "member0"],
        ["2026-05-01T12:00:00.000Z", "2026-05-01T18:00:00.000Z", "OVERRIDDEN", "member2"],
        ["2026-05-01T18:00:00.000Z", "2026-05-02T09:00:00.000Z", "REGULAR", "member0"],
      ]);
      expect(shifts[1].ShiftDetails).toEqual({ OverriddenContactIds: [a.arn] });

      const got = await t.contacts.getRotationOverride({ RotationId: rotation.arn, RotationOverrideId });
      expect(got).toMatchObject({ RotationOverrideId, RotationArn: rotation.arn, NewContactIds: [cover.arn], StartTime: new Date("2026-05-01T12:00:00Z"), EndTime: new Date("2026-05-01T18:00:00Z") });
      expect(got.CreateTime).toBeInstanceOf(Date);
      const listed = await t.contacts.listRotationOverrides({ RotationId: rotation.arn, StartTime: new Date("2026-05-01T00:00:00Z"), EndTime: new Date("2026-05-03T00:00:00Z") });
      expect(listed.RotationOverrides!.map((o) => o.RotationOverrideId)).toEqual([RotationOverrideId]);
      expect((await t.contacts.listRotationOverrides({ RotationId: rotation.arn, StartTime: new Date("2026-05-02T00:00:00Z"), EndTime: new Date("2026-05-03T00:00:00Z") })).RotationOverrides).toEqual([]);

      await t.contacts.deleteRotationOverride({ RotationId: rotation.arn, RotationOverrideId });
      expect(summary((await t.contacts.listRotationShifts(range)).RotationShifts!, alias)).toEqual([["2026-05-01T09:00:00.000Z", "2026-05-02T09:00:00.000Z", "REGULAR", "member0"]]);
      await expectError(t.contacts.getRotationOverride({ RotationId: rotation.arn, RotationOverrideId }), "ResourceNotFoundException");
      expectFields(
        await expectError(
          t.contacts.createRotationOverride({ RotationId: rotation.arn, NewContactIds: [cover.arn], StartTime: new Date("2026-05-01T18:00:00Z"), EndTime: new Date("2026-05-01T12:00:00Z") }),
          "ValidationException",
        ),
        "EndTime",
      );
    });

    it("previews the shifts of an unsaved rotation with the same arithmetic", async () => {
      const t = target();
      const [a, b] = await people(t, 2);
      const recurrence: C.RecurrenceSettings = { WeeklySettings: [{ DayOfWeek: "MON", HandOffTime: { HourOfDay: 10, MinuteOfHour: 0 } }], NumberOfOnCalls: 1, RecurrenceMultiplier: 1 };
      const start = new Date("2026-10-05T08:00:00Z");
      const rotation = await newRotation(t, [a.arn, b.arn], { TimeZoneId: "Europe/Berlin", Recurrence: recurrence, StartTime: start });
      const range = { StartTime: new Date("2026-10-01T00:00:00Z"), EndTime: new Date("2026-11-15T00:00:00Z") };
      const saved = (await t.contacts.listRotationShifts({ RotationId: rotation.arn, ...range })).RotationShifts!;
      const preview = (
        await t.contacts.listPreviewRotationShifts({ Members: ["Ann", "Ben"], RotationStartTime: start, TimeZoneId: "Europe/Berlin", Recurrence: recurrence, ...range })
      ).RotationShifts!;
      expect(preview.map((s) => [s.StartTime, s.EndTime])).toEqual(saved.map((s) => [s.StartTime, s.EndTime]));
      expect(preview.map((s) => s.ContactIds)).toEqual(saved.map((s) => s.ContactIds!.map((arn) => (arn === a.arn ? "Ann" : "Ben"))));
      // With an override, and with a rule that can't hold.
      const covered = await t.contacts.listPreviewRotationShifts({
        Members: ["Ann", "Ben"],
        RotationStartTime: start,
        TimeZoneId: "Europe/Berlin",
        Recurrence: recurrence,
        ...range,
        Overrides: [{ NewMembers: ["Cat"], StartTime: new Date("2026-10-06T00:00:00Z"), EndTime: new Date("2026-10-07T00:00:00Z") }],
      });
      expect(covered.RotationShifts!.find((s) => s.Type === "OVERRIDDEN")).toMatchObject({ ContactIds: ["Cat"], ShiftDetails: { OverriddenContactIds: ["Ann"] } });
      expectFields(
        await expectError(t.contacts.listPreviewRotationShifts({ Members: ["Ann"], TimeZoneId: "UTC", Recurrence: { ...recurrence, NumberOfOnCalls: 3 }, ...range }), "ValidationException"),
        "Recurrence.NumberOfOnCalls",
      );
    });

    it("makes on-call schedules of rotations; deleting a rotation takes it out of them; a member can't be deleted", async () => {
      const t = target();
      const [a, b] = await people(t, 2);
      const r1 = await newRotation(t, [a.arn]);
      const r2 = await newRotation(t, [b.arn]);
      const alias = `schedule-${unique()}`;
      const { ContactArn } = await t.contacts.createContact({ Alias: alias, DisplayName: "Payments on call", Type: "ONCALL_SCHEDULE", Plan: { RotationIds: [r1.arn, r2.arn] } });
      const got = await t.contacts.getContact({ ContactId: ContactArn });
      expect(got).toMatchObject({ Type: "ONCALL_SCHEDULE", Plan: { RotationIds: [r1.arn, r2.arn] } });
      expect(got.Plan!.Stages ?? []).toEqual([]);
      expect((await t.contacts.listContacts({ AliasPrefix: alias, Type: "ONCALL_SCHEDULE" })).Contacts!.map((c) => c.ContactArn)).toEqual([ContactArn]);

      expectFields(await expectError(t.contacts.createContact({ Alias: `schedule-${unique()}`, Type: "ONCALL_SCHEDULE", Plan: { Stages: [] } }), "ValidationException", /rotation/), "Plan.RotationIds");
      expectFields(
        await expectError(
          t.contacts.updateContact({ ContactId: ContactArn, Plan: { RotationIds: [r1.arn], Stages: [{ DurationInMinutes: 5, Targets: [{ ContactTargetInfo: { ContactId: a.arn, IsEssential: true } }] }] } }),
          "ValidationException",
        ),
        "Plan.Stages",
      );
      // A schedule has no channels.
      await expectError(t.contacts.createContactChannel({ ContactId: ContactArn, Name: "mail", Type: "EMAIL", DeliveryAddress: { SimpleAddress: `x-${unique()}@example.com` } }), "ValidationException");

      await t.contacts.deleteRotation({ RotationId: r1.arn });
      expect((await t.contacts.getContact({ ContactId: ContactArn })).Plan!.RotationIds).toEqual([r2.arn]);

      const conflict = await expectError(t.contacts.deleteContact({ ContactId: b.arn }), "ConflictException", new RegExp(r2.name));
      const entities = (conflict as { DependentEntities?: C.DependentEntity[]; details?: { dependentEntities?: { dependentResourceIds: string[] }[] } });
      const ids = entities.DependentEntities?.[0]?.DependentResourceIds ?? entities.details?.dependentEntities?.[0]?.dependentResourceIds;
      expect(ids).toEqual([r2.arn]);
      await t.contacts.updateRotation({ RotationId: r2.arn, ContactIds: [a.arn], Recurrence: daily(9) });
      await t.contacts.deleteContact({ ContactId: b.arn });
    });

    it("pages whoever is on call when a schedule is engaged, directly or from an escalation stage, with the path that reached them", async () => {
      const t = target();
      const regular = await pagedContact(t, "regular");
      const cover = await pagedContact(t, "cover");
      const rotation = await newRotation(t, [regular.arn], { TimeZoneId: "UTC", StartTime: new Date(Date.now() - 30 * DAY) });
      const { ContactArn: schedule } = await t.contacts.createContact({ Alias: `schedule-${unique()}`, Type: "ONCALL_SCHEDULE", Plan: { RotationIds: [rotation.arn] } });
      // The cover is on call for a day around now, whatever the rotation's calendar says.
      await t.contacts.createRotationOverride({ RotationId: rotation.arn, NewContactIds: [cover.arn], StartTime: new Date(Date.now() - DAY / 2), EndTime: new Date(Date.now() + DAY / 2) });

      const direct = await t.contacts.startEngagement({ ContactId: schedule!, ...message });
      const [page] = (await t.contacts.listPagesByEngagement({ EngagementId: direct.EngagementArn })).Pages!;
      expect(page.ContactArn).toBe(cover.arn);
      expect((await t.contacts.listPageResolutions({ PageId: page.PageArn })).PageResolutions).toEqual([
        { ContactArn: schedule, Type: "ONCALL_SCHEDULE" },
        { ContactArn: cover.arn, Type: "PERSONAL" },
      ]);
      expect((await t.outbox(cover.email.address)).filter((m) => m.kind === "PAGE")).toHaveLength(1);

      const plan = await escalationPlan(t, [{ minutes: 5, targets: [{ arn: schedule!, essential: true }] }]);
      const escalated = await t.contacts.startEngagement({ ContactId: plan.arn, ...message });
      const [stagePage] = (await t.contacts.listPagesByEngagement({ EngagementId: escalated.EngagementArn })).Pages!;
      expect(stagePage.ContactArn).toBe(cover.arn);
      expect((await t.contacts.listPageResolutions({ PageId: stagePage.PageArn })).PageResolutions).toEqual([
        { ContactArn: plan.arn, Type: "ESCALATION" },
        { ContactArn: schedule, Type: "ONCALL_SCHEDULE", StageIndex: 0 },
        { ContactArn: cover.arn, Type: "PERSONAL", StageIndex: 0 },
      ]);

      // A page of a contact engaged directly resolves to itself.
      const own = await t.contacts.startEngagement({ ContactId: regular.arn, ...message });
      const [ownPage] = (await t.contacts.listPagesByEngagement({ EngagementId: own.EngagementArn })).Pages!;
      expect((await t.contacts.listPageResolutions({ PageId: ownPage.PageArn })).PageResolutions).toEqual([{ ContactArn: regular.arn, Type: "PERSONAL" }]);
      await expectError(t.contacts.listPageResolutions({ PageId: `${ownPage.PageArn}0` }), "ResourceNotFoundException");
    });

    it("pages nobody from a schedule in a coverage gap, and the engagement still starts", async () => {
      const t = target();
      const regular = await pagedContact(t, "gap");
      const rotation = await newRotation(t, [regular.arn], { TimeZoneId: "UTC", StartTime: new Date(Date.now() - 30 * DAY) });
      const { ContactArn: schedule } = await t.contacts.createContact({ Alias: `schedule-${unique()}`, Type: "ONCALL_SCHEDULE", Plan: { RotationIds: [rotation.arn] } });
      // An override with nobody in it: a gap.
      await t.contacts.createRotationOverride({ RotationId: rotation.arn, NewContactIds: [], StartTime: new Date(Date.now() - HOUR), EndTime: new Date(Date.now() + HOUR) });
      const other = await pagedContact(t, "also");
      const plan = await escalationPlan(t, [{ minutes: 5, targets: [{ arn: schedule!, essential: true }, { arn: other.arn, essential: false }] }]);
      const { EngagementArn } = await t.contacts.startEngagement({ ContactId: plan.arn, ...message });
      const pages = (await t.contacts.listPagesByEngagement({ EngagementId: EngagementArn })).Pages!;
      // The stage's other target is still paged.
      expect(pages.map((p) => p.ContactArn)).toEqual([other.arn]);
      expect((await t.outbox(regular.email.address)).filter((m) => m.kind === "PAGE")).toEqual([]);
    });
  });
};

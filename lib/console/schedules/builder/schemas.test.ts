import { describe, expect, it } from "vitest";
import { fromRotationView, newRotation, rotationField, scheduleField, scheduleFormSchema, toCreateRotationInput, toPreviewInput, toRecurrence, toStartTime, wallClock, type RotationFormValues, type ScheduleFormValues } from "./schemas";

const ann = "arn:aws:ssm-contacts:us-east-1:000000000000:contact/ann";
const ben = "arn:aws:ssm-contacts:us-east-1:000000000000:contact/ben";

const rotation = (over: Partial<RotationFormValues> = {}): RotationFormValues => ({ ...newRotation("Europe/Berlin", "2026-12-07"), name: "primary", members: [ann, ben], ...over });
const schedule = (rotations: RotationFormValues[], over: Partial<ScheduleFormValues> = {}): ScheduleFormValues => ({ arn: "", alias: "payments", displayName: "Payments", rotations, submissionId: "", ...over });

function issues(values: ScheduleFormValues): [string, string][] {
  const r = scheduleFormSchema.safeParse(values);
  return r.success ? [] : r.error.issues.map((i) => [i.path.map(String).join("."), i.message]);
}

describe("schedule form → API", () => {
  it("makes a rotation's CreateRotation input: members in order, the start as wall clock in its zone, the chosen recurrence only", () => {
    const weekly = rotation({ recurrence: { ...rotation().recurrence, kind: "weekly", weekly: [{ day: "FRI", time: "17:30" }], multiplier: "2", onCalls: "1" } });
    expect(toCreateRotationInput(weekly, "token-1")).toEqual({
      Name: "primary",
      ContactIds: [ann, ben],
      // 09:00 in Berlin in December is 08:00 UTC (CET, UTC+1).
      StartTime: new Date("2026-12-07T08:00:00Z"),
      TimeZoneId: "Europe/Berlin",
      Recurrence: { WeeklySettings: [{ DayOfWeek: "FRI", HandOffTime: { HourOfDay: 17, MinuteOfHour: 30 } }], NumberOfOnCalls: 1, RecurrenceMultiplier: 2 },
      IdempotencyToken: "token-1",
    });
  });

  it("groups coverage windows by weekday, and sends none for round-the-clock on-call", () => {
    const covered = rotation({ coverage: [{ day: "MON", start: "09:00", end: "17:00" }, { day: "TUE", start: "08:00", end: "12:00" }, { day: "MON", start: "18:00", end: "00:00" }] });
    expect(toRecurrence(covered).ShiftCoverages).toEqual({
      MON: [{ Start: { HourOfDay: 9, MinuteOfHour: 0 }, End: { HourOfDay: 17, MinuteOfHour: 0 } }, { Start: { HourOfDay: 18, MinuteOfHour: 0 }, End: { HourOfDay: 0, MinuteOfHour: 0 } }],
      TUE: [{ Start: { HourOfDay: 8, MinuteOfHour: 0 }, End: { HourOfDay: 12, MinuteOfHour: 0 } }],
    });
    expect(toRecurrence(rotation())).not.toHaveProperty("ShiftCoverages");
  });

  it("previews the same rotation: members, zone, recurrence and its start", () => {
    const r = rotation();
    const input = toPreviewInput(r, new Date("2026-12-07T00:00:00Z"), new Date("2026-12-21T00:00:00Z"));
    expect(input).toMatchObject({ Members: [ann, ben], TimeZoneId: "Europe/Berlin", RotationStartTime: new Date("2026-12-07T08:00:00Z"), Recurrence: toRecurrence(r) });
  });
});

describe("API → schedule form", () => {
  it("reads a saved rotation back into the same form values (round trip)", () => {
    const r = rotation({
      arn: "arn:aws:ssm-contacts:us-east-1:000000000000:rotation/primary",
      recurrence: { ...rotation().recurrence, kind: "monthly", monthly: [{ day: "15", time: "10:00" }], multiplier: "1", onCalls: "2" },
      coverage: [{ day: "WED", start: "09:00", end: "17:00" }],
    });
    const input = toCreateRotationInput(r);
    const back = fromRotationView({
      arn: r.arn,
      name: input.Name!,
      timeZoneId: input.TimeZoneId!,
      startTime: input.StartTime!.toISOString(),
      members: [ann, ben].map((arn) => ({ arn, alias: arn.split("/")[1], name: arn })),
      recurrence: input.Recurrence!,
    });
    expect(back.recurrence.kind).toBe("monthly");
    expect(back.recurrence.monthly).toEqual(r.recurrence.monthly);
    expect(back.recurrence.onCalls).toBe("2");
    expect(back).toMatchObject({ arn: r.arn, name: "primary", members: [ann, ben], timeZoneId: "Europe/Berlin", startTime: "2026-12-07T09:00", coverage: r.coverage });
  });

  it("shows a start in the rotation's zone across a daylight-saving change", () => {
    expect(wallClock("2026-07-01T07:00:00Z", "Europe/Berlin")).toBe("2026-07-01T09:00");
    expect(toStartTime("2026-07-01T09:00", "Europe/Berlin")).toEqual(new Date("2026-07-01T07:00:00Z"));
    expect(toStartTime("2026-07-01T09:00", "Mars/Olympus")).toBeUndefined();
  });
});

describe("schedule form rules (the model's, on the form's fields)", () => {
  it("accepts a schedule of two rotations", () => {
    expect(issues(schedule([rotation(), rotation({ name: "secondary" })]))).toEqual([]);
  });

  it("puts each problem on its field: alias pattern, rotation name, members, zone, on-calls beyond the members, a repeated name", () => {
    const got = issues(
      schedule(
        [
          rotation({ name: "bad name!", members: [] }),
          rotation({ name: "primary", timeZoneId: "Mars/Olympus", recurrence: { ...rotation().recurrence, onCalls: "3" } }),
          rotation({ name: "primary" }),
        ],
        { alias: "Not Valid" },
      ),
    );
    const fields = got.map(([f]) => f);
    expect(fields).toContain("alias");
    expect(fields).toContain("rotations.0.name");
    expect(got).toContainEqual(["rotations.0.members", "Add at least one member."]);
    expect(got).toContainEqual(["rotations.1.timeZoneId", "Mars/Olympus is not an IANA time zone (e.g. Europe/Berlin, UTC)."]);
    expect(got).toContainEqual(["rotations.1.recurrence.onCalls", "3 on call at once is more than the 2 member(s)."]);
    expect(got).toContainEqual(["rotations.2.name", "Rotation 2 has this name already."]);
  });

  it("refuses a hand-off time out of the model's range and a schedule without rotations", () => {
    expect(issues(schedule([rotation({ recurrence: { ...rotation().recurrence, daily: [{ time: "" }] } })]))).toContainEqual(["rotations.0.recurrence.daily.0.time", "Give a time as HH:MM."]);
    expect(issues(schedule([rotation({ recurrence: { ...rotation().recurrence, multiplier: "0" } })])).map(([f]) => f)).toContain("rotations.0.recurrence.multiplier");
    expect(issues(schedule([]))).toContainEqual(["rotations", "Add at least one rotation."]);
  });
});

describe("model member paths → form fields", () => {
  const r = rotation({ coverage: [{ day: "TUE", start: "09:00", end: "17:00" }, { day: "MON", start: "09:00", end: "12:00" }, { day: "MON", start: "13:00", end: "17:00" }] });
  it.each([
    ["Name", "name"],
    ["ContactIds[1]", "members"],
    ["Members", "members"],
    ["TimeZoneId", "timeZoneId"],
    ["StartTime", "startTime"],
    ["Recurrence.DailySettings[0].HourOfDay", "recurrence.daily.0.time"],
    ["Recurrence.WeeklySettings[1].DayOfWeek", "recurrence.weekly.1.day"],
    ["Recurrence.MonthlySettings[0].HandOffTime.MinuteOfHour", "recurrence.monthly.0.time"],
    ["Recurrence.MonthlySettings", "recurrence.monthly"],
    ["Recurrence.NumberOfOnCalls", "recurrence.onCalls"],
    ["Recurrence.RecurrenceMultiplier", "recurrence.multiplier"],
    // The second Monday window is the form's third window.
    ["Recurrence.ShiftCoverages.MON[1]", "coverage.2.start"],
    ["Recurrence.ShiftCoverages.TUE[0].End", "coverage.0.end"],
    ["Recurrence", "recurrence.kind"],
  ])("%s → %s", (path, field) => {
    expect(rotationField(r, path)).toBe(field);
  });

  it("maps the contact's paths and passes a rotation's form field through", () => {
    expect(scheduleField("Alias")).toBe("alias");
    expect(scheduleField("DisplayName")).toBe("displayName");
    expect(scheduleField("Plan.RotationIds[0]")).toBe("rotations");
    expect(scheduleField("rotations.1.recurrence.onCalls")).toBe("rotations.1.recurrence.onCalls");
  });
});

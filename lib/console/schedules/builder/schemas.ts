// The schedule builder's form: an on-call schedule (a contact of Type ONCALL_SCHEDULE) and its
// rotations, each with members in order, a time zone, a start time (wall clock in that zone), a
// recurrence and optional coverage windows. The form ↔ API mapping lives here so the builder, its
// preview route and its save action agree; the model's rules run on the form through shapeProblems
// (lib/im/model), and a ValidationException's member paths map back onto the same fields.
// Client-safe.
import type { CoverageTime, CreateContactCommandInput, CreateRotationCommandInput, DayOfWeek, HandOffTime, ListPreviewRotationShiftsCommandInput, RecurrenceSettings } from "@aws-sdk/client-ssm-contacts";
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { fieldMessage, optional } from "@/lib/console/core/model-rules";
import { shapeProblems } from "@/lib/im/model/validate";
import type { RotationView } from "../dto";

/** Monday first, as people read a week (the API takes any order). */
export const WEEKDAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"] as const satisfies readonly DayOfWeek[];
export const WEEKDAY_NAMES: Record<DayOfWeek, string> = { MON: "Monday", TUE: "Tuesday", WED: "Wednesday", THU: "Thursday", FRI: "Friday", SAT: "Saturday", SUN: "Sunday" };

export const RECURRENCE_KINDS = ["daily", "weekly", "monthly"] as const;
export type RecurrenceKind = (typeof RECURRENCE_KINDS)[number];

const time = z.string(); // "HH:MM", as <input type="time"> gives it
const weekday = z.enum(WEEKDAYS);

const rotation = z.object({
  /** Empty for a rotation this save creates; its ARN when it exists. */
  arn: z.string(),
  name: z.string(),
  /** Personal contact ARNs, in rotation order. */
  members: z.array(z.string()),
  timeZoneId: z.string(),
  /** "YYYY-MM-DDTHH:MM", the wall clock in the rotation's zone (as <input type="datetime-local">). */
  startTime: z.string(),
  recurrence: z.object({
    kind: z.enum(RECURRENCE_KINDS),
    daily: z.array(z.object({ time })),
    weekly: z.array(z.object({ day: weekday, time })),
    monthly: z.array(z.object({ day: z.string(), time })),
    multiplier: z.string(),
    onCalls: z.string(),
  }),
  /** Coverage windows: when empty, on call round the clock. */
  coverage: z.array(z.object({ day: weekday, start: time, end: time })),
});

export type RotationFormValues = z.input<typeof rotation>;

const fields = {
  /** Empty when creating; the schedule's ARN when editing. */
  arn: z.string(),
  alias: z.string(),
  displayName: z.string(),
  rotations: z.array(rotation),
  /** New for each submission: the rotations' IdempotencyTokens derive from it (a retried request creates nothing twice). */
  submissionId: z.string().max(64),
};

export type ScheduleFormValues = z.input<z.ZodObject<typeof fields>>;

/** A new rotation: daily hand-off at 09:00, one person on call, starting today at 09:00 in `timeZoneId`. */
export function newRotation(timeZoneId: string, today: string): RotationFormValues {
  return {
    arn: "",
    name: "",
    members: [],
    timeZoneId,
    startTime: `${today}T09:00`,
    recurrence: { kind: "daily", daily: [{ time: "09:00" }], weekly: [{ day: "MON", time: "09:00" }], monthly: [{ day: "1", time: "09:00" }], multiplier: "1", onCalls: "1" },
    coverage: [],
  };
}

export function emptyScheduleForm(timeZoneId: string, today: string): ScheduleFormValues {
  return { arn: "", alias: "", displayName: "", rotations: [newRotation(timeZoneId, today)], submissionId: "" };
}

// ---------------------------------------------------------------------------------------------
// Form → API

/** "09:30" → {HourOfDay: 9, MinuteOfHour: 30}; anything else → NaNs (the model refuses them). */
export function toHandOff(value: string): HandOffTime {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  return m ? { HourOfDay: Number(m[1]), MinuteOfHour: Number(m[2]) } : { HourOfDay: Number.NaN, MinuteOfHour: Number.NaN };
}

/** {HourOfDay: 9, MinuteOfHour: 5} → "09:05". */
export function fromHandOff(t: HandOffTime | undefined): string {
  return `${String(t?.HourOfDay ?? 0).padStart(2, "0")}:${String(t?.MinuteOfHour ?? 0).padStart(2, "0")}`;
}

const int = (value: string) => (/^\s*-?\d+\s*$/.test(value) ? Number(value) : Number.NaN);

export function toRecurrence(r: RotationFormValues): RecurrenceSettings {
  const rec = r.recurrence;
  const shiftCoverages: Partial<Record<DayOfWeek, CoverageTime[]>> = {};
  for (const w of r.coverage) (shiftCoverages[w.day] ??= []).push({ Start: toHandOff(w.start), End: toHandOff(w.end) });
  return {
    ...(rec.kind === "daily" ? { DailySettings: rec.daily.map((d) => toHandOff(d.time)) } : {}),
    ...(rec.kind === "weekly" ? { WeeklySettings: rec.weekly.map((w) => ({ DayOfWeek: w.day, HandOffTime: toHandOff(w.time) })) } : {}),
    ...(rec.kind === "monthly" ? { MonthlySettings: rec.monthly.map((m) => ({ DayOfMonth: int(m.day), HandOffTime: toHandOff(m.time) })) } : {}),
    NumberOfOnCalls: int(rec.onCalls),
    RecurrenceMultiplier: int(rec.multiplier),
    ...(r.coverage.length ? { ShiftCoverages: shiftCoverages } : {}),
  };
}

/** The instant a wall-clock start time names in the rotation's zone; undefined when either is not valid. */
export function toStartTime(startTime: string, timeZoneId: string): Date | undefined {
  try {
    const wall = Temporal.PlainDateTime.from(startTime.trim());
    return new Date(wall.toZonedDateTime(timeZoneId.trim()).epochMilliseconds);
  } catch {
    return undefined;
  }
}

/** An instant as the wall clock in a zone, "YYYY-MM-DDTHH:MM" (for the datetime-local field). */
export function wallClock(at: Date | string, timeZoneId: string): string {
  const zoned = Temporal.Instant.fromEpochMilliseconds(new Date(at).getTime()).toZonedDateTimeISO(timeZoneId);
  return zoned.toPlainDateTime().toString({ smallestUnit: "minute" });
}

/** The rotation's CreateRotation input (UpdateRotation takes the same but the name and token). */
export function toCreateRotationInput(r: RotationFormValues, idempotencyToken?: string): CreateRotationCommandInput {
  return {
    Name: r.name.trim(),
    ContactIds: r.members,
    StartTime: toStartTime(r.startTime, r.timeZoneId),
    TimeZoneId: r.timeZoneId.trim(),
    Recurrence: toRecurrence(r),
    ...(idempotencyToken ? { IdempotencyToken: idempotencyToken } : {}),
  };
}

export function toPreviewInput(r: RotationFormValues, from: Date, to: Date): ListPreviewRotationShiftsCommandInput {
  return {
    RotationStartTime: toStartTime(r.startTime, r.timeZoneId),
    StartTime: from,
    EndTime: to,
    Members: r.members,
    TimeZoneId: r.timeZoneId.trim(),
    Recurrence: toRecurrence(r),
  };
}

export function toSchedulePlan(rotationArns: string[]): NonNullable<CreateContactCommandInput["Plan"]> {
  return { Stages: [], RotationIds: rotationArns };
}

export function toCreateScheduleInput(v: ScheduleFormValues, rotationArns: string[]): CreateContactCommandInput {
  return { Alias: v.alias.trim(), DisplayName: optional(v.displayName), Type: "ONCALL_SCHEDULE", Plan: toSchedulePlan(rotationArns) };
}

// ---------------------------------------------------------------------------------------------
// API → form

export function fromRecurrence(rec: RecurrenceSettings): Pick<RotationFormValues, "recurrence" | "coverage"> {
  const defaults = newRotation("UTC", "1970-01-01").recurrence;
  const kind: RecurrenceKind = rec.WeeklySettings?.length ? "weekly" : rec.MonthlySettings?.length ? "monthly" : "daily";
  return {
    recurrence: {
      kind,
      daily: rec.DailySettings?.length ? rec.DailySettings.map((t) => ({ time: fromHandOff(t) })) : defaults.daily,
      weekly: rec.WeeklySettings?.length ? rec.WeeklySettings.map((w) => ({ day: w.DayOfWeek!, time: fromHandOff(w.HandOffTime) })) : defaults.weekly,
      monthly: rec.MonthlySettings?.length ? rec.MonthlySettings.map((m) => ({ day: String(m.DayOfMonth), time: fromHandOff(m.HandOffTime) })) : defaults.monthly,
      multiplier: String(rec.RecurrenceMultiplier ?? 1),
      onCalls: String(rec.NumberOfOnCalls ?? 1),
    },
    coverage: WEEKDAYS.flatMap((day) => (rec.ShiftCoverages?.[day] ?? []).map((w) => ({ day, start: fromHandOff(w.Start), end: fromHandOff(w.End) }))),
  };
}

export function fromRotationView(r: RotationView): RotationFormValues {
  return { arn: r.arn, name: r.name, members: r.members.map((m) => m.arn), timeZoneId: r.timeZoneId, startTime: wallClock(r.startTime, r.timeZoneId), ...fromRecurrence(r.recurrence) };
}

// ---------------------------------------------------------------------------------------------
// Model member paths → form fields

/**
 * The form field of a CreateRotation / UpdateRotation / ListPreviewRotationShifts member path
 * (`Recurrence.WeeklySettings[1].HandOffTime.HourOfDay`), relative to the rotation: `weekly.1.time`.
 * Coverage windows are grouped by weekday in the API, one list in the form: `r` says which.
 */
export function rotationField(r: RotationFormValues, memberPath: string): string | undefined {
  const path = memberPath.replace(/^Recurrence\b/, "recurrence");
  if (/^Name\b/.test(path)) return "name";
  if (/^(ContactIds|Members)\b/.test(path)) return "members";
  if (/^TimeZoneId\b/.test(path)) return "timeZoneId";
  if (/^(StartTime|RotationStartTime)\b/.test(path)) return "startTime";
  let m = /^recurrence\.(Daily|Weekly|Monthly)Settings(?:\[(\d+)\](?:\.(\w+))?)?/.exec(path);
  if (m) {
    const list = m[1].toLowerCase();
    if (m[2] === undefined) return `recurrence.${list}`;
    const part = m[3] === "DayOfWeek" || m[3] === "DayOfMonth" ? "day" : "time";
    return `recurrence.${list}.${m[2]}.${part}`;
  }
  if (/^recurrence\.NumberOfOnCalls\b/.test(path)) return "recurrence.onCalls";
  if (/^recurrence\.RecurrenceMultiplier\b/.test(path)) return "recurrence.multiplier";
  m = /^recurrence\.ShiftCoverages(?:\.(\w+)\[(\d+)\](?:\.(Start|End))?)?/.exec(path);
  if (m) {
    if (m[1] === undefined) return "coverage";
    const index = r.coverage.map((w, i) => ({ w, i })).filter(({ w }) => w.day === m![1])[Number(m[2])]?.i;
    if (index === undefined) return "coverage";
    return `coverage.${index}.${m[3] === "End" ? "end" : "start"}`;
  }
  if (/^recurrence\b/.test(path)) return "recurrence.kind";
  return undefined;
}

/**
 * The form field of a member path of the save action's error: the contact's (`Alias`,
 * `DisplayName`, `Plan.RotationIds`), or a rotation's, which the save puts on its form field
 * already (`rotations.1.name`, see save-schedule.ts).
 */
export function scheduleField(memberPath: string): string | undefined {
  if (/^rotations\.\d+\./.test(memberPath)) return memberPath;
  if (/^Alias\b/.test(memberPath)) return "alias";
  if (/^DisplayName\b/.test(memberPath)) return "displayName";
  if (/^Plan\.RotationIds\b/.test(memberPath)) return "rotations";
  return undefined;
}

/** Every field a server error may land on (useActionForm puts errors on these, the rest above the form). */
export function scheduleFieldNames(v: ScheduleFormValues): string[] {
  return [
    "alias",
    "displayName",
    "rotations",
    ...v.rotations.flatMap((r, i) => {
      const at = (f: string) => `rotations.${i}.${f}`;
      return [
        ...["name", "members", "timeZoneId", "startTime", "recurrence.kind", "recurrence.onCalls", "recurrence.multiplier", "recurrence.daily", "recurrence.weekly", "recurrence.monthly", "coverage"].map(at),
        ...r.recurrence.daily.map((_, j) => at(`recurrence.daily.${j}.time`)),
        ...r.recurrence.weekly.flatMap((_, j) => [at(`recurrence.weekly.${j}.day`), at(`recurrence.weekly.${j}.time`)]),
        ...r.recurrence.monthly.flatMap((_, j) => [at(`recurrence.monthly.${j}.day`), at(`recurrence.monthly.${j}.time`)]),
        ...r.coverage.flatMap((_, j) => [at(`coverage.${j}.start`), at(`coverage.${j}.end`)]),
      ];
    }),
  ];
}

// ---------------------------------------------------------------------------------------------
// Validation: the model's rules on each field, plus what the form can say better

/** Problems of one rotation as [form field relative to the rotation, message]; [] when the model takes it. */
export function rotationProblems(r: RotationFormValues): [string, string][] {
  const out: [string, string][] = [];
  if (!r.name.trim()) out.push(["name", "Give the rotation a name."]);
  if (r.members.length === 0) out.push(["members", "Add at least one member."]);
  if (!r.timeZoneId.trim()) out.push(["timeZoneId", "Choose a time zone."]);
  else if (!toStartTime(r.startTime, r.timeZoneId)) {
    out.push(toStartTime(r.startTime, "UTC") ? ["timeZoneId", `${r.timeZoneId} is not an IANA time zone (e.g. Europe/Berlin, UTC).`] : ["startTime", "Give a start date and time."]);
  }
  const list = r.recurrence[r.recurrence.kind];
  if (list.length === 0) out.push([`recurrence.${r.recurrence.kind}`, "Give at least one hand-off."]);
  list.forEach((h, j) => {
    if (Number.isNaN(toHandOff(h.time).HourOfDay)) out.push([`recurrence.${r.recurrence.kind}.${j}.time`, "Give a time as HH:MM."]);
  });
  r.coverage.forEach((w, j) => {
    if (Number.isNaN(toHandOff(w.start).HourOfDay)) out.push([`coverage.${j}.start`, "Give a time as HH:MM."]);
    if (Number.isNaN(toHandOff(w.end).HourOfDay)) out.push([`coverage.${j}.end`, "Give a time as HH:MM."]);
  });
  const onCalls = int(r.recurrence.onCalls);
  if (onCalls > r.members.length && r.members.length > 0) out.push(["recurrence.onCalls", `${onCalls} on call at once is more than the ${r.members.length} member(s).`]);
  for (const p of shapeProblems("ssm-contacts", "CreateRotationRequest", toCreateRotationInput(r))) {
    const field = rotationField(r, p.name);
    if (field) out.push([field, fieldMessage(p.message)]);
  }
  return out;
}

/** A rotation's fields only (for the preview route, which checks no schedule). */
export const rotationSchema = rotation;

export const scheduleFormSchema = z.object(fields).superRefine((v, ctx) => {
  const seen = new Set<string>();
  const add = (path: string, message: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    ctx.addIssue({ code: "custom", path: path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message });
  };
  if (!v.alias.trim()) add("alias", "Required.");
  if (v.rotations.length === 0) add("rotations", "Add at least one rotation.");
  // The contact's own rules; its RotationIds are the rotations' ARNs, known only after they are saved.
  for (const p of shapeProblems("ssm-contacts", "CreateContactRequest", toCreateScheduleInput(v, v.rotations.map(() => "arn:aws:ssm-contacts:us-east-1:000000000000:rotation/x")))) {
    const field = scheduleField(p.name);
    if (field) add(field, fieldMessage(p.message));
  }
  const names = new Map<string, number>();
  v.rotations.forEach((r, i) => {
    for (const [field, message] of rotationProblems(r)) add(`rotations.${i}.${field}`, message);
    const first = names.get(r.name.trim());
    if (r.name.trim() && first !== undefined) add(`rotations.${i}.name`, `Rotation ${first + 1} has this name already.`);
    else names.set(r.name.trim(), i);
  });
});

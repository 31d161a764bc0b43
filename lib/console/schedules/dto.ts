// What on-call schedule reads hand to client components and return from GET route handlers: plain
// JSON, people by name. Client-safe (types and pure helpers only).
import type { RecurrenceSettings } from "@aws-sdk/client-ssm-contacts";

/** A personal contact as people read it: the display name, else the alias. */
export type Person = { arn: string; alias: string; name: string };

export type RotationView = {
  arn: string;
  name: string;
  timeZoneId: string;
  /** ISO time the rotation went (or goes) into effect. */
  startTime: string;
  members: Person[];
  recurrence: RecurrenceSettings;
};

export type ShiftView = {
  rotationArn: string;
  /** ISO times, [start, end). */
  start: string;
  end: string;
  type: "REGULAR" | "OVERRIDDEN";
  people: Person[];
  /** Under an override: whom it replaced. */
  replaced: Person[];
};

export type OverrideView = {
  id: string;
  rotationArn: string;
  people: Person[];
  start: string;
  end: string;
  created: string;
};

/** Who is on call now in a schedule, and the next hand-off (when the set of people changes). */
export type OnCallView = {
  now: Person[];
  /** The next time someone's shift starts or ends, with who is on call from then. */
  next?: { at: string; people: Person[]; timeZoneId: string };
};

export type ScheduleSummary = {
  arn: string;
  alias: string;
  displayName?: string;
  rotations: { arn: string; name: string; timeZoneId: string }[];
  onCall: OnCallView;
};

export type ScheduleDetail = Omit<ScheduleSummary, "rotations"> & { rotations: RotationView[] };

export type ScheduleShifts = { from: string; to: string; shifts: ShiftView[]; overrides: OverrideView[] };

/** A person's name from a list of known people, else the alias in their ARN. */
export function personOf(arn: string, known: Map<string, Person>): Person {
  const found = known.get(arn);
  if (found) return found;
  const alias = /:contact\/([^/]+)$/.exec(arn)?.[1] ?? arn;
  return { arn, alias, name: alias };
}

/**
 * Who is on call at `at` and the next change after it, from a schedule's shifts (any order): the
 * people of every shift holding `at`, each once, and the first instant after `at` where a shift
 * starts or ends.
 */
export function onCallFrom(shifts: ShiftView[], at: Date, timeZoneOf: (rotationArn: string) => string): OnCallView {
  const t = at.getTime();
  const holding = (x: number) => shifts.filter((s) => Date.parse(s.start) <= x && x < Date.parse(s.end));
  const people = (list: ShiftView[]) => {
    const seen = new Map<string, Person>();
    for (const s of list) for (const p of s.people) if (!seen.has(p.arn)) seen.set(p.arn, p);
    return [...seen.values()];
  };
  const changes = shifts
    .flatMap((s) => [{ at: Date.parse(s.start), rotation: s.rotationArn }, { at: Date.parse(s.end), rotation: s.rotationArn }])
    .filter((c) => c.at > t)
    .sort((a, b) => a.at - b.at);
  const now = people(holding(t));
  const nowKey = now.map((p) => p.arn).sort().join();
  // The next change of who is on call (a hand-off to the same people isn't one).
  for (const change of changes) {
    const then = people(holding(change.at));
    if (then.map((p) => p.arn).sort().join() !== nowKey) {
      return { now, next: { at: new Date(change.at).toISOString(), people: then, timeZoneId: timeZoneOf(change.rotation) } };
    }
  }
  return { now };
}

/** An override with who made it, when the console made it (ssm-contacts records no author). */
export type OverrideWithAuthor = OverrideView & { createdBy?: string };

/** What the calendar's shifts route answers: the shifts and overrides, each override with its author. */
export type ScheduleCalendarData = Omit<ScheduleShifts, "overrides"> & { overrides: OverrideWithAuthor[] };

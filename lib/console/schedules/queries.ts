// On-call schedule reads for server components and GET route handlers, as the signed-in user:
// every schedule with who is on call now and next, one schedule with its rotations, and the
// shifts and overrides of a schedule's rotations in a time range. All through the ssm-contacts
// contract (GetContact, GetRotation, ListRotationShifts, ListRotationOverrides), so they work in
// local and aws mode alike. People are shown by name: personal contacts are read once per call.
import "server-only";
import type { RotationShift } from "@aws-sdk/client-ssm-contacts";
import { iso } from "@/lib/console/core/names";
import { withServices, type ServiceContext } from "@/lib/console/core/safe-action";
import { notFound, validation } from "@/lib/im/errors";
import { overrideAuthors } from "./overrides-authors";
import { onCallFrom, personOf, type OverrideView, type Person, type RotationView, type ScheduleCalendarData, type ScheduleDetail, type ScheduleSummary, type ShiftView } from "./dto";

/** How many personal contacts a read names (beyond, people show by alias). */
const MAX_PEOPLE = 1000;
/** How many schedules the list shows. */
const MAX_SCHEDULES = 200;
/** How far ahead "on call next" looks. */
const LOOKAHEAD_MS = 35 * 86_400_000;
/** The longest range the calendar asks for at once (the API allows 732 days). */
export const MAX_RANGE_MS = 400 * 86_400_000;

export async function knownPeople({ im }: ServiceContext): Promise<Map<string, Person>> {
  const people = new Map<string, Person>();
  let NextToken: string | undefined;
  do {
    const out = await im.contacts.listContacts({ Type: "PERSONAL", MaxResults: 100, NextToken });
    for (const c of out.Contacts ?? []) people.set(c.ContactArn!, { arn: c.ContactArn!, alias: c.Alias!, name: c.DisplayName || c.Alias! });
    NextToken = out.NextToken;
  } while (NextToken && people.size < MAX_PEOPLE);
  return people;
}

async function rotationView(ctx: ServiceContext, arn: string, people: Map<string, Person>): Promise<RotationView> {
  const r = await ctx.im.contacts.getRotation({ RotationId: arn });
  return {
    arn,
    name: r.Name!,
    timeZoneId: r.TimeZoneId!,
    startTime: iso(r.StartTime)!,
    members: (r.ContactIds ?? []).map((c) => personOf(c, people)),
    recurrence: r.Recurrence!,
  };
}

function shiftView(rotationArn: string, s: RotationShift, people: Map<string, Person>): ShiftView {
  return {
    rotationArn,
    start: iso(s.StartTime)!,
    end: iso(s.EndTime)!,
    type: s.Type === "OVERRIDDEN" ? "OVERRIDDEN" : "REGULAR",
    people: (s.ContactIds ?? []).map((c) => personOf(c, people)),
    replaced: (s.ShiftDetails?.OverriddenContactIds ?? []).map((c) => personOf(c, people)),
  };
}

/** Every shift of a rotation overlapping [from, to), page after page. */
export async function rotationShifts(ctx: ServiceContext, rotationArn: string, from: Date, to: Date, people: Map<string, Person>): Promise<ShiftView[]> {
  const out: ShiftView[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ctx.im.contacts.listRotationShifts({ RotationId: rotationArn, StartTime: from, EndTime: to, MaxResults: 1024, NextToken });
    out.push(...(page.RotationShifts ?? []).map((s) => shiftView(rotationArn, s, people)));
    NextToken = page.NextToken;
  } while (NextToken);
  return out;
}

async function scheduleContact(ctx: ServiceContext, alias: string) {
  const { Contacts } = await ctx.im.contacts.listContacts({ AliasPrefix: alias, Type: "ONCALL_SCHEDULE", MaxResults: 20 });
  const found = Contacts?.find((c) => c.Alias === alias);
  if (!found) throw notFound("CONTACT", alias, `There is no on-call schedule ${alias}`);
  const contact = await ctx.im.contacts.getContact({ ContactId: found.ContactArn });
  return { arn: found.ContactArn!, alias, displayName: contact.DisplayName || undefined, rotationArns: contact.Plan?.RotationIds ?? [] };
}

async function onCallOf(ctx: ServiceContext, rotations: { arn: string; timeZoneId: string }[], people: Map<string, Person>, now: Date) {
  const until = new Date(now.getTime() + LOOKAHEAD_MS);
  const shifts = (await Promise.all(rotations.map((r) => rotationShifts(ctx, r.arn, now, until, people)))).flat();
  const zones = new Map(rotations.map((r) => [r.arn, r.timeZoneId]));
  return onCallFrom(shifts, now, (arn) => zones.get(arn) ?? "UTC");
}

/** Every on-call schedule, with who is on call now and next. */
export function listSchedules() {
  return withServices("listSchedules", "contacts.read", async (ctx): Promise<ScheduleSummary[]> => {
    const people = await knownPeople(ctx);
    const schedules: ScheduleSummary[] = [];
    let NextToken: string | undefined;
    const now = new Date();
    do {
      const out = await ctx.im.contacts.listContacts({ Type: "ONCALL_SCHEDULE", MaxResults: 100, NextToken });
      for (const c of out.Contacts ?? []) {
        const contact = await ctx.im.contacts.getContact({ ContactId: c.ContactArn });
        const rotations = await Promise.all((contact.Plan?.RotationIds ?? []).map((arn) => rotationView(ctx, arn, people)));
        schedules.push({
          arn: c.ContactArn!,
          alias: c.Alias!,
          displayName: c.DisplayName || undefined,
          rotations: rotations.map((r) => ({ arn: r.arn, name: r.name, timeZoneId: r.timeZoneId })),
          onCall: await onCallOf(ctx, rotations, people, now),
        });
      }
      NextToken = out.NextToken;
    } while (NextToken && schedules.length < MAX_SCHEDULES);
    return schedules;
  });
}

/** One schedule with its rotations (members by name) and who is on call now and next. */
export function getSchedule(alias: string) {
  return withServices("getSchedule", "contacts.read", async (ctx): Promise<ScheduleDetail> => {
    const people = await knownPeople(ctx);
    const s = await scheduleContact(ctx, alias);
    const rotations = await Promise.all(s.rotationArns.map((arn) => rotationView(ctx, arn, people)));
    return { arn: s.arn, alias: s.alias, displayName: s.displayName, rotations, onCall: await onCallOf(ctx, rotations, people, new Date()) };
  });
}

/** A range the calendar may ask for: two instants, in order, at most MAX_RANGE_MS apart. */
export function parseRange(fromRaw: string | null, toRaw: string | null): { from: Date; to: Date } {
  const from = new Date(fromRaw ?? "");
  const to = new Date(toRaw ?? "");
  if (!fromRaw || Number.isNaN(from.getTime())) throw validation("from must be an ISO 8601 time.", [{ name: "from", message: "Not a time" }]);
  if (!toRaw || Number.isNaN(to.getTime())) throw validation("to must be an ISO 8601 time.", [{ name: "to", message: "Not a time" }]);
  if (to <= from) throw validation("to must be after from.", [{ name: "to", message: "Before from" }]);
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) throw validation(`The range may span at most ${MAX_RANGE_MS / 86_400_000} days.`, [{ name: "to", message: "Range too long" }]);
  return { from, to };
}

/** The shifts and overrides of a schedule's rotations overlapping [from, to), each override with who made it (when the console did). */
export function scheduleShifts(alias: string, from: Date, to: Date) {
  return withServices("scheduleShifts", "contacts.read", (ctx) => readShifts(ctx, alias, from, to));
}

/** The calendar's read (the shifts GET route): scheduleShifts over a range given as the route's parameters, checked. */
export function scheduleCalendar(alias: string, fromRaw: string | null, toRaw: string | null) {
  return withServices("scheduleCalendar", "contacts.read", (ctx) => {
    const { from, to } = parseRange(fromRaw, toRaw);
    return readShifts(ctx, alias, from, to);
  });
}

async function readShifts(ctx: ServiceContext, alias: string, from: Date, to: Date): Promise<ScheduleCalendarData> {
  const [people, s] = await Promise.all([knownPeople(ctx), scheduleContact(ctx, alias)]);
  const [shifts, overrides] = await Promise.all([
    Promise.all(s.rotationArns.map((arn) => rotationShifts(ctx, arn, from, to, people))).then((all) => all.flat()),
    Promise.all(s.rotationArns.map((arn) => rotationOverrides(ctx, arn, from, to, people))).then((all) => all.flat()),
  ]);
  shifts.sort((a, b) => a.start.localeCompare(b.start) || a.rotationArn.localeCompare(b.rotationArn));
  const authors = await overrideAuthors(overrides.map((o) => o.id));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    shifts,
    overrides: overrides.map((o) => ({ ...o, createdBy: authors.get(o.id) })),
  };
}

async function rotationOverrides(ctx: ServiceContext, rotationArn: string, from: Date, to: Date, people: Map<string, Person>): Promise<OverrideView[]> {
  const overrides: OverrideView[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ctx.im.contacts.listRotationOverrides({ RotationId: rotationArn, StartTime: from, EndTime: to, MaxResults: 1024, NextToken });
    for (const o of page.RotationOverrides ?? []) {
      overrides.push({
        id: o.RotationOverrideId!,
        rotationArn,
        people: (o.NewContactIds ?? []).map((c) => personOf(c, people)),
        start: iso(o.StartTime)!,
        end: iso(o.EndTime)!,
        created: iso(o.CreateTime)!,
      });
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return overrides;
}

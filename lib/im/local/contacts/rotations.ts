// On-call rotations: CreateRotation, GetRotation, UpdateRotation, DeleteRotation, ListRotations,
// their overrides (CreateRotationOverride, GetRotationOverride, DeleteRotationOverride,
// ListRotationOverrides) and their shifts (ListRotationShifts, ListPreviewRotationShifts).
//
// A rotation stores what it was given — its members in order, start, zone and recurrence — and
// its shifts are computed from that on every read (./rotation-shifts.ts): nothing is expanded into
// rows, so editing a rotation or an override changes every shift it touches at once, and
// ListPreviewRotationShifts runs the very same code on a rotation that isn't saved.
import type * as C from "@aws-sdk/client-ssm-contacts";
import type { Tx } from "@/lib/db/client";
import { isForeignKeyViolation, isUniqueViolation } from "@/lib/db/errors";
import type { Out } from "../../contract";
import { conflict, notFound, validation, type ValidationField } from "../../errors";
import { contactsArn, newId } from "@/lib/im/arns";
import type { LocalContext } from "../context";
import { idempotent } from "../idempotency";
import { encodeCursor, page } from "../pagination";
import { deleteTagsOf } from "../tags";
import { addContactTags } from "./policies-tags";
import { decodeNextToken, pageSize } from "./records";
import { recurrenceProblems, rotationShifts, TooManyShiftsError, type OverrideSpec, type RotationSpec } from "./rotation-shifts";

export const ROTATION_RESOURCE = "ROTATION";
export const OVERRIDE_RESOURCE = "ROTATION_OVERRIDE";

/** The longest range ListRotationShifts and its preview compute in one call: about two years. */
export const MAX_SHIFT_RANGE_DAYS = 732;
const DAY_MS = 86_400_000;

/** A rotation's definition, as its shifts are computed from it. */
const ROTATION_SELECT = {
  id: true,
  arn: true,
  name: true,
  startTime: true,
  timeZoneId: true,
  recurrence: true,
  contactIds: true,
} as const;

type RotationRow = {
  id: string;
  arn: string;
  name: string;
  startTime: Date;
  timeZoneId: string;
  recurrence: string;
  /** JSON list of the members' ARNs, in order. */
  contactIds: string;
};

const membersOf = (row: Pick<RotationRow, "contactIds">) => JSON.parse(row.contactIds) as string[];

type Reader = Pick<Tx, "rotation">;

export async function requireRotation(db: Reader, arn: string): Promise<RotationRow> {
  const row = await db.rotation.findUnique({ where: { arn }, select: ROTATION_SELECT });
  if (!row) throw notFound(ROTATION_RESOURCE, arn, `The rotation ${arn} does not exist`);
  return row;
}

function toRotation(row: RotationRow): C.Rotation & Out<C.GetRotationCommandOutput> {
  return {
    RotationArn: row.arn,
    Name: row.name,
    ContactIds: membersOf(row),
    StartTime: row.startTime,
    TimeZoneId: row.timeZoneId,
    Recurrence: JSON.parse(row.recurrence) as C.RecurrenceSettings,
  };
}

export function rotationSpec(row: RotationRow): RotationSpec {
  return {
    contactIds: membersOf(row),
    startTime: row.startTime,
    timeZoneId: row.timeZoneId,
    recurrence: JSON.parse(row.recurrence) as C.RecurrenceSettings,
  };
}

/** The recurrence as stored: only the members the model defines, so a read gives back what was meant. */
function storedRecurrence(r: C.RecurrenceSettings): string {
  return JSON.stringify({
    ...(r.MonthlySettings ? { MonthlySettings: r.MonthlySettings.map((m) => ({ DayOfMonth: m.DayOfMonth, HandOffTime: handOff(m.HandOffTime) })) } : {}),
    ...(r.WeeklySettings ? { WeeklySettings: r.WeeklySettings.map((w) => ({ DayOfWeek: w.DayOfWeek, HandOffTime: handOff(w.HandOffTime) })) } : {}),
    ...(r.DailySettings ? { DailySettings: r.DailySettings.map(handOff) } : {}),
    NumberOfOnCalls: r.NumberOfOnCalls,
    ...(r.ShiftCoverages
      ? {
          ShiftCoverages: Object.fromEntries(
            Object.entries(r.ShiftCoverages).map(([day, times]) => [day, (times ?? []).map((t) => ({ ...(t.Start ? { Start: handOff(t.Start) } : {}), ...(t.End ? { End: handOff(t.End) } : {}) }))]),
          ),
        }
      : {}),
    RecurrenceMultiplier: r.RecurrenceMultiplier,
  } satisfies C.RecurrenceSettings);
}

const handOff = (t: C.HandOffTime | undefined): C.HandOffTime => ({ HourOfDay: t?.HourOfDay ?? 0, MinuteOfHour: t?.MinuteOfHour ?? 0 });

/** Checks a rotation's settings against each other (the model's own limits are checked already). */
function checkSettings(spec: { contactIds: string[]; timeZoneId: string; recurrence: C.RecurrenceSettings }, membersPath: string): void {
  // The zone (an IANA name), the recurrence kinds and times, and NumberOfOnCalls against the members.
  const problems = recurrenceProblems(spec, { members: membersPath });
  if (problems.length) throw validation(problems.length === 1 ? problems[0].message : `The rotation has ${problems.length} problems: ${problems.map((p) => p.name).join(", ")}`, problems);
}

/**
 * The contacts a rotation or override names: each must be a personal contact ("Only the PERSONAL
 * contact type is supported", reference: CreateRotation, ContactIds).
 */
async function checkPersonalContacts(tx: Pick<Tx, "contact">, arns: string[], path: string): Promise<void> {
  if (!arns.length) return;
  const found = new Map((await tx.contact.findMany({ where: { arn: { in: [...new Set(arns)] } }, select: { arn: true, type: true } })).map((c) => [c.arn, c.type]));
  const problems: ValidationField[] = [];
  arns.forEach((arn, i) => {
    const type = found.get(arn);
    if (type === undefined) problems.push({ name: `${path}[${i}]`, message: `The contact ${arn} does not exist` });
    else if (type !== "PERSONAL") problems.push({ name: `${path}[${i}]`, message: `${arn} is not a personal contact: only personal contacts take shifts` });
  });
  if (problems.length) throw validation(problems.length === 1 ? problems[0].message : `${problems.length} of the contacts can't take shifts: ${problems.map((p) => p.message).join("; ")}`, problems);
}

const nameConflict = (name: string, arn: string) => conflict(ROTATION_RESOURCE, arn, `A rotation named ${name} already exists`);

/** The members, indexed by contact (the row's contactIds is written with the row). */
async function writeMembers(tx: Tx, rotationId: string, contactIds: string[]): Promise<void> {
  await tx.rotationMember.deleteMany({ where: { rotationId } });
  await tx.rotationMember.createMany({ data: contactIds.map((contactArn, position) => ({ id: newId(), rotationId, position, contactArn })) });
}

export async function createRotation(ctx: LocalContext, input: C.CreateRotationCommandInput): Promise<Out<C.CreateRotationCommandOutput>> {
  const name = input.Name!;
  const arn = contactsArn.rotation(ctx, name);
  const contactIds = input.ContactIds!;
  checkSettings({ contactIds, timeZoneId: input.TimeZoneId!, recurrence: input.Recurrence! }, "ContactIds");
  try {
    return await idempotent(ctx, { service: "ssm-contacts", operation: "CreateRotation", token: input.IdempotencyToken, tokenField: "IdempotencyToken" }, input, async (tx) => {
      if (await tx.rotation.findUnique({ where: { name }, select: { id: true } })) throw nameConflict(name, arn);
      await checkPersonalContacts(tx, contactIds, "ContactIds");
      const now = ctx.clock.now();
      const id = newId();
      await tx.rotation.create({
        data: {
          id,
          arn,
          name,
          // "The date and time that the rotation goes into effect": now when it isn't given.
          startTime: input.StartTime ?? now,
          timeZoneId: input.TimeZoneId!,
          recurrence: storedRecurrence(input.Recurrence!),
          contactIds: JSON.stringify(contactIds),
          createdAt: now,
          updatedAt: now,
        },
        select: { id: true },
      });
      await writeMembers(tx, id, contactIds);
      await addContactTags(tx, arn, input.Tags);
      return { RotationArn: arn };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameConflict(name, arn);
    if (isForeignKeyViolation(e)) throw memberGone();
    throw e;
  }
}

/** A member deleted between the check and the write: its membership's foreign key refused the write. */
const memberGone = () =>
  validation("A contact of the rotation was deleted meanwhile: choose its members again", [{ name: "ContactIds", message: "A contact no longer exists" }]);

export async function getRotation(ctx: LocalContext, input: C.GetRotationCommandInput): Promise<Out<C.GetRotationCommandOutput>> {
  return toRotation(await requireRotation(ctx.db, input.RotationId!));
}

export async function listRotations(ctx: LocalContext, input: C.ListRotationsCommandInput): Promise<Out<C.ListRotationsCommandOutput>> {
  const limit = pageSize(input.MaxResults);
  const cursor = decodeNextToken(input.NextToken, "string");
  const prefix = input.RotationNamePrefix ?? "";
  // By name, which is unique: the name alone is the cursor. startsWith is a LIKE, in which '_'
  // (allowed in names) matches any character, so rows are then held to the literal prefix.
  const rows: RotationRow[] = [];
  let after = cursor ? String(cursor.k) : undefined;
  for (;;) {
    const batch = await ctx.db.rotation.findMany({
      where: { name: { ...(prefix ? { startsWith: prefix } : {}), ...(after !== undefined ? { gt: after } : {}) } },
      orderBy: { name: "asc" },
      take: limit + 1,
      select: ROTATION_SELECT,
    });
    rows.push(...batch.filter((r) => r.name.startsWith(prefix)));
    if (rows.length > limit || batch.length <= limit) break;
    after = batch[batch.length - 1].name;
  }
  const { items, nextToken } = page(rows, limit, (r) => r.name);
  return { Rotations: items.map(toRotation), NextToken: nextToken };
}

export async function updateRotation(ctx: LocalContext, input: C.UpdateRotationCommandInput): Promise<Out<C.UpdateRotationCommandOutput>> {
  try {
    return await updateRotationRows(ctx, input);
  } catch (e) {
    if (isForeignKeyViolation(e)) throw memberGone();
    throw e;
  }
}

async function updateRotationRows(ctx: LocalContext, input: C.UpdateRotationCommandInput): Promise<Out<C.UpdateRotationCommandOutput>> {
  return ctx.db.$transaction(async (tx) => {
    const row = await requireRotation(tx, input.RotationId!);
    // A member left out keeps its value; Recurrence is required, so it is always replaced.
    const contactIds = input.ContactIds ?? membersOf(row);
    const timeZoneId = input.TimeZoneId ?? row.timeZoneId;
    checkSettings({ contactIds, timeZoneId, recurrence: input.Recurrence! }, input.ContactIds ? "ContactIds" : "the rotation's members");
    if (input.ContactIds) await checkPersonalContacts(tx, input.ContactIds, "ContactIds");
    // The rotation's row is written first: on PostgreSQL that locks it, so two updates take turns.
    await tx.rotation.update({
      where: { id: row.id },
      data: {
        timeZoneId,
        recurrence: storedRecurrence(input.Recurrence!),
        ...(input.StartTime ? { startTime: input.StartTime } : {}),
        ...(input.ContactIds ? { contactIds: JSON.stringify(input.ContactIds) } : {}),
        updatedAt: ctx.clock.now(),
      },
      select: { id: true },
    });
    if (input.ContactIds) await writeMembers(tx, row.id, input.ContactIds);
    return {};
  });
}

export async function deleteRotation(ctx: LocalContext, input: C.DeleteRotationCommandInput): Promise<Out<C.DeleteRotationCommandOutput>> {
  return ctx.db.$transaction(async (tx) => {
    const row = await requireRotation(tx, input.RotationId!);
    // "If a rotation belongs to more than one on-call schedule, this operation deletes it from all
    // of them" (reference: DeleteRotation). A schedule left without rotations stays, paging no one
    // until it is given one; its page says so.
    await tx.scheduleRotation.deleteMany({ where: { rotationArn: row.arn } });
    await deleteTagsOf(tx, [row.arn]);
    const overrides = await tx.rotationOverride.findMany({ where: { rotationId: row.id }, select: { id: true } });
    await tx.rotation.delete({ where: { id: row.id }, select: { id: true } });
    // A retried create with an old token must not answer with something that no longer exists.
    await tx.idempotencyRecord.deleteMany({
      where: {
        service: "ssm-contacts",
        OR: [
          { operation: "CreateRotation", response: JSON.stringify({ RotationArn: row.arn }) },
          { operation: "CreateRotationOverride", response: { in: overrides.map((o) => JSON.stringify({ RotationOverrideId: o.id })) } },
        ],
      },
    });
    return {};
  });
}

// ── Overrides ──

type OverrideRow = { id: string; newContactIds: string; startTime: Date; endTime: Date; createTime: Date };
const OVERRIDE_SELECT = { id: true, newContactIds: true, startTime: true, endTime: true, createTime: true } as const;

export const overrideSpec = (o: OverrideRow): OverrideSpec => ({
  id: o.id,
  newContactIds: JSON.parse(o.newContactIds) as string[],
  startTime: o.startTime,
  endTime: o.endTime,
  createTime: o.createTime,
});

function checkRange(start: Date | undefined, end: Date | undefined, names: [string, string]): void {
  if (start && end && !(end.getTime() > start.getTime())) {
    throw validation(`${names[1]} must be after ${names[0]}`, [{ name: names[1], message: `Must be after ${names[0]}` }]);
  }
}

export async function createRotationOverride(
  ctx: LocalContext,
  input: C.CreateRotationOverrideCommandInput,
): Promise<Out<C.CreateRotationOverrideCommandOutput>> {
  checkRange(input.StartTime, input.EndTime, ["StartTime", "EndTime"]);
  const newContactIds = input.NewContactIds ?? [];
  return idempotent(ctx, { service: "ssm-contacts", operation: "CreateRotationOverride", token: input.IdempotencyToken, tokenField: "IdempotencyToken" }, input, async (tx) => {
    const rotation = await requireRotation(tx, input.RotationId!);
    await checkPersonalContacts(tx, newContactIds, "NewContactIds");
    const id = newId();
    await tx.rotationOverride.create({
      data: {
        id,
        rotationId: rotation.id,
        newContactIds: JSON.stringify(newContactIds),
        startTime: input.StartTime!,
        endTime: input.EndTime!,
        createTime: ctx.clock.now(),
      },
      select: { id: true },
    });
    return { RotationOverrideId: id };
  });
}

async function requireOverride(db: Pick<Tx, "rotation" | "rotationOverride">, rotationArn: string, overrideId: string) {
  const rotation = await requireRotation(db, rotationArn);
  const row = await db.rotationOverride.findFirst({ where: { id: overrideId, rotationId: rotation.id }, select: OVERRIDE_SELECT });
  if (!row) throw notFound(OVERRIDE_RESOURCE, overrideId, `The rotation ${rotationArn} has no override ${overrideId}`);
  return { rotation, row };
}

export async function getRotationOverride(ctx: LocalContext, input: C.GetRotationOverrideCommandInput): Promise<Out<C.GetRotationOverrideCommandOutput>> {
  const { rotation, row } = await requireOverride(ctx.db, input.RotationId!, input.RotationOverrideId!);
  return {
    RotationOverrideId: row.id,
    RotationArn: rotation.arn,
    NewContactIds: JSON.parse(row.newContactIds) as string[],
    StartTime: row.startTime,
    EndTime: row.endTime,
    CreateTime: row.createTime,
  };
}

export async function deleteRotationOverride(ctx: LocalContext, input: C.DeleteRotationOverrideCommandInput): Promise<Out<C.DeleteRotationOverrideCommandOutput>> {
  return ctx.db.$transaction(async (tx) => {
    const { row } = await requireOverride(tx, input.RotationId!, input.RotationOverrideId!);
    await tx.rotationOverride.delete({ where: { id: row.id }, select: { id: true } });
    await tx.idempotencyRecord.deleteMany({
      where: { service: "ssm-contacts", operation: "CreateRotationOverride", response: JSON.stringify({ RotationOverrideId: row.id }) },
    });
    return {};
  });
}

/** A rotation's overrides that overlap [start, end), in time order. */
async function overridesIn(db: Pick<Tx, "rotationOverride">, rotationId: string, start: Date, end: Date, take?: number, after?: { startTime: Date; id: string }) {
  return db.rotationOverride.findMany({
    where: {
      rotationId,
      startTime: { lt: end },
      endTime: { gt: start },
      ...(after ? { OR: [{ startTime: { gt: after.startTime } }, { startTime: after.startTime, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ startTime: "asc" }, { id: "asc" }],
    ...(take ? { take } : {}),
    select: OVERRIDE_SELECT,
  });
}

export async function listRotationOverrides(ctx: LocalContext, input: C.ListRotationOverridesCommandInput): Promise<Out<C.ListRotationOverridesCommandOutput>> {
  checkRange(input.StartTime, input.EndTime, ["StartTime", "EndTime"]);
  const limit = pageSize(input.MaxResults);
  const cursor = decodeNextToken(input.NextToken, "number");
  const rotation = await requireRotation(ctx.db, input.RotationId!);
  const rows = await overridesIn(ctx.db, rotation.id, input.StartTime!, input.EndTime!, limit + 1, cursor ? { startTime: new Date(cursor.k as number), id: cursor.id } : undefined);
  const { items, nextToken } = page(rows, limit, (r) => r.startTime.getTime());
  return {
    RotationOverrides: items.map((o) => ({
      RotationOverrideId: o.id,
      NewContactIds: JSON.parse(o.newContactIds) as string[],
      StartTime: o.startTime,
      EndTime: o.endTime,
      CreateTime: o.createTime,
    })),
    NextToken: nextToken,
  };
}

// ── Shifts ──

/**
 * A page of computed shifts. Shifts are in time order and recomputed on each call, so the cursor
 * is the position in that order; the range is bounded, so a call's work is too.
 */
function shiftPage(shifts: C.RotationShift[], input: { NextToken?: string; MaxResults?: number }): { RotationShifts: C.RotationShift[]; NextToken?: string } {
  const limit = pageSize(input.MaxResults);
  const cursor = decodeNextToken(input.NextToken, "number");
  const from = cursor ? (cursor.k as number) : 0;
  const items = shifts.slice(from, from + limit);
  const more = from + limit < shifts.length;
  return { RotationShifts: items, ...(more ? { NextToken: encodeCursor({ k: from + limit, id: "" }) } : {}) };
}

/** The shifts of a range, or a ValidationException naming EndTime when there would be too many. */
function shiftsIn(spec: RotationSpec, overrides: OverrideSpec[], from: Date, to: Date): C.RotationShift[] {
  try {
    return rotationShifts(spec, overrides, from, to);
  } catch (e) {
    if (!(e instanceof TooManyShiftsError)) throw e;
    throw validation(`The range holds more than ${e.limit} shifts: ask for a shorter range (an earlier EndTime)`, [
      { name: "EndTime", message: `At most ${e.limit} shifts per call` },
    ]);
  }
}

function shiftRange(start: Date | undefined, end: Date, now: Date, names: [string, string]): { from: Date; to: Date } {
  const from = start ?? now;
  checkRange(from, end, names);
  if (end.getTime() - from.getTime() > MAX_SHIFT_RANGE_DAYS * DAY_MS) {
    throw validation(`List shifts over at most ${MAX_SHIFT_RANGE_DAYS} days at a time: ask for the rest in another call`, [
      { name: names[1], message: `At most ${MAX_SHIFT_RANGE_DAYS} days after ${names[0]}` },
    ]);
  }
  return { from, to: end };
}

export async function listRotationShifts(ctx: LocalContext, input: C.ListRotationShiftsCommandInput): Promise<Out<C.ListRotationShiftsCommandOutput>> {
  const { from, to } = shiftRange(input.StartTime, input.EndTime!, ctx.clock.now(), ["StartTime", "EndTime"]);
  const rotation = await requireRotation(ctx.db, input.RotationId!);
  const overrides = (await overridesIn(ctx.db, rotation.id, from, to)).map(overrideSpec);
  return shiftPage(shiftsIn(rotationSpec(rotation), overrides, from, to), input);
}

export async function listPreviewRotationShifts(
  ctx: LocalContext,
  input: C.ListPreviewRotationShiftsCommandInput,
): Promise<Out<C.ListPreviewRotationShiftsCommandOutput>> {
  const now = ctx.clock.now();
  const rotationStart = input.RotationStartTime ?? now;
  const { from, to } = shiftRange(input.StartTime ?? rotationStart, input.EndTime!, now, ["StartTime", "EndTime"]);
  const members = input.Members!;
  checkSettings({ contactIds: members, timeZoneId: input.TimeZoneId!, recurrence: input.Recurrence! }, "Members");
  const problems: ValidationField[] = [];
  const overrides: OverrideSpec[] = (input.Overrides ?? []).flatMap((o, i) => {
    if (!o.StartTime || !o.EndTime) {
      problems.push({ name: `Overrides[${i}]`, message: "An override needs a StartTime and an EndTime" });
      return [];
    }
    if (!(o.EndTime.getTime() > o.StartTime.getTime())) {
      problems.push({ name: `Overrides[${i}].EndTime`, message: "Must be after StartTime" });
      return [];
    }
    // Given in order, so a later one wins where two overlap, as a later-created override does.
    return [{ id: String(i).padStart(6, "0"), newContactIds: o.NewMembers ?? [], startTime: o.StartTime, endTime: o.EndTime, createTime: new Date(i) }];
  });
  if (problems.length) throw validation(problems[0].message, problems);
  const spec: RotationSpec = { contactIds: members, startTime: rotationStart, timeZoneId: input.TimeZoneId!, recurrence: input.Recurrence! };
  return shiftPage(shiftsIn(spec, overrides, from, to), input);
}

// The shifts a feed or an export lists, through the ssm-contacts contract (GetContact, ListContacts,
// ListRotations, GetRotation, ListRotationShifts), so local and aws mode alike. Each shift carries
// the names a calendar or a spreadsheet shows: its schedule(s), its rotation and zone, its people.
import "server-only";
import type { ServiceContext } from "@/lib/console/core/safe-action";
import { knownPeople, rotationShifts } from "@/lib/console/schedules/queries";
import type { Person, ShiftView } from "@/lib/console/schedules/dto";
import type { NamedShift } from "./dto";
export type { NamedShift } from "./dto";
import { notFound } from "@/lib/im/errors";
import { memberMax } from "@/lib/im/model";
import { aliasOfArn } from "./dto";


type RotationInfo = { arn: string; name: string; timeZoneId: string; memberArns: string[] };

/** How many schedules and rotations one read looks at (beyond, it stops: the read stays bounded). */
export const MAX_SCHEDULES = 200;
export const MAX_ROTATIONS = 500;
const ROTATIONS_PAGE = memberMax("ssm-contacts", "ListRotationsRequest", "MaxResults");

async function scheduleNames(ctx: ServiceContext): Promise<Map<string, string[]>> {
  // rotation ARN → the names of the schedules that hold it (a rotation may be in several, or none).
  const byRotation = new Map<string, string[]>();
  let NextToken: string | undefined;
  let seen = 0;
  do {
    const page = await ctx.im.contacts.listContacts({ Type: "ONCALL_SCHEDULE", MaxResults: 100, NextToken });
    const contacts = page.Contacts ?? [];
    seen += contacts.length;
    const plans = await Promise.all(contacts.map((c) => ctx.im.contacts.getContact({ ContactId: c.ContactArn })));
    plans.forEach((contact, i) => {
      const name = contacts[i].DisplayName || contacts[i].Alias!;
      for (const r of contact.Plan?.RotationIds ?? []) byRotation.set(r, [...(byRotation.get(r) ?? []), name]);
    });
    NextToken = page.NextToken;
  } while (NextToken && seen < MAX_SCHEDULES);
  return byRotation;
}

async function allRotations(ctx: ServiceContext): Promise<RotationInfo[]> {
  const out: RotationInfo[] = [];
  let NextToken: string | undefined;
  do {
    const page = await ctx.im.contacts.listRotations({ MaxResults: ROTATIONS_PAGE, NextToken });
    for (const r of page.Rotations ?? []) out.push({ arn: r.RotationArn!, name: r.Name!, timeZoneId: r.TimeZoneId ?? "UTC", memberArns: r.ContactIds ?? [] });
    NextToken = page.NextToken;
  } while (NextToken && out.length < MAX_ROTATIONS);
  return out;
}

function named(shifts: ShiftView[], r: RotationInfo, schedule: string): NamedShift[] {
  return shifts.map((s) => ({ ...s, schedule, rotation: r.name, timeZoneId: r.timeZoneId }));
}

const byTime = (a: NamedShift, b: NamedShift) => a.start.localeCompare(b.start) || a.rotation.localeCompare(b.rotation);

/**
 * The shifts of one person overlapping [from, to), in every rotation. Every rotation is read, not
 * only those the person is a member of: an override can put anyone on call in any rotation.
 */
export async function contactShifts(ctx: ServiceContext, contactArn: string, from: Date, to: Date, people?: Map<string, Person>): Promise<NamedShift[]> {
  const [known, rotations, schedules] = await Promise.all([people ?? knownPeople(ctx), allRotations(ctx), scheduleNames(ctx)]);
  const lists = await Promise.all(
    rotations.map(async (r) => {
      const mine = (await rotationShifts(ctx, r.arn, from, to, known)).filter((s) => s.people.some((p) => p.arn === contactArn));
      return named(mine, r, (schedules.get(r.arn) ?? []).join(", "));
    }),
  );
  return lists.flat().sort(byTime);
}

/** A schedule (an ONCALL_SCHEDULE contact) by ARN, with its display name and rotations. */
export async function scheduleOf(ctx: ServiceContext, scheduleArn: string): Promise<{ arn: string; alias: string; name: string; rotations: RotationInfo[] }> {
  const contact = await ctx.im.contacts.getContact({ ContactId: scheduleArn });
  if (contact.Type !== "ONCALL_SCHEDULE") throw notFound("CONTACT", scheduleArn, `There is no on-call schedule ${aliasOfArn(scheduleArn)}`);
  const rotations = await Promise.all(
    (contact.Plan?.RotationIds ?? []).map(async (arn) => {
      const r = await ctx.im.contacts.getRotation({ RotationId: arn });
      return { arn, name: r.Name!, timeZoneId: r.TimeZoneId ?? "UTC", memberArns: r.ContactIds ?? [] };
    }),
  );
  return { arn: contact.ContactArn!, alias: contact.Alias!, name: contact.DisplayName || contact.Alias!, rotations };
}

/** A schedule's ARN from its alias (what URLs carry). */
export async function scheduleArnOf(ctx: ServiceContext, alias: string): Promise<string> {
  const { Contacts } = await ctx.im.contacts.listContacts({ AliasPrefix: alias, Type: "ONCALL_SCHEDULE", MaxResults: 20 });
  const found = Contacts?.find((c) => c.Alias === alias);
  if (!found) throw notFound("CONTACT", alias, `There is no on-call schedule ${alias}`);
  return found.ContactArn!;
}

/** Every shift of a schedule's rotations overlapping [from, to). */
export async function scheduleShiftsNamed(ctx: ServiceContext, scheduleArn: string, from: Date, to: Date, people?: Map<string, Person>): Promise<NamedShift[]> {
  const [known, schedule] = await Promise.all([people ?? knownPeople(ctx), scheduleOf(ctx, scheduleArn)]);
  const lists = await Promise.all(schedule.rotations.map(async (r) => named(await rotationShifts(ctx, r.arn, from, to, known), r, schedule.name)));
  return lists.flat().sort(byTime);
}

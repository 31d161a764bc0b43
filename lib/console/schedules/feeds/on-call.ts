// "Who is on call" where it helps: a person's next shifts (My pages, a contact's page), who is on
// call now in the schedules an incident or a response plan engages, and how each page of an
// engagement reached its person (ListPageResolutions, by name). Bounded reads: a short look-ahead,
// a few shifts, a capped number of schedules and names.
import "server-only";
import { getMyContactArn } from "@/lib/auth/my-contact";
import { withServices, type ServiceContext } from "@/lib/console/core/safe-action";
import { onCallFrom } from "@/lib/console/schedules/dto";
import { knownPeople, rotationShifts } from "@/lib/console/schedules/queries";
import { isImError } from "@/lib/im/errors";
import { aliasOfArn, type NextShifts, type PagePath, type ScheduleOnCall } from "./dto";
import { contactShifts, scheduleOf } from "./shifts";

/** How far ahead "next shifts" look, and how many they list. */
const NEXT_SHIFTS_MS = 28 * 86_400_000;
export const NEXT_SHIFTS_COUNT = 5;
/** How far ahead "on call now" looks for the next hand-off. */
const ON_CALL_LOOKAHEAD_MS = 7 * 86_400_000;
/** How many schedules one "on call now" read looks at, and how many contacts a path names. */
const MAX_SCHEDULES = 20;
const MAX_NAMES = 100;

async function nextShiftsOf(ctx: ServiceContext, contactArn: string, now: Date): Promise<NextShifts> {
  const shifts = await contactShifts(ctx, contactArn, now, new Date(now.getTime() + NEXT_SHIFTS_MS));
  return { contactArn, shifts: shifts.slice(0, NEXT_SHIFTS_COUNT) };
}

/** The signed-in user's next shifts (their linked contact's), the one they are on now first. */
export function myNextShifts() {
  return withServices("myNextShifts", "contacts.read", async (ctx): Promise<NextShifts> => {
    const me = await getMyContactArn(ctx.user);
    return me ? nextShiftsOf(ctx, me, new Date()) : { contactArn: null, shifts: [] };
  });
}

/** A contact's next shifts (a contact's page). */
export function contactNextShifts(contactArn: string) {
  return withServices("contactNextShifts", "contacts.read", (ctx) => nextShiftsOf(ctx, contactArn, new Date()));
}

/** The schedules among `contactArns` and in the stages of the escalation plans among them. */
async function engagedSchedules(ctx: ServiceContext, contactArns: string[]): Promise<string[]> {
  const direct = [...new Set(contactArns.filter((a) => /:contact\//.test(a)))].slice(0, MAX_SCHEDULES);
  const contacts = await Promise.all(direct.map((arn) => ctx.im.contacts.getContact({ ContactId: arn }).catch(() => null)));
  const found: string[] = [];
  const add = (arn: string) => {
    if (!found.includes(arn)) found.push(arn);
  };
  const inPlans: string[] = [];
  for (const c of contacts) {
    if (c?.Type === "ONCALL_SCHEDULE") add(c.ContactArn!);
    if (c?.Type === "ESCALATION") for (const stage of c.Plan?.Stages ?? []) for (const t of stage.Targets ?? []) if (t.ContactTargetInfo?.ContactId) inPlans.push(t.ContactTargetInfo.ContactId);
  }
  const targets = await Promise.all([...new Set(inPlans)].slice(0, MAX_SCHEDULES).map((arn) => ctx.im.contacts.getContact({ ContactId: arn }).catch(() => null)));
  for (const c of targets) if (c?.Type === "ONCALL_SCHEDULE") add(c.ContactArn!);
  return found.slice(0, MAX_SCHEDULES);
}

/**
 * Who is on call now (and the next hand-off) in each on-call schedule that `contactArns` engage:
 * directly, or as a stage target of an escalation plan among them. People and contacts that are
 * gone are left out.
 */
export function onCallNow(contactArns: string[]) {
  return withServices("onCallNow", "contacts.read", (ctx) => onCallOf(ctx, contactArns));
}

/** How many incidents' engagements the incidents list reads for "on call now". */
const MAX_INCIDENTS = 10;

/** Who is on call now in the schedules the given (open) incidents engaged (ListEngagements by incident). */
export function onCallForIncidents(incidentArns: string[]) {
  return withServices("onCallForIncidents", "contacts.read", async (ctx): Promise<ScheduleOnCall[]> => {
    const lists = await Promise.all(
      incidentArns.slice(0, MAX_INCIDENTS).map(async (IncidentId) => (await ctx.im.contacts.listEngagements({ IncidentId, MaxResults: 20 })).Engagements ?? []),
    );
    return onCallOf(ctx, lists.flat().map((e) => e.ContactArn!));
  });
}

async function onCallOf(ctx: ServiceContext, contactArns: string[]): Promise<ScheduleOnCall[]> {
  const arns = await engagedSchedules(ctx, contactArns);
  if (!arns.length) return [];
  const now = new Date();
  const until = new Date(now.getTime() + ON_CALL_LOOKAHEAD_MS);
  const people = await knownPeople(ctx);
  const out = await Promise.all(
    arns.map(async (arn): Promise<ScheduleOnCall | null> => {
      const schedule = await scheduleOf(ctx, arn).catch((e) => {
        if (isImError(e) && e.code === "ResourceNotFoundException") return null;
        throw e;
      });
      if (!schedule) return null;
      const shifts = (await Promise.all(schedule.rotations.map((r) => rotationShifts(ctx, r.arn, now, until, people)))).flat();
      const zones = new Map(schedule.rotations.map((r) => [r.arn, r.timeZoneId]));
      return { arn: schedule.arn, alias: schedule.alias, name: schedule.name, onCall: onCallFrom(shifts, now, (r) => zones.get(r) ?? "UTC") };
    }),
  );
  return out.filter((s): s is ScheduleOnCall => s !== null);
}

/** ListPageResolutions of each page, by name: "escalation plan → schedule → Ann". */
export function pagePaths(pages: { pageArn: string; contactArn: string }[]) {
  return withServices("pagePaths", "contacts.read", async (ctx): Promise<PagePath[]> => {
    const resolutions = await Promise.all(pages.map(async (p) => ({ ...p, steps: (await ctx.im.contacts.listPageResolutions({ PageId: p.pageArn })).PageResolutions ?? [] })));
    const arns = [...new Set(resolutions.flatMap((r) => r.steps.map((s) => s.ContactArn!)))].slice(0, MAX_NAMES);
    const names = new Map(
      await Promise.all(
        arns.map(async (arn): Promise<[string, string]> => {
          const c = await ctx.im.contacts.getContact({ ContactId: arn }).catch(() => null);
          return [arn, c?.DisplayName || c?.Alias || aliasOfArn(arn)];
        }),
      ),
    );
    return resolutions.map((r) => ({
      pageArn: r.pageArn,
      contactArn: r.contactArn,
      steps: r.steps.map((s) => ({ arn: s.ContactArn!, name: names.get(s.ContactArn!) ?? aliasOfArn(s.ContactArn!), type: s.Type!, ...(s.StageIndex !== undefined ? { stageIndex: s.StageIndex } : {}) })),
    }));
  });
}

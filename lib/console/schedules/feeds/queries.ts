// Calendar feeds and shift exports for route handlers and server components. The feed itself
// (readCalendarFeed) has no session: its token is the credential, and it reads as the token's
// owner — the owner's role and active flag checked on every poll, so a deactivated owner's feeds
// stop at once. Everything else runs as the signed-in user (withServices).
import "server-only";
import { getMyContactArn } from "@/lib/auth/my-contact";
import { services } from "@/lib/bootstrap/services";
import { config } from "@/lib/config";
import { withServices, type ServiceContext } from "@/lib/console/core/safe-action";
import { db } from "@/lib/db/client";
import { principalArn } from "@/lib/im/arns";
import { isImError, validation } from "@/lib/im/errors";
import { MAX_RANGE_MS } from "@/lib/console/schedules/queries";
import { FEED_AHEAD_MS, FEED_PAST_MS, feedCalendar } from "./calendar";
import { exportRows, toShiftsCsv } from "./csv";
import type { FeedRow } from "./dto";
import { listFeeds, openFeed, touchFeed } from "./feed-tokens";
import { contactShifts, scheduleArnOf, scheduleOf, scheduleShiftsNamed, type NamedShift } from "./shifts";

/** The body of the feed a token opens, or null (unknown, revoked, or its owner may no longer read). */
export async function readCalendarFeed(token: string, now = new Date()): Promise<{ name: string; body: string } | null> {
  const database = db();
  const feed = await openFeed(database, token);
  if (!feed) return null;
  const { owner } = feed;
  const ctx: ServiceContext = {
    user: { id: owner.id, email: owner.email, name: owner.name, role: owner.role },
    im: services({ principalArn: principalArn(config().accountId, owner.email) }),
  };
  const from = new Date(now.getTime() - FEED_PAST_MS);
  const to = new Date(now.getTime() + FEED_AHEAD_MS);
  let name: string;
  let shifts: NamedShift[];
  if (feed.kind === "SCHEDULE") {
    // A schedule deleted since is a feed that opens nothing.
    const schedule = await scheduleOf(ctx, feed.scheduleArn!).catch((e) => {
      if (isImError(e) && e.code === "ResourceNotFoundException") return null;
      throw e;
    });
    if (!schedule) return null;
    name = `On call: ${schedule.name}`;
    shifts = await scheduleShiftsNamed(ctx, schedule.arn, from, to);
  } else {
    name = `My on-call shifts (${owner.name})`;
    // The contact linked now: relinking on My pages moves the feed with it.
    shifts = owner.contactArn ? await contactShifts(ctx, owner.contactArn, from, to) : [];
  }
  await touchFeed(database, feed.id, now).catch((e) => console.error("[readCalendarFeed] could not record the feed's use", e));
  return { name, body: feedCalendar(name, shifts, now) };
}

export function listMyFeeds() {
  return withServices("listMyFeeds", "contacts.read", async ({ user }): Promise<FeedRow[]> => listFeeds(db(), user.id, { kind: "MINE" }));
}

export function listScheduleFeeds(alias: string) {
  return withServices("listScheduleFeeds", "contacts.read", async (ctx): Promise<FeedRow[]> => {
    const arn = await scheduleArnOf(ctx, alias);
    return listFeeds(db(), ctx.user.id, { kind: "SCHEDULE", scheduleArn: arn });
  });
}

/** An export's range from its query parameters: ISO dates or times, from before to, at most MAX_RANGE_MS. */
export function exportRange(fromText: string | null, toText: string | null): { from: Date; to: Date } {
  const parse = (name: string, text: string | null) => {
    const d = text ? new Date(text) : new Date(NaN);
    if (!text || Number.isNaN(d.getTime())) throw validation(`${name} must be a date (YYYY-MM-DD) or an ISO time`, [{ name, message: "Must be a date or an ISO time" }]);
    return d;
  };
  const from = parse("from", fromText);
  const to = parse("to", toText);
  if (to <= from) throw validation("to must be after from", [{ name: "to", message: "Must be after from" }]);
  if (to.getTime() - from.getTime() > MAX_RANGE_MS) {
    throw validation(`An export covers at most ${MAX_RANGE_MS / 86_400_000} days`, [{ name: "to", message: `At most ${MAX_RANGE_MS / 86_400_000} days after from` }]);
  }
  return { from, to };
}

/** CSV of the signed-in user's shifts (their linked contact) starting in the range. */
export function exportMyShifts(fromText: string | null, toText: string | null) {
  return withServices("exportMyShifts", "contacts.read", async (ctx): Promise<string> => {
    const { from, to } = exportRange(fromText, toText);
    const me = await getMyContactArn(ctx.user);
    if (!me) throw validation("Link your contact on My pages first: your shifts are that contact's shifts");
    return toShiftsCsv(exportRows(await contactShifts(ctx, me, from, to), from, to, me));
  });
}

/** CSV of every shift of one schedule starting in the range. */
export function exportScheduleShifts(alias: string, fromText: string | null, toText: string | null) {
  return withServices("exportScheduleShifts", "contacts.read", async (ctx): Promise<string> => {
    const { from, to } = exportRange(fromText, toText);
    const arn = await scheduleArnOf(ctx, alias);
    return toShiftsCsv(exportRows(await scheduleShiftsNamed(ctx, arn, from, to), from, to));
  });
}

// Calendar feed tokens in the console's database (CalendarFeed). A feed's URL carries a random
// 256-bit token; only its SHA-256 is stored (lib/secrets/bearer-token.ts says why a fast hash is
// right for it). A copy of the database opens no feed.
import "server-only";
import { randomUUID } from "node:crypto";
import { can, isRole, type Role } from "@/lib/auth/permissions";
import type { Db } from "@/lib/db/client";
import { iso } from "@/lib/console/core/names";
import { ImError, notFound } from "@/lib/im/errors";
import { BEARER_TOKEN_PATTERN, bearerTokenHash, newBearerToken, sameTokenHash } from "@/lib/secrets/bearer-token";
import { aliasOfArn, type FeedKind, type FeedRow } from "./dto";

/** How many live feeds one user may hold (each is a standing read of the services). */
export const MAX_FEEDS_PER_USER = 50;
/** lastUsedAt is shown to the minute; calendar apps poll often, so it is written at most this often. */
const TOUCH_INTERVAL_MS = 60_000;

const FEED_SELECT = { id: true, kind: true, scheduleArn: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;
type FeedSelected = { id: string; kind: string; scheduleArn: string | null; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

function toFeedRow(row: FeedSelected): FeedRow {
  return {
    id: row.id,
    kind: row.kind === "SCHEDULE" ? "SCHEDULE" : "MINE",
    ...(row.scheduleArn ? { scheduleArn: row.scheduleArn, scheduleAlias: aliasOfArn(row.scheduleArn) } : {}),
    created: iso(row.createdAt)!,
    ...(row.lastUsedAt ? { lastUsed: iso(row.lastUsedAt) } : {}),
    ...(row.revokedAt ? { revoked: iso(row.revokedAt) } : {}),
  };
}

/** Makes a feed for `userId`; the token is returned once and never stored. */
export async function createFeed(db: Db, input: { userId: string; kind: FeedKind; scheduleArn?: string }): Promise<FeedRow & { token: string }> {
  const live = await db.calendarFeed.count({ where: { userId: input.userId, revokedAt: null } });
  if (live >= MAX_FEEDS_PER_USER) {
    throw new ImError("ServiceQuotaExceededException", `You have ${live} calendar feeds, the most one user may hold: revoke one you no longer use.`);
  }
  const token = newBearerToken();
  const row = await db.calendarFeed.create({
    data: { id: randomUUID(), tokenHash: bearerTokenHash(token), userId: input.userId, kind: input.kind, scheduleArn: input.kind === "SCHEDULE" ? input.scheduleArn : null },
    select: FEED_SELECT,
  });
  return { ...toFeedRow(row), token };
}

/** A user's feeds, newest first: of their own shifts, or (with scheduleArn) of one schedule. */
export async function listFeeds(db: Db, userId: string, filter: { kind: FeedKind; scheduleArn?: string }): Promise<FeedRow[]> {
  const rows = await db.calendarFeed.findMany({
    where: { userId, kind: filter.kind, ...(filter.kind === "SCHEDULE" ? { scheduleArn: filter.scheduleArn } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: MAX_FEEDS_PER_USER * 4,
    select: FEED_SELECT,
  });
  return rows.map(toFeedRow);
}

/** Revokes one of the user's feeds for good (scoped in the query: another user's feed is not found). */
export async function revokeFeed(db: Db, userId: string, id: string, now = new Date()): Promise<FeedRow> {
  await db.calendarFeed.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: now } });
  const row = await db.calendarFeed.findFirst({ where: { id, userId }, select: FEED_SELECT });
  if (!row) throw notFound("CALENDAR_FEED", id, "There is no such calendar feed of yours");
  return toFeedRow(row);
}

/** The feed a token opens and the user it reads as; null when unknown, revoked, or its owner may no longer read. */
export type OpenedFeed = { id: string; kind: FeedKind; scheduleArn?: string; owner: { id: string; email: string; name: string; role: Role; contactArn: string | null } };

export async function openFeed(db: Db, token: string): Promise<OpenedFeed | null> {
  if (!BEARER_TOKEN_PATTERN.test(token)) return null;
  const hash = bearerTokenHash(token);
  const row = await db.calendarFeed.findUnique({
    where: { tokenHash: hash },
    select: { id: true, kind: true, scheduleArn: true, tokenHash: true, revokedAt: true, user: { select: { id: true, email: true, name: true, role: true, active: true, contactArn: true } } },
  });
  // The index lookup's timing depends only on the hash, which says nothing of other tokens; the
  // comparison is constant-time all the same, so no answer depends on how much of a value matched.
  if (!row || !sameTokenHash(row.tokenHash, hash)) return null;
  const { user } = row;
  if (row.revokedAt || !user.active || !isRole(user.role) || !can(user.role, "contacts.read")) return null;
  return {
    id: row.id,
    kind: row.kind === "SCHEDULE" ? "SCHEDULE" : "MINE",
    ...(row.scheduleArn ? { scheduleArn: row.scheduleArn } : {}),
    owner: { id: user.id, email: user.email, name: user.name, role: user.role, contactArn: user.contactArn },
  };
}

/** Records a feed's use, at most once a minute (a failure here must not fail the feed). */
export async function touchFeed(db: Db, id: string, now = new Date()): Promise<void> {
  await db.calendarFeed.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - TOUCH_INTERVAL_MS) } }] },
    data: { lastUsedAt: now },
  });
}
